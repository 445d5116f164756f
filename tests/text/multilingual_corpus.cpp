#include "text/multilingual_corpus.h"

#include <random>

namespace mtrec::test {

namespace {

struct Language {
    std::vector<std::string> words;
    std::string separator;  // "" for scripts written without spaces
    std::string stop;
};

const std::vector<Language>& languages() {
    static const std::vector<Language> kLanguages{
        {{"the", "river", "quiet", "morning", "students", "library", "question", "answer", "city",
          "ancient", "find", "write"},
         " ",
         "."},
        {{"der", "Fluss", "ruhig", "Morgen", "Studenten", "Bibliothek", "Frage", "Antwort", "Stadt",
          "Brücke", "größer", "schreiben"},
         " ",
         "."},
        {{"el", "río", "tranquilo", "mañana", "estudiantes", "biblioteca", "pregunta", "respuesta",
          "ciudad", "antigua", "encontrar"},
         " ",
         "."},
        {{"nehir", "sessiz", "sabah", "öğrenciler", "kütüphane", "soru", "cevap", "şehir", "eski",
          "bulmak"},
         " ",
         "."},
        {{"sông", "yên", "tĩnh", "buổi", "sáng", "sinh", "viên", "thư", "viện", "câu", "hỏi",
          "thành", "phố"},
         " ",
         "."},
        {{"река", "тихий", "утро", "студенты", "библиотека", "вопрос", "ответ", "город", "древний",
          "найти"},
         " ",
         "."},
        {{"ποτάμι", "ήσυχο", "πρωί", "φοιτητές", "βιβλιοθήκη", "ερώτηση", "απάντηση", "πόλη",
          "αρχαία"},
         " ",
         "."},
        {{"النهر", "هادئ", "صباح", "الطلاب", "مكتبة", "سؤال", "جواب", "مدينة", "قديمة"}, " ", "."},
        {{"नदी", "शांत", "सुबह", "छात्र", "पुस्तकालय", "प्रश्न", "उत्तर", "शहर", "प्राचीन"}, " ", "।"},
        {{"ทะเล", "เงียบ", "ตอนเช้า", "นักเรียน", "ห้องสมุด", "ปัญหา", "หนังสือ", "เมือง"}, "", ""},
        {{"河流", "安静", "早上", "学生", "图书馆", "问题", "答案", "城市", "古老"}, "", "。"},
    };
    return kLanguages;
}

std::string sentence(const Language& language, std::mt19937& random) {
    const std::size_t count = 4 + random() % 5;
    std::string text;
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0) text += language.separator;
        text += language.words[random() % language.words.size()];
    }
    return text + language.stop;
}

}  // namespace

std::vector<std::string> multilingualCorpus(std::size_t sentencesPerLanguage, uint32_t seed) {
    std::mt19937 random(seed);
    std::vector<std::string> corpus;
    for (std::size_t i = 0; i < sentencesPerLanguage; ++i)
        for (const Language& language : languages()) corpus.push_back(sentence(language, random));
    return corpus;
}

std::vector<std::string> oneSentencePerLanguage(uint32_t seed) {
    return multilingualCorpus(1, seed);
}

}  // namespace mtrec::test
