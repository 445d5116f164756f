"""Tables for make-demo-corpus.py: the entity values and the sentence templates of the demo corpus.

Every sentence here was written for this project (no text is taken from any dataset). Languages:
en, de, es, ru, zh, ar. Entity names (companies, bands, programs) are invented and written in Latin
letters in every language, as brand names often are; numbers and years are written in digits.

Template fields: {name}, {year}, {n} and a language's count phrase {count} (number + noun in the
right form), {city}, {city_prep} (Russian prepositional), {product}, {genre}, {purpose}, {plang}.
"""

LANGUAGES = ["en", "de", "es", "ru", "zh", "ar"]

# Name parts: a name is a head and a tail ("Vel" + "mora" = "Velmora").
NAME_HEADS = ["Vel", "Kor", "Mar", "Tal", "Bren", "Sol", "Dar", "Fen", "Lum", "Nor", "Quin", "Ros",
              "Sar", "Tor", "Ul", "Var", "Zen", "Hal", "Ost", "Pel", "Ker", "Jun", "Bal", "Dov"]
NAME_TAILS = ["mora", "vik", "ena", "dal", "ix", "aro", "ven", "ora", "stad", "ilo", "una", "ett",
              "ano", "berg", "ton", "ari", "esk", "oni"]

# Cities: en, de, es, ru (nominative), ru (prepositional, after "в"), zh, ar.
CITIES = [
    ("Berlin", "Berlin", "Berlín", "Берлин", "Берлине", "柏林", "برلين"),
    ("Madrid", "Madrid", "Madrid", "Мадрид", "Мадриде", "马德里", "مدريد"),
    ("Vienna", "Wien", "Viena", "Вена", "Вене", "维也纳", "فيينا"),
    ("Prague", "Prag", "Praga", "Прага", "Праге", "布拉格", "براغ"),
    ("Lisbon", "Lissabon", "Lisboa", "Лиссабон", "Лиссабоне", "里斯本", "لشبونة"),
    ("Warsaw", "Warschau", "Varsovia", "Варшава", "Варшаве", "华沙", "وارسو"),
    ("Rome", "Rom", "Roma", "Рим", "Риме", "罗马", "روما"),
    ("Cairo", "Kairo", "El Cairo", "Каир", "Каире", "开罗", "القاهرة"),
    ("Tokyo", "Tokio", "Tokio", "Токио", "Токио", "东京", "طوكيو"),
    ("Toronto", "Toronto", "Toronto", "Торонто", "Торонто", "多伦多", "تورونتو"),
    ("Oslo", "Oslo", "Oslo", "Осло", "Осло", "奥斯陆", "أوسلو"),
    ("Dublin", "Dublin", "Dublín", "Дублин", "Дублине", "都柏林", "دبلن"),
    ("Seoul", "Seoul", "Seúl", "Сеул", "Сеуле", "首尔", "سيول"),
    ("Athens", "Athen", "Atenas", "Афины", "Афинах", "雅典", "أثينا"),
]

# What a company makes: en, de, es, ru (accusative), zh, ar.
PRODUCTS = [
    ("bicycles", "Fahrräder", "bicicletas", "велосипеды", "自行车", "الدراجات الهوائية"),
    ("furniture", "Möbel", "muebles", "мебель", "家具", "الأثاث"),
    ("toys", "Spielzeug", "juguetes", "игрушки", "玩具", "ألعاب الأطفال"),
    ("coffee machines", "Kaffeemaschinen", "cafeteras", "кофемашины", "咖啡机", "آلات القهوة"),
    ("ceramic tiles", "Fliesen", "azulejos", "керамическую плитку", "瓷砖", "البلاط الخزفي"),
    ("lamps", "Lampen", "lámparas", "лампы", "灯具", "المصابيح"),
    ("shoes", "Schuhe", "zapatos", "обувь", "鞋子", "الأحذية"),
    ("wristwatches", "Armbanduhren", "relojes de pulsera", "наручные часы", "手表", "ساعات اليد"),
    ("boats", "Boote", "barcos", "лодки", "小船", "القوارب"),
    ("paints", "Farben", "pinturas", "краски", "油漆", "الدهانات"),
]

# A band's style: en, de, es, ru, zh, ar (after "موسيقى").
GENRES = [
    ("jazz", "Jazz", "jazz", "джаз", "爵士乐", "الجاز"),
    ("rock", "Rock", "rock", "рок", "摇滚乐", "الروك"),
    ("folk", "Folk", "folk", "фолк", "民谣", "الفولك"),
    ("reggae", "Reggae", "reggae", "регги", "雷鬼音乐", "الريغي"),
    ("techno", "Techno", "techno", "техно", "电子舞曲", "التكنو"),
    ("blues", "Blues", "blues", "блюз", "布鲁斯", "البلوز"),
    ("punk", "Punk", "punk", "панк", "朋克", "البانك"),
    ("hip-hop", "Hip-Hop", "hip hop", "хип-хоп", "嘻哈", "الهيب هوب"),
    ("soul", "Soul", "soul", "соул", "灵魂乐", "السول"),
    ("metal", "Metal", "metal", "метал", "金属乐", "الميتال"),
]

# What a program is for: en (gerund), de ("zum/zur ..."), es (infinitive), ru (genitive after
# "для"), zh (verb phrase), ar ("لـ" + verbal noun).
PURPOSES = [
    ("editing photos", "zur Bearbeitung von Fotos", "editar fotos", "редактирования фотографий",
     "编辑照片", "لتحرير الصور"),
    ("managing money", "zur Verwaltung von Finanzen", "gestionar las finanzas",
     "управления финансами", "管理财务", "لإدارة الأموال"),
    ("learning languages", "zum Lernen von Sprachen", "aprender idiomas", "изучения языков",
     "学习语言", "لتعلم اللغات"),
    ("planning trips", "zur Planung von Reisen", "planificar viajes", "планирования поездок",
     "规划旅行", "لتخطيط الرحلات"),
    ("recording music", "zur Aufnahme von Musik", "grabar música", "записи музыки", "录制音乐",
     "لتسجيل الموسيقى"),
    ("sending messages", "zum Versenden von Nachrichten", "enviar mensajes",
     "отправки сообщений", "发送消息", "لإرسال الرسائل"),
    ("drawing maps", "zum Zeichnen von Karten", "dibujar mapas", "рисования карт", "绘制地图",
     "لرسم الخرائط"),
    ("tracking workouts", "zur Erfassung von Trainingseinheiten", "registrar entrenamientos",
     "учёта тренировок", "记录锻炼", "لتتبع التمارين الرياضية"),
    ("reading e-books", "zum Lesen von E-Books", "leer libros electrónicos",
     "чтения электронных книг", "阅读电子书", "لقراءة الكتب الإلكترونية"),
    ("storing passwords", "zur Speicherung von Passwörtern", "guardar contraseñas",
     "хранения паролей", "保存密码", "لحفظ كلمات المرور"),
]

PROGRAMMING_LANGUAGES = ["Rust", "Python", "Java", "Go", "Kotlin", "Haskell", "Ruby", "Elixir",
                         "Swift", "Scala"]

# Count nouns per language. Numbers are drawn so that n % 100 lies in 12..99 and n % 10 is not 1:
# English, German and Spanish take the plural, Arabic the singular accusative (tamyiz), and
# Russian one of its two counted forms (2-4: genitive singular, else genitive plural).
COUNT_NOUNS = {
    "staff": {"en": "people", "de": "Mitarbeiter", "es": "personas",
              "ru": ("человека", "человек"), "zh": "名员工", "ar": "عاملًا"},
    "stores": {"en": "shops of its own", "de": "eigene Läden", "es": "tiendas propias",
               "ru": ("магазина", "магазинов"), "zh": "家自营门店", "ar": "متجرًا"},
    "albums": {"en": "albums", "de": "Alben", "es": "discos",
               "ru": ("альбома", "альбомов"), "zh": "张专辑", "ar": "ألبومًا"},
    "audience": {"en": "spectators", "de": "Zuschauer", "es": "espectadores",
                 "ru": ("зрителя", "зрителей"), "zh": "名观众", "ar": "متفرجًا"},
    "users": {"en": "registered users", "de": "registrierte Nutzer", "es": "usuarios registrados",
              "ru": ("зарегистрированных пользователя", "зарегистрированных пользователей"),
              "zh": "名注册用户", "ar": "مستخدمًا مسجلًا"},
}

# Domains: kind of entity, its properties (value kind, ranges), the answer sentence stating each
# property and two questions asking for it in other words. Every sentence of a paragraph names
# the entity, and the questions borrow words that other sentences of the paragraph use, so word
# overlap alone does not find the answer.
DOMAINS = {
    "company": {
        "title": {"en": "Companies", "de": "Unternehmen", "es": "Empresas", "ru": "Компании",
                  "zh": "公司", "ar": "شركات"},
        "properties": {
            "founded": {
                "value": ("year", 1950, 2015),
                "answer": {
                    "en": "{name} was founded in {year}.",
                    "de": "Die Firma {name} wurde {year} gegründet.",
                    "es": "La empresa {name} fue fundada en {year}.",
                    "ru": "Компания {name} была основана в {year} году.",
                    "zh": "{name}公司成立于{year}年。",
                    "ar": "تأسست شركة {name} عام {year}.",
                },
                "questions": {
                    "en": ["When did {name} come into existence?",
                           "In what year was the company {name} established?"],
                    "de": ["Seit wann gibt es das Unternehmen {name}?",
                           "In welchem Jahr entstand die Firma {name}?"],
                    "es": ["¿Desde cuándo existe la empresa {name}?",
                           "¿En qué año se creó la empresa {name}?"],
                    "ru": ["С какого года существует компания {name}?",
                           "Когда появилась компания {name}?"],
                    "zh": ["{name}公司是哪一年创建的？", "{name}公司从什么时候开始存在？"],
                    "ar": ["متى أُنشئت شركة {name}؟", "في أي سنة ظهرت شركة {name}؟"],
                },
            },
            "headquarters": {
                "value": ("city",),
                "answer": {
                    "en": "The headquarters of {name} are located in {city}.",
                    "de": "Der Hauptsitz von {name} befindet sich in {city}.",
                    "es": "La sede de {name} se encuentra en {city}.",
                    "ru": "Штаб-квартира компании {name} находится в {city_prep}.",
                    "zh": "{name}公司的总部设在{city}。",
                    "ar": "يقع المقر الرئيسي لشركة {name} في {city}.",
                },
                "questions": {
                    "en": ["In which city is {name} based?",
                           "Where does the company {name} have its main office?"],
                    "de": ["In welcher Stadt ist {name} ansässig?",
                           "Wo hat die Firma {name} ihre Zentrale?"],
                    "es": ["¿En qué ciudad tiene su base {name}?",
                           "¿Dónde está la oficina central de la empresa {name}?"],
                    "ru": ["В каком городе базируется компания {name}?",
                           "Где расположен главный офис компании {name}?"],
                    "zh": ["{name}公司位于哪座城市？", "{name}公司的主要办公地点在哪里？"],
                    "ar": ["في أي مدينة توجد شركة {name}؟", "أين تتخذ شركة {name} مقرها؟"],
                },
            },
            "staff": {
                "value": ("count", 120, 9900),
                "answer": {
                    "en": "{name} employs {count}.",
                    "de": "{name} beschäftigt {count}.",
                    "es": "La empresa {name} da empleo a {count}.",
                    "ru": "Штат компании {name} составляет {count}.",
                    "zh": "{name}公司雇用了{count}。",
                    "ar": "توظف شركة {name} {count}.",
                },
                "questions": {
                    "en": ["How many workers does {name} have?",
                           "How large is the workforce of the company {name}?"],
                    "de": ["Wie viele Angestellte hat {name}?",
                           "Wie groß ist die Belegschaft der Firma {name}?"],
                    "es": ["¿Cuántos trabajadores tiene {name}?",
                           "¿De qué tamaño es la plantilla de la empresa {name}?"],
                    "ru": ["Сколько работников у компании {name}?",
                           "Насколько велик персонал компании {name}?"],
                    "zh": ["{name}公司有多少工作人员？", "{name}公司的职工队伍有多大？"],
                    "ar": ["كم عدد العاملين في شركة {name}؟",
                           "ما حجم القوى العاملة في شركة {name}؟"],
                },
            },
            "stores": {
                "value": ("count", 12, 99),
                "answer": {
                    "en": "{name} runs {count}.",
                    "de": "{name} betreibt {count}.",
                    "es": "La empresa {name} cuenta con {count}.",
                    "ru": "Сеть компании {name} насчитывает {count}.",
                    "zh": "{name}公司经营着{count}。",
                    "ar": "تدير شركة {name} {count} خاصًا بها.",
                },
                "questions": {
                    "en": ["How many stores does {name} operate?",
                           "What is the number of outlets belonging to the company {name}?"],
                    "de": ["Wie viele Geschäfte hat {name}?",
                           "Über wie viele Filialen verfügt die Firma {name}?"],
                    "es": ["¿Cuántos locales tiene {name}?",
                           "¿Cuántas sucursales gestiona la empresa {name}?"],
                    "ru": ["Сколько торговых точек у компании {name}?",
                           "Каким количеством филиалов располагает компания {name}?"],
                    "zh": ["{name}公司有多少家商店？", "{name}公司拥有几家分店？"],
                    "ar": ["كم عدد محلات شركة {name}؟", "كم فرعًا تملك شركة {name}؟"],
                },
            },
            "product": {
                "value": ("product",),
                "answer": {
                    "en": "{name} manufactures {product}.",
                    "de": "{name} stellt {product} her.",
                    "es": "La empresa {name} fabrica {product}.",
                    "ru": "Компания {name} производит {product}.",
                    "zh": "{name}公司生产{product}。",
                    "ar": "تصنع شركة {name} {product}.",
                },
                "questions": {
                    "en": ["What does {name} produce?",
                           "What kind of goods does the company {name} make?"],
                    "de": ["Was produziert {name}?", "Welche Waren fertigt die Firma {name}?"],
                    "es": ["¿Qué produce {name}?",
                           "¿Qué tipo de productos elabora la empresa {name}?"],
                    "ru": ["Что выпускает компания {name}?",
                           "Какие товары делает компания {name}?"],
                    "zh": ["{name}公司制造什么产品？", "{name}公司的主要商品是什么？"],
                    "ar": ["ماذا تنتج شركة {name}؟", "ما نوع البضائع التي تصنعها شركة {name}؟"],
                },
            },
        },
    },
    "band": {
        "title": {"en": "Bands", "de": "Bands", "es": "Bandas", "ru": "Группы", "zh": "乐队",
                  "ar": "فرق موسيقية"},
        "properties": {
            "formed": {
                "value": ("year", 1960, 2018),
                "answer": {
                    "en": "The band {name} was formed in {year}.",
                    "de": "Die Band {name} wurde {year} gegründet.",
                    "es": "La banda {name} se formó en {year}.",
                    "ru": "Группа {name} была создана в {year} году.",
                    "zh": "{name}乐队组建于{year}年。",
                    "ar": "تشكلت فرقة {name} عام {year}.",
                },
                "questions": {
                    "en": ["When did {name} get together?",
                           "In what year did the musicians of {name} start playing together?"],
                    "de": ["Seit wann spielt die Band {name} zusammen?",
                           "In welchem Jahr fanden die Musiker von {name} zusammen?"],
                    "es": ["¿Desde cuándo toca junta la banda {name}?",
                           "¿En qué año empezaron a tocar juntos los músicos de {name}?"],
                    "ru": ["С какого года существует группа {name}?",
                           "Когда музыканты {name} начали играть вместе?"],
                    "zh": ["{name}乐队是什么时候成立的？", "{name}乐队的成员从哪一年开始一起演奏？"],
                    "ar": ["متى بدأت فرقة {name} مسيرتها؟",
                           "في أي سنة بدأ أعضاء فرقة {name} العزف معًا؟"],
                },
            },
            "hometown": {
                "value": ("city",),
                "answer": {
                    "en": "{name} comes from {city}.",
                    "de": "Die Band {name} stammt aus {city}.",
                    "es": "La banda {name} es originaria de {city}.",
                    "ru": "Родной город группы {name} — {city}.",
                    "zh": "{name}乐队来自{city}。",
                    "ar": "تنحدر فرقة {name} من {city}.",
                },
                "questions": {
                    "en": ["Which city is the home of {name}?",
                           "Where are the members of the band {name} from?"],
                    "de": ["In welcher Stadt ist {name} zu Hause?",
                           "Woher kommen die Mitglieder der Band {name}?"],
                    "es": ["¿Cuál es la ciudad natal de {name}?",
                           "¿De dónde son los integrantes de la banda {name}?"],
                    "ru": ["В каком городе появилась группа {name}?",
                           "Откуда музыканты группы {name}?"],
                    "zh": ["{name}乐队的家乡是哪座城市？", "{name}乐队的成员是哪里人？"],
                    "ar": ["ما المدينة التي جاءت منها فرقة {name}؟",
                           "من أين جاء أعضاء فرقة {name}؟"],
                },
            },
            "albums": {
                "value": ("count", 12, 39),
                "answer": {
                    "en": "{name} has released {count}.",
                    "de": "Die Band {name} hat {count} veröffentlicht.",
                    "es": "La banda {name} ha publicado {count}.",
                    "ru": "Группа {name} выпустила {count}.",
                    "zh": "{name}乐队已发行{count}。",
                    "ar": "أصدرت فرقة {name} {count}.",
                },
                "questions": {
                    "en": ["How many records has {name} put out?",
                           "What is the number of studio recordings by the band {name}?"],
                    "de": ["Wie viele Platten hat {name} herausgebracht?",
                           "Wie viele Tonträger gibt es von der Band {name}?"],
                    "es": ["¿Cuántos álbumes ha sacado {name}?",
                           "¿Cuántas grabaciones tiene la banda {name}?"],
                    "ru": ["Сколько пластинок записала группа {name}?",
                           "Каково число записей группы {name}?"],
                    "zh": ["{name}乐队出过多少张唱片？", "{name}乐队一共有几张录音作品？"],
                    "ar": ["كم أسطوانة سجلت فرقة {name}؟", "كم عدد تسجيلات فرقة {name}؟"],
                },
            },
            "genre": {
                "value": ("genre",),
                "answer": {
                    "en": "{name} plays {genre}.",
                    "de": "Die Band {name} spielt {genre}.",
                    "es": "La banda {name} toca {genre}.",
                    "ru": "Группа {name} играет {genre}.",
                    "zh": "{name}乐队演奏{genre}。",
                    "ar": "تعزف فرقة {name} موسيقى {genre}.",
                },
                "questions": {
                    "en": ["What style of music does {name} perform?",
                           "Which genre is the band {name} known for?"],
                    "de": ["Welche Musikrichtung vertritt {name}?",
                           "Für welches Genre ist die Band {name} bekannt?"],
                    "es": ["¿Qué estilo musical interpreta {name}?",
                           "¿Por qué género es conocida la banda {name}?"],
                    "ru": ["В каком стиле выступает группа {name}?",
                           "Каким жанром известна группа {name}?"],
                    "zh": ["{name}乐队属于什么音乐风格？", "{name}乐队以哪种曲风闻名？"],
                    "ar": ["ما أسلوب فرقة {name} الموسيقي؟", "بأي نوع موسيقي تشتهر فرقة {name}؟"],
                },
            },
            "audience": {
                "value": ("count", 1200, 89000),
                "answer": {
                    "en": "The largest concert of {name} drew {count}.",
                    "de": "Das größte Konzert von {name} besuchten {count}.",
                    "es": "El mayor concierto de {name} reunió a {count}.",
                    "ru": "Самый большой концерт группы {name} собрал {count}.",
                    "zh": "{name}乐队规模最大的一场演唱会吸引了{count}。",
                    "ar": "حضر أكبر حفل لفرقة {name} {count}.",
                },
                "questions": {
                    "en": ["How many people attended the biggest show of {name}?",
                           "What is the record attendance for the band {name}?"],
                    "de": ["Wie viele Menschen kamen zum größten Auftritt von {name}?",
                           "Wie hoch ist der Publikumsrekord der Band {name}?"],
                    "es": ["¿Cuántas personas fueron a la actuación más multitudinaria de {name}?",
                           "¿Cuál es el récord de público de la banda {name}?"],
                    "ru": ["Сколько людей пришло на крупнейшее выступление группы {name}?",
                           "Каков рекорд посещаемости группы {name}?"],
                    "zh": ["{name}乐队最大的一次演出有多少人到场？", "{name}乐队的现场人数纪录是多少？"],
                    "ar": ["كم شخصًا شهد أضخم عرض لفرقة {name}؟",
                           "ما الرقم القياسي للجمهور في حفلات فرقة {name}؟"],
                },
            },
        },
    },
    "program": {
        "title": {"en": "Software", "de": "Software", "es": "Programas", "ru": "Программы",
                  "zh": "软件", "ar": "برامج"},
        "properties": {
            "released": {
                "value": ("year", 1995, 2022),
                "answer": {
                    "en": "The first version of {name} appeared in {year}.",
                    "de": "Die erste Version von {name} erschien {year}.",
                    "es": "La primera versión de {name} salió en {year}.",
                    "ru": "Первая версия программы {name} вышла в {year} году.",
                    "zh": "{name}软件的第一个版本于{year}年问世。",
                    "ar": "صدر الإصدار الأول من برنامج {name} عام {year}.",
                },
                "questions": {
                    "en": ["When was {name} released?",
                           "In what year could users first download {name}?"],
                    "de": ["Wann wurde {name} veröffentlicht?",
                           "Ab welchem Jahr konnte man {name} herunterladen?"],
                    "es": ["¿Cuándo se lanzó {name}?",
                           "¿Desde qué año se puede descargar el programa {name}?"],
                    "ru": ["Когда была выпущена программа {name}?",
                           "С какого года программу {name} можно скачать?"],
                    "zh": ["{name}软件是什么时候发布的？", "用户从哪一年起可以下载{name}软件？"],
                    "ar": ["متى أُطلق برنامج {name}؟", "منذ أي عام يمكن تنزيل برنامج {name}؟"],
                },
            },
            "developers": {
                "value": ("city",),
                "answer": {
                    "en": "{name} is developed by a team in {city}.",
                    "de": "{name} wird von einem Team in {city} entwickelt.",
                    "es": "El programa {name} lo desarrolla un equipo en {city}.",
                    "ru": "Программу {name} разрабатывает команда в {city_prep}.",
                    "zh": "{name}软件由{city}的一个团队开发。",
                    "ar": "يُطوَّر برنامج {name} على يد فريق في {city}.",
                },
                "questions": {
                    "en": ["Where do the programmers of {name} work?",
                           "In which city is the software {name} created?"],
                    "de": ["Wo arbeiten die Programmierer von {name}?",
                           "In welcher Stadt entsteht die Software {name}?"],
                    "es": ["¿Dónde trabajan los programadores de {name}?",
                           "¿En qué ciudad se crea el software {name}?"],
                    "ru": ["Где работают создатели программы {name}?",
                           "В каком городе пишут программу {name}?"],
                    "zh": ["{name}软件的程序员在哪里工作？", "{name}软件是在哪座城市编写的？"],
                    "ar": ["أين يعمل مبرمجو برنامج {name}؟", "في أي مدينة يُكتب برنامج {name}؟"],
                },
            },
            "users": {
                "value": ("count", 1200, 99000),
                "answer": {
                    "en": "{name} has {count}.",
                    "de": "{name} hat {count}.",
                    "es": "El programa {name} tiene {count}.",
                    "ru": "У программы {name} {count}.",
                    "zh": "{name}软件拥有{count}。",
                    "ar": "لدى برنامج {name} {count}.",
                },
                "questions": {
                    "en": ["How many people use {name}?",
                           "How big is the audience of the app {name}?"],
                    "de": ["Wie viele Menschen verwenden {name}?",
                           "Wie groß ist die Anhängerschaft der App {name}?"],
                    "es": ["¿Cuántas personas utilizan {name}?",
                           "¿Qué tamaño tiene la comunidad de la aplicación {name}?"],
                    "ru": ["Сколько человек пользуется программой {name}?",
                           "Насколько велика аудитория приложения {name}?"],
                    "zh": ["有多少人使用{name}软件？", "{name}应用的受众有多大？"],
                    "ar": ["كم شخصًا يستخدم برنامج {name}؟", "ما حجم جمهور تطبيق {name}؟"],
                },
            },
            "purpose": {
                "value": ("purpose",),
                "answer": {
                    "en": "{name} is a tool for {purpose}.",
                    "de": "{name} ist ein Werkzeug {purpose}.",
                    "es": "El programa {name} es una herramienta para {purpose}.",
                    "ru": "Программа {name} — это инструмент для {purpose}.",
                    "zh": "{name}软件是一款用于{purpose}的工具。",
                    "ar": "برنامج {name} أداة {purpose}.",
                },
                "questions": {
                    "en": ["What is {name} used for?",
                           "What task does the program {name} help with?"],
                    "de": ["Wofür benutzt man {name}?",
                           "Bei welcher Aufgabe hilft das Programm {name}?"],
                    "es": ["¿Para qué sirve {name}?", "¿En qué tarea ayuda el programa {name}?"],
                    "ru": ["Зачем нужна программа {name}?",
                           "С какой задачей помогает программа {name}?"],
                    "zh": ["{name}软件有什么用途？", "{name}软件能帮助完成什么任务？"],
                    "ar": ["فيمَ يُستخدم برنامج {name}؟", "في أي مهمة يساعد برنامج {name}؟"],
                },
            },
            "language": {
                "value": ("plang",),
                "answer": {
                    "en": "{name} is written in {plang}.",
                    "de": "{name} ist in {plang} geschrieben.",
                    "es": "El programa {name} está escrito en {plang}.",
                    "ru": "Программа {name} написана на {plang}.",
                    "zh": "{name}软件是用{plang}编写的。",
                    "ar": "كُتب برنامج {name} بلغة {plang}.",
                },
                "questions": {
                    "en": ["Which programming language was used to build {name}?",
                           "In what language is the source code of {name} written?"],
                    "de": ["Mit welcher Programmiersprache wurde {name} entwickelt?",
                           "In welcher Sprache ist der Quellcode von {name} verfasst?"],
                    "es": ["¿Con qué lenguaje de programación se desarrolló {name}?",
                           "¿En qué lenguaje está programado el código fuente de {name}?"],
                    "ru": ["На каком языке программирования создана программа {name}?",
                           "На каком языке написан исходный код программы {name}?"],
                    "zh": ["{name}软件使用哪种编程语言开发？", "{name}软件的源代码是用什么语言写的？"],
                    "ar": ["بأي لغة برمجة طُوّر برنامج {name}؟",
                           "ما لغة الشيفرة المصدرية لبرنامج {name}؟"],
                },
            },
        },
    },
}
