¿Qué tipo de productos elabora la empresa Soluna?
La empresa Soluna fabrica barcos.
¿Cuántos trabajadores tiene Soluna?
La empresa Soluna da empleo a 4532 personas.
¿Cuántos locales tiene Toroni?
La empresa Toroni cuenta con 70 tiendas propias.
¿Dónde está la oficina central de la empresa Toroni?
La sede de Toroni se encuentra en Viena.
¿En qué año se creó la empresa Quinix?
La empresa Quinix fue fundada en 1982.
¿Dónde está la oficina central de la empresa Quinix?
La sede de Quinix se encuentra en Viena.
¿Desde cuándo existe la empresa Sarora?
La empresa Sarora fue fundada en 1977.
¿Cuántas sucursales gestiona la empresa Sarora?
La empresa Sarora cuenta con 82 tiendas propias.
¿Cuántos locales tiene Quinton?
La empresa Quinton cuenta con 99 tiendas propias.
¿Desde cuándo existe la empresa Quinton?
La empresa Quinton fue fundada en 1955.
¿Dónde está la oficina central de la empresa Pelvik?
La sede de Pelvik se encuentra en Oslo.
¿En qué año se creó la empresa Pelvik?
La empresa Pelvik fue fundada en 1972.
¿En qué año se creó la empresa Norora?
La empresa Norora fue fundada en 1976.
¿Cuántos trabajadores tiene Norora?
La empresa Norora da empleo a 9572 personas.
¿Cuántas sucursales gestiona la empresa Rosuna?
La empresa Rosuna cuenta con 15 tiendas propias.
¿En qué ciudad tiene su base Rosuna?
La sede de Rosuna se encuentra en Madrid.
¿Cuántos trabajadores tiene Norena?
La empresa Norena da empleo a 523 personas.
¿Qué produce Norena?
La empresa Norena fabrica zapatos.
¿Qué tipo de productos elabora la empresa Solilo?
La empresa Solilo fabrica pinturas.
¿Dónde está la oficina central de la empresa Solilo?
La sede de Solilo se encuentra en Roma.
¿Qué tipo de productos elabora la empresa Koroni?
La empresa Koroni fabrica lámparas.
¿Cuántos trabajadores tiene Koroni?
La empresa Koroni da empleo a 8070 personas.
¿En qué año se creó la empresa Oststad?
La empresa Oststad fue fundada en 1963.
¿Cuántos trabajadores tiene Oststad?
La empresa Oststad da empleo a 8420 personas.
¿Dónde está la oficina central de la empresa Brenora?
La sede de Brenora se encuentra en Madrid.
¿Qué tipo de productos elabora la empresa Brenora?
La empresa Brenora fabrica bicicletas.
¿Qué produce Pelix?
La empresa Pelix fabrica lámparas.
¿De qué tamaño es la plantilla de la empresa Pelix?
La empresa Pelix da empleo a 8855 personas.
¿De qué tamaño es la plantilla de la empresa Lumton?
La empresa Lumton da empleo a 5964 personas.
¿Cuántas sucursales gestiona la empresa Lumton?
La empresa Lumton cuenta con 60 tiendas propias.
¿Cuántas sucursales gestiona la empresa Junilo?
La empresa Junilo cuenta con 84 tiendas propias.
¿En qué año se creó la empresa Junilo?
La empresa Junilo fue fundada en 2006.
¿Qué produce Solix?
La empresa Solix fabrica cafeteras.
¿Cuántas sucursales gestiona la empresa Solix?
La empresa Solix cuenta con 19 tiendas propias.
¿Dónde está la oficina central de la empresa Korari?
La sede de Korari se encuentra en Viena.
¿Qué produce Korari?
La empresa Korari fabrica juguetes.
¿Qué produce Pelberg?
La empresa Pelberg fabrica barcos.
¿Cuántos trabajadores tiene Pelberg?
La empresa Pelberg da empleo a 2680 personas.
¿Qué produce Lumdal?
La empresa Lumdal fabrica cafeteras.
¿Dónde está la oficina central de la empresa Lumdal?
La sede de Lumdal se encuentra en Seúl.
¿Desde cuándo existe la empresa Dovuna?
La empresa Dovuna fue fundada en 1957.
¿Cuántos locales tiene Dovuna?
La empresa Dovuna cuenta con 64 tiendas propias.
¿Qué produce Baldal?
La empresa Baldal fabrica pinturas.
¿Desde cuándo existe la empresa Baldal?
La empresa Baldal fue fundada en 1970.
¿Cuántos trabajadores tiene Marari?
La empresa Marari da empleo a 6450 personas.
¿Dónde está la oficina central de la empresa Marari?
La sede de Marari se encuentra en Lisboa.
¿En qué ciudad tiene su base Zenora?
La sede de Zenora se encuentra en Tokio.
¿De qué tamaño es la plantilla de la empresa Zenora?
La empresa Zenora da empleo a 2783 personas.
¿Cuántas sucursales gestiona la empresa Noruna?
La empresa Noruna cuenta con 34 tiendas propias.
¿Qué tipo de productos elabora la empresa Noruna?
La empresa Noruna fabrica azulejos.
¿Qué produce Halesk?
La empresa Halesk fabrica juguetes.
¿En qué ciudad tiene su base Halesk?
La sede de Halesk se encuentra en Viena.
¿Cuántos locales tiene Fenett?
La empresa Fenett cuenta con 99 tiendas propias.
¿Desde cuándo existe la empresa Fenett?
La empresa Fenett fue fundada en 1965.
¿Cuántos trabajadores tiene Roston?
La empresa Roston da empleo a 8223 personas.
¿Qué produce Roston?
La empresa Roston fabrica zapatos.
¿Desde cuándo existe la empresa Dovton?
La empresa Dovton fue fundada en 1973.
¿Cuántas sucursales gestiona la empresa Dovton?
La empresa Dovton cuenta con 69 tiendas propias.
¿Dónde está la oficina central de la empresa Zenton?
La sede de Zenton se encuentra en Atenas.
¿Cuántas sucursales gestiona la empresa Zenton?
La empresa Zenton cuenta con 58 tiendas propias.
¿Cuántos trabajadores tiene Varano?
La empresa Varano da empleo a 5074 personas.
¿Qué tipo de productos elabora la empresa Varano?
La empresa Varano fabrica relojes de pulsera.
¿En qué ciudad tiene su base Velett?
La sede de Velett se encuentra en Berlín.
¿En qué año se creó la empresa Velett?
La empresa Velett fue fundada en 1985.
¿En qué ciudad tiene su base Brenstad?
La sede de Brenstad se encuentra en Madrid.
¿Cuántas sucursales gestiona la empresa Brenstad?
La empresa Brenstad cuenta con 32 tiendas propias.
¿En qué ciudad tiene su base Tormora?
La sede de Tormora se encuentra en Praga.
¿Qué produce Tormora?
La empresa Tormora fabrica azulejos.
¿En qué año se creó la empresa Pelven?
La empresa Pelven fue fundada en 2005.
¿Cuántos locales tiene Pelven?
La empresa Pelven cuenta con 33 tiendas propias.
¿Qué tipo de productos elabora la empresa Quinberg?
La empresa Quinberg fabrica cafeteras.
¿Dónde está la oficina central de la empresa Quinberg?
La sede de Quinberg se encuentra en Madrid.
¿Cuántas sucursales gestiona la empresa Sarstad?
La empresa Sarstad cuenta con 87 tiendas propias.
¿En qué año se creó la empresa Sarstad?
La empresa Sarstad fue fundada en 1980.
¿De qué tamaño es la plantilla de la empresa Dovilo?
La empresa Dovilo da empleo a 2166 personas.
¿Desde cuándo existe la empresa Dovilo?
La empresa Dovilo fue fundada en 1959.
¿Qué tipo de productos elabora la empresa Norett?
La empresa Norett fabrica relojes de pulsera.
¿En qué año se creó la empresa Norett?
La empresa Norett fue fundada en 1964.
¿Qué produce Junaro?
La empresa Junaro fabrica muebles.
¿En qué año se creó la empresa Junaro?
La empresa Junaro fue fundada en 2007.
¿Qué produce Torena?
La empresa Torena fabrica pinturas.
¿Cuántas sucursales gestiona la empresa Torena?
La empresa Torena cuenta con 36 tiendas propias.
¿De qué tamaño es la plantilla de la empresa Solstad?
La empresa Solstad da empleo a 8987 personas.
¿En qué año se creó la empresa Solstad?
La empresa Solstad fue fundada en 1971.
¿Qué produce Norberg?
La empresa Norberg fabrica zapatos.
¿Cuántas sucursales gestiona la empresa Norberg?
La empresa Norberg cuenta con 75 tiendas propias.
¿Cuántas sucursales gestiona la empresa Torvik?
La empresa Torvik cuenta con 68 tiendas propias.
¿En qué ciudad tiene su base Torvik?
La sede de Torvik se encuentra en Varsovia.
¿Cuántos locales tiene Varstad?
La empresa Varstad cuenta con 56 tiendas propias.
¿Qué tipo de productos elabora la empresa Varstad?
La empresa Varstad fabrica cafeteras.
¿Desde cuándo existe la empresa Dovmora?
La empresa Dovmora fue fundada en 1988.
¿Cuántos trabajadores tiene Dovmora?
La empresa Dovmora da empleo a 7792 personas.
¿Cuántos locales tiene Marett?
La empresa Marett cuenta con 49 tiendas propias.
¿Cuántos trabajadores tiene Marett?
La empresa Marett da empleo a 6545 personas.
¿Qué produce Zenett?
La empresa Zenett fabrica zapatos.
¿En qué ciudad tiene su base Zenett?
La sede de Zenett se encuentra en Seúl.
¿Qué tipo de productos elabora la empresa Darora?
La empresa Darora fabrica barcos.
¿Cuántos trabajadores tiene Darora?
La empresa Darora da empleo a 6889 personas.
¿Qué tipo de productos elabora la empresa Balton?
La empresa Balton fabrica barcos.
¿Dónde está la oficina central de la empresa Balton?
La sede de Balton se encuentra en Roma.
¿En qué ciudad tiene su base Junberg?
La sede de Junberg se encuentra en Madrid.
¿En qué año se creó la empresa Junberg?
La empresa Junberg fue fundada en 2007.
¿Qué produce Darix?
La empresa Darix fabrica muebles.
¿De qué tamaño es la plantilla de la empresa Darix?
La empresa Darix da empleo a 3070 personas.
¿En qué año se creó la empresa Quinvik?
La empresa Quinvik fue fundada en 2013.
¿Qué tipo de productos elabora la empresa Quinvik?
La empresa Quinvik fabrica relojes de pulsera.
¿Cuántos trabajadores tiene Ulesk?
La empresa Ulesk da empleo a 6593 personas.
¿Cuántas sucursales gestiona la empresa Ulesk?
La empresa Ulesk cuenta con 73 tiendas propias.
¿Desde cuándo existe la empresa Jundal?
La empresa Jundal fue fundada en 1998.
¿Qué produce Jundal?
La empresa Jundal fabrica lámparas.
¿Qué tipo de productos elabora la empresa Sarilo?
La empresa Sarilo fabrica bicicletas.
¿En qué ciudad tiene su base Sarilo?
La sede de Sarilo se encuentra en El Cairo.
¿Dónde está la oficina central de la empresa Halven?
La sede de Halven se encuentra en Lisboa.
¿Qué produce Halven?
La empresa Halven fabrica cafeteras.
¿Qué produce Marora?
La empresa Marora fabrica lámparas.
¿En qué ciudad tiene su base Marora?
La sede de Marora se encuentra en Praga.
¿Dónde está la oficina central de la empresa Ostvik?
La sede de Ostvik se encuentra en Praga.
¿Qué tipo de productos elabora la empresa Ostvik?
La empresa Ostvik fabrica muebles.
¿Cuántas sucursales gestiona la empresa Kerari?
La empresa Kerari cuenta con 13 tiendas propias.
¿Cuántos trabajadores tiene Kerari?
La empresa Kerari da empleo a 2242 personas.
¿De qué tamaño es la plantilla de la empresa Brenuna?
La empresa Brenuna da empleo a 6335 personas.
¿Cuántos locales tiene Brenuna?
La empresa Brenuna cuenta con 84 tiendas propias.
¿Cuántos trabajadores tiene Baluna?
La empresa Baluna da empleo a 6082 personas.
¿Qué tipo de productos elabora la empresa Baluna?
La empresa Baluna fabrica juguetes.
¿Cuántos locales tiene Zenberg?
La empresa Zenberg cuenta con 90 tiendas propias.
¿Desde cuándo existe la empresa Zenberg?
La empresa Zenberg fue fundada en 2002.
¿En qué año se creó la empresa Talari?
La empresa Talari fue fundada en 1959.
¿Dónde está la oficina central de la empresa Talari?
La sede de Talari se encuentra en Tokio.
¿Qué produce Velano?
La empresa Velano fabrica juguetes.
¿En qué ciudad tiene su base Velano?
La sede de Velano se encuentra en Roma.
¿Desde cuándo existe la empresa Noraro?
La empresa Noraro fue fundada en 1977.
¿En qué ciudad tiene su base Noraro?
La sede de Noraro se encuentra en El Cairo.
¿Dónde está la oficina central de la empresa Velilo?
La sede de Velilo se encuentra en Roma.
¿Qué produce Velilo?
La empresa Velilo fabrica lámparas.
¿Dónde está la oficina central de la empresa Fenstad?
La sede de Fenstad se encuentra en Viena.
¿Qué tipo de productos elabora la empresa Fenstad?
La empresa Fenstad fabrica juguetes.
¿De qué tamaño es la plantilla de la empresa Zenix?
La empresa Zenix da empleo a 2777 personas.
¿En qué ciudad tiene su base Zenix?
La sede de Zenix se encuentra en El Cairo.
¿Cuántos locales tiene Talberg?
La empresa Talberg cuenta con 45 tiendas propias.
¿Dónde está la oficina central de la empresa Talberg?
La sede de Talberg se encuentra en Dublín.
¿Qué produce Zenaro?
La empresa Zenaro fabrica muebles.
¿En qué año se creó la empresa Zenaro?
La empresa Zenaro fue fundada en 1966.
¿Cuántos trabajadores tiene Rosett?
La empresa Rosett da empleo a 6832 personas.
¿Qué tipo de productos elabora la empresa Rosett?
La empresa Rosett fabrica azulejos.
¿Dónde está la oficina central de la empresa Kerdal?
La sede de Kerdal se encuentra en Toronto.
¿Cuántos trabajadores tiene Kerdal?
La empresa Kerdal da empleo a 6934 personas.
¿Qué produce Lumano?
La empresa Lumano fabrica juguetes.
¿En qué año se creó la empresa Lumano?
La empresa Lumano fue fundada en 2001.
¿Cuántos locales tiene Sardal?
La empresa Sardal cuenta con 94 tiendas propias.
¿En qué año se creó la empresa Sardal?
La empresa Sardal fue fundada en 1964.
¿Cuántas sucursales gestiona la empresa Rosena?
La empresa Rosena cuenta con 86 tiendas propias.
¿Dónde está la oficina central de la empresa Rosena?
La sede de Rosena se encuentra en Oslo.
¿Cuántas sucursales gestiona la empresa Quinven?
La empresa Quinven cuenta con 44 tiendas propias.
¿En qué ciudad tiene su base Quinven?
La sede de Quinven se encuentra en El Cairo.
¿Desde cuándo existe la empresa Brendal?
La empresa Brendal fue fundada en 2006.
¿Qué tipo de productos elabora la empresa Brendal?
La empresa Brendal fabrica lámparas.
¿Desde cuándo existe la empresa Junstad?
La empresa Junstad fue fundada en 1985.
¿Cuántos trabajadores tiene Junstad?
La empresa Junstad da empleo a 3437 personas.
¿De qué tamaño es la plantilla de la empresa Brenett?
La empresa Brenett da empleo a 9140 personas.
¿Cuántos locales tiene Brenett?
La empresa Brenett cuenta con 62 tiendas propias.
¿Qué tipo de productos elabora la empresa Nordal?
La empresa Nordal fabrica cafeteras.
¿Cuántas sucursales gestiona la empresa Nordal?
La empresa Nordal cuenta con 74 tiendas propias.
¿En qué ciudad tiene su base Ostton?
La sede de Ostton se encuentra en Berlín.
¿Desde cuándo existe la empresa Ostton?
La empresa Ostton fue fundada en 1998.
¿En qué año se creó la empresa Zendal?
La empresa Zendal fue fundada en 1986.
¿De qué tamaño es la plantilla de la empresa Zendal?
La empresa Zendal da empleo a 6413 personas.
¿Qué produce Normora?
La empresa Normora fabrica zapatos.
¿Cuántas sucursales gestiona la empresa Normora?
La empresa Normora cuenta con 50 tiendas propias.
¿Desde cuándo existe la empresa Norstad?
La empresa Norstad fue fundada en 2011.
¿Qué produce Norstad?
La empresa Norstad fabrica pinturas.
¿Cuántas sucursales gestiona la empresa Balano?
La empresa Balano cuenta con 62 tiendas propias.
¿Cuántos trabajadores tiene Balano?
La empresa Balano da empleo a 717 personas.
¿En qué ciudad tiene su base Junesk?
La sede de Junesk se encuentra en Toronto.
¿De qué tamaño es la plantilla de la empresa Junesk?
La empresa Junesk da empleo a 7130 personas.
¿De qué tamaño es la plantilla de la empresa Zenmora?
La empresa Zenmora da empleo a 193 personas.
¿En qué ciudad tiene su base Zenmora?
La sede de Zenmora se encuentra en Seúl.
¿Cuántas sucursales gestiona la empresa Velvik?
La empresa Velvik cuenta con 83 tiendas propias.
¿Qué produce Velvik?
La empresa Velvik fabrica zapatos.
¿Cuántos trabajadores tiene Balilo?
La empresa Balilo da empleo a 1629 personas.
¿Cuántos locales tiene Balilo?
La empresa Balilo cuenta con 59 tiendas propias.
¿En qué año se creó la empresa Marton?
La empresa Marton fue fundada en 1966.
¿Qué tipo de productos elabora la empresa Marton?
La empresa Marton fabrica pinturas.
¿En qué año se creó la empresa Junoni?
La empresa Junoni fue fundada en 1961.
¿Qué produce Junoni?
La empresa Junoni fabrica muebles.
¿De qué tamaño es la plantilla de la empresa Kerix?
La empresa Kerix da empleo a 7197 personas.
¿Qué tipo de productos elabora la empresa Kerix?
La empresa Kerix fabrica pinturas.
¿En qué ciudad tiene su base Lumett?
La sede de Lumett se encuentra en Seúl.
¿Desde cuándo existe la empresa Lumett?
La empresa Lumett fue fundada en 1976.
¿Cuántos trabajadores tiene Balesk?
La empresa Balesk da empleo a 5113 personas.
¿En qué año se creó la empresa Balesk?
La empresa Balesk fue fundada en 1972.
¿Dónde está la oficina central de la empresa Koraro?
La sede de Koraro se encuentra en Roma.
¿De qué tamaño es la plantilla de la empresa Koraro?
La empresa Koraro da empleo a 1172 personas.
¿Por qué género es conocida la banda Halmora?
La banda Halmora toca punk.
¿Cuántos álbumes ha sacado Halmora?
La banda Halmora ha publicado 38 discos.
¿Desde cuándo toca junta la banda Keruna?
La banda Keruna se formó en 1978.
¿Cuántas grabaciones tiene la banda Keruna?
La banda Keruna ha publicado 15 discos.
¿Cuántos álbumes ha sacado Peldal?
La banda Peldal ha publicado 32 discos.
¿Cuál es la ciudad natal de Peldal?
La banda Peldal es originaria de Roma.
¿Desde cuándo toca junta la banda Quinmora?
La banda Quinmora se formó en 1970.
¿Cuántas grabaciones tiene la banda Quinmora?
La banda Quinmora ha publicado 38 discos.
¿Cuántas personas fueron a la actuación más multitudinaria de Sarvik?
El mayor concierto de Sarvik reunió a 23466 espectadores.
¿Cuántas grabaciones tiene la banda Sarvik?
La banda Sarvik ha publicado 14 discos.
¿Cuál es el récord de público de la banda Brenven?
El mayor concierto de Brenven reunió a 68912 espectadores.
¿Cuántas grabaciones tiene la banda Brenven?
La banda Brenven ha publicado 29 discos.
¿Desde cuándo toca junta la banda Talena?
La banda Talena se formó en 1999.
¿Por qué género es conocida la banda Talena?
La banda Talena toca punk.
¿Cuántas personas fueron a la actuación más multitudinaria de Korven?
El mayor concierto de Korven reunió a 68680 espectadores.
¿Qué estilo musical interpreta Korven?
La banda Korven toca punk.
¿Por qué género es conocida la banda Velari?
La banda Velari toca techno.
¿Cuántos álbumes ha sacado Velari?
La banda Velari ha publicado 12 discos.
¿Cuántos álbumes ha sacado Maruna?
La banda Maruna ha publicado 18 discos.
¿Qué estilo musical interpreta Maruna?
La banda Maruna toca soul.
¿Cuántos álbumes ha sacado Veldal?
La banda Veldal ha publicado 39 discos.
¿Cuántas personas fueron a la actuación más multitudinaria de Veldal?
El mayor concierto de Veldal reunió a 56440 espectadores.
¿Por qué género es conocida la banda Velaro?
La banda Velaro toca soul.
¿Cuántas personas fueron a la actuación más multitudinaria de Velaro?
El mayor concierto de Velaro reunió a 2233 espectadores.
¿Por qué género es conocida la banda Ulari?
La banda Ulari toca rock.
¿Desde cuándo toca junta la banda Ulari?
La banda Ulari se formó en 2012.
¿Cuál es la ciudad natal de Solena?
La banda Solena es originaria de Viena.
¿Cuántas personas fueron a la actuación más multitudinaria de Solena?
El mayor concierto de Solena reunió a 59682 espectadores.
¿Desde cuándo toca junta la banda Sarett?
La banda Sarett se formó en 1994.
¿De dónde son los integrantes de la banda Sarett?
La banda Sarett es originaria de Seúl.
¿Cuántas grabaciones tiene la banda Marven?
La banda Marven ha publicado 22 discos.
¿Por qué género es conocida la banda Marven?
La banda Marven toca blues.
¿De dónde son los integrantes de la banda Balberg?
La banda Balberg es originaria de El Cairo.
¿Cuál es el récord de público de la banda Balberg?
El mayor concierto de Balberg reunió a 37376 espectadores.
¿Cuál es el récord de público de la banda Mararo?
El mayor concierto de Mararo reunió a 51314 espectadores.
¿En qué año empezaron a tocar juntos los músicos de Mararo?
La banda Mararo se formó en 2003.
¿En qué año empezaron a tocar juntos los músicos de Brenano?
La banda Brenano se formó en 2003.
¿Qué estilo musical interpreta Brenano?
La banda Brenano toca rock.
¿Cuántas personas fueron a la actuación más multitudinaria de Rosix?
El mayor concierto de Rosix reunió a 37459 espectadores.
¿Cuántas grabaciones tiene la banda Rosix?
La banda Rosix ha publicado 16 discos.
¿Qué estilo musical interpreta Quinesk?
La banda Quinesk toca soul.
¿Cuántos álbumes ha sacado Quinesk?
La banda Quinesk ha publicado 22 discos.
¿Qué estilo musical interpreta Balven?
La banda Balven toca reggae.
¿Cuál es la ciudad natal de Balven?
La banda Balven es originaria de Varsovia.
¿Cuántas personas fueron a la actuación más multitudinaria de Pelaro?
El mayor concierto de Pelaro reunió a 88760 espectadores.
¿En qué año empezaron a tocar juntos los músicos de Pelaro?
La banda Pelaro se formó en 1971.
¿Cuántas grabaciones tiene la banda Varvik?
La banda Varvik ha publicado 19 discos.
¿En qué año empezaron a tocar juntos los músicos de Varvik?
La banda Varvik se formó en 1986.
¿Qué estilo musical interpreta Fenaro?
La banda Fenaro toca soul.
¿En qué año empezaron a tocar juntos los músicos de Fenaro?
La banda Fenaro se formó en 2010.
¿Cuántas personas fueron a la actuación más multitudinaria de Talven?
El mayor concierto de Talven reunió a 67723 espectadores.
¿Cuántos álbumes ha sacado Talven?
La banda Talven ha publicado 35 discos.
¿Cuántos álbumes ha sacado Varora?
La banda Varora ha publicado 27 discos.
¿Qué estilo musical interpreta Varora?
La banda Varora toca jazz.
¿Cuál es la ciudad natal de Dovdal?
La banda Dovdal es originaria de Toronto.
¿Por qué género es conocida la banda Dovdal?
La banda Dovdal toca rock.
¿De dónde son los integrantes de la banda Norton?
La banda Norton es originaria de Atenas.
¿Cuántas grabaciones tiene la banda Norton?
La banda Norton ha publicado 22 discos.
¿Cuál es el récord de público de la banda Pelesk?
El mayor concierto de Pelesk reunió a 30790 espectadores.
¿Cuántos álbumes ha sacado Pelesk?
La banda Pelesk ha publicado 36 discos.
¿Desde cuándo toca junta la banda Lumuna?
La banda Lumuna se formó en 2012.
¿Cuál es la ciudad natal de Lumuna?
La banda Lumuna es originaria de Lisboa.
¿Cuál es la ciudad natal de Rosano?
La banda Rosano es originaria de Lisboa.
¿Cuál es el récord de público de la banda Rosano?
El mayor concierto de Rosano reunió a 42449 espectadores.
¿Cuántas personas fueron a la actuación más multitudinaria de Velena?
El mayor concierto de Velena reunió a 72245 espectadores.
¿Cuántas grabaciones tiene la banda Velena?
La banda Velena ha publicado 22 discos.
¿De dónde son los integrantes de la banda Zenano?
La banda Zenano es originaria de Oslo.
¿Cuál es el récord de público de la banda Zenano?
El mayor concierto de Zenano reunió a 21540 espectadores.
¿Qué estilo musical interpreta Dovoni?
La banda Dovoni toca punk.
¿Cuál es el récord de público de la banda Dovoni?
El mayor concierto de Dovoni reunió a 11048 espectadores.
¿En qué año empezaron a tocar juntos los músicos de Lumix?
La banda Lumix se formó en 1986.
¿Por qué género es conocida la banda Lumix?
La banda Lumix toca folk.
¿Desde cuándo toca junta la banda Taldal?
La banda Taldal se formó en 2011.
¿Cuál es la ciudad natal de Taldal?
La banda Taldal es originaria de Lisboa.
¿Desde cuándo toca junta la banda Quinilo?
La banda Quinilo se formó en 2013.
¿Cuántas grabaciones tiene la banda Quinilo?
La banda Quinilo ha publicado 22 discos.
¿Cuántas grabaciones tiene la banda Brenoni?
La banda Brenoni ha publicado 12 discos.
¿Cuántas personas fueron a la actuación más multitudinaria de Brenoni?
El mayor concierto de Brenoni reunió a 34728 espectadores.
¿Cuántos álbumes ha sacado Balena?
La banda Balena ha publicado 26 discos.
¿Cuántas personas fueron a la actuación más multitudinaria de Balena?
El mayor concierto de Balena reunió a 14348 espectadores.
¿Desde cuándo toca junta la banda Torari?
La banda Torari se formó en 1963.
¿Cuál es la ciudad natal de Torari?
La banda Torari es originaria de Dublín.
¿Cuántas personas fueron a la actuación más multitudinaria de Brenena?
El mayor concierto de Brenena reunió a 39140 espectadores.
¿De dónde son los integrantes de la banda Brenena?
La banda Brenena es originaria de Lisboa.
¿Desde cuándo toca junta la banda Darari?
La banda Darari se formó en 1964.
¿De dónde son los integrantes de la banda Darari?
La banda Darari es originaria de Tokio.
¿Cuántos álbumes ha sacado Fenuna?
La banda Fenuna ha publicado 28 discos.
¿Qué estilo musical interpreta Fenuna?
La banda Fenuna toca soul.
¿En qué año empezaron a tocar juntos los músicos de Kerstad?
La banda Kerstad se formó en 1999.
¿De dónde son los integrantes de la banda Kerstad?
La banda Kerstad es originaria de Oslo.
¿Cuántas grabaciones tiene la banda Daruna?
La banda Daruna ha publicado 17 discos.
¿Cuál es el récord de público de la banda Daruna?
El mayor concierto de Daruna reunió a 47530 espectadores.
¿Por qué género es conocida la banda Kerberg?
La banda Kerberg toca metal.
¿De dónde son los integrantes de la banda Kerberg?
La banda Kerberg es originaria de Oslo.
¿Cuántos álbumes ha sacado Zenvik?
La banda Zenvik ha publicado 39 discos.
¿Cuál es la ciudad natal de Zenvik?
La banda Zenvik es originaria de Roma.
¿Por qué género es conocida la banda Rosvik?
La banda Rosvik toca blues.
¿Cuántas personas fueron a la actuación más multitudinaria de Rosvik?
El mayor concierto de Rosvik reunió a 86946 espectadores.
¿Qué estilo musical interpreta Ulmora?
La banda Ulmora toca metal.
¿Cuántos álbumes ha sacado Ulmora?
La banda Ulmora ha publicado 29 discos.
¿Cuál es el récord de público de la banda Junena?
El mayor concierto de Junena reunió a 34619 espectadores.
¿Por qué género es conocida la banda Junena?
La banda Junena toca jazz.
¿Qué estilo musical interpreta Brenix?
La banda Brenix toca folk.
¿Cuántas personas fueron a la actuación más multitudinaria de Brenix?
El mayor concierto de Brenix reunió a 26792 espectadores.
¿Cuál es la ciudad natal de Kerilo?
La banda Kerilo es originaria de Praga.
¿Qué estilo musical interpreta Kerilo?
La banda Kerilo toca reggae.
¿Cuántas personas fueron a la actuación más multitudinaria de Lumilo?
El mayor concierto de Lumilo reunió a 32069 espectadores.
¿Desde cuándo toca junta la banda Lumilo?
La banda Lumilo se formó en 2001.
¿Cuál es el récord de público de la banda Solberg?
El mayor concierto de Solberg reunió a 11184 espectadores.
¿Desde cuándo toca junta la banda Solberg?
La banda Solberg se formó en 1975.
¿Cuántas grabaciones tiene la banda Dovven?
La banda Dovven ha publicado 16 discos.
¿Qué estilo musical interpreta Dovven?
La banda Dovven toca punk.
¿Cuántas personas fueron a la actuación más multitudinaria de Kerora?
El mayor concierto de Kerora reunió a 63365 espectadores.
¿Desde cuándo toca junta la banda Kerora?
La banda Kerora se formó en 1978.
¿En qué año empezaron a tocar juntos los músicos de Dovena?
La banda Dovena se formó en 2014.
¿Cuántas grabaciones tiene la banda Dovena?
La banda Dovena ha publicado 20 discos.
¿De dónde son los integrantes de la banda Solora?
La banda Solora es originaria de Atenas.
¿Cuántos álbumes ha sacado Solora?
La banda Solora ha publicado 23 discos.
¿Cuál es el récord de público de la banda Halberg?
El mayor concierto de Halberg reunió a 32878 espectadores.
¿Desde cuándo toca junta la banda Halberg?
La banda Halberg se formó en 1976.
¿De dónde son los integrantes de la banda Quinett?
La banda Quinett es originaria de Lisboa.
¿Por qué género es conocida la banda Quinett?
La banda Quinett toca hip hop.
¿Qué estilo musical interpreta Varena?
La banda Varena toca hip hop.
¿Cuántas grabaciones tiene la banda Varena?
La banda Varena ha publicado 35 discos.
¿Qué estilo musical interpreta Ulena?
La banda Ulena toca soul.
¿Cuántas personas fueron a la actuación más multitudinaria de Ulena?
El mayor concierto de Ulena reunió a 38050 espectadores.
¿Desde cuándo toca junta la banda Varton?
La banda Varton se formó en 2000.
¿Cuántas grabaciones tiene la banda Varton?
La banda Varton ha publicado 15 discos.
¿Cuál es el récord de público de la banda Ostora?
El mayor concierto de Ostora reunió a 84146 espectadores.
¿Cuántos álbumes ha sacado Ostora?
La banda Ostora ha publicado 19 discos.
¿Por qué género es conocida la banda Varilo?
La banda Varilo toca punk.
¿Cuántas grabaciones tiene la banda Varilo?
La banda Varilo ha publicado 17 discos.
¿Cuál es la ciudad natal de Fenvik?
La banda Fenvik es originaria de Roma.
¿En qué año empezaron a tocar juntos los músicos de Fenvik?
La banda Fenvik se formó en 2000.
¿Por qué género es conocida la banda Toruna?
La banda Toruna toca folk.
¿Desde cuándo toca junta la banda Toruna?
La banda Toruna se formó en 2015.
¿Desde cuándo toca junta la banda Lumesk?
La banda Lumesk se formó en 2016.
¿Cuántas grabaciones tiene la banda Lumesk?
La banda Lumesk ha publicado 33 discos.
¿De dónde son los integrantes de la banda Solton?
La banda Solton es originaria de Berlín.
¿Cuál es el récord de público de la banda Solton?
El mayor concierto de Solton reunió a 28865 espectadores.
¿Cuántas grabaciones tiene la banda Maroni?
La banda Maroni ha publicado 20 discos.
¿En qué año empezaron a tocar juntos los músicos de Maroni?
La banda Maroni se formó en 2011.
¿Cuál es el récord de público de la banda Kerton?
El mayor concierto de Kerton reunió a 28575 espectadores.
¿En qué año empezaron a tocar juntos los músicos de Kerton?
La banda Kerton se formó en 2018.
¿En qué año empezaron a tocar juntos los músicos de Ostoni?
La banda Ostoni se formó en 1972.
¿Cuántas personas fueron a la actuación más multitudinaria de Ostoni?
El mayor concierto de Ostoni reunió a 49316 espectadores.
¿Cuántas personas fueron a la actuación más multitudinaria de Dovari?
El mayor concierto de Dovari reunió a 34479 espectadores.
¿De dónde son los integrantes de la banda Dovari?
La banda Dovari es originaria de Toronto.
¿Qué estilo musical interpreta Pelari?
La banda Pelari toca soul.
¿En qué año empezaron a tocar juntos los músicos de Pelari?
La banda Pelari se formó en 1972.
¿De dónde son los integrantes de la banda Ostdal?
La banda Ostdal es originaria de Dublín.
¿Cuántas grabaciones tiene la banda Ostdal?
La banda Ostdal ha publicado 28 discos.
¿Cuál es el récord de público de la banda Darano?
El mayor concierto de Darano reunió a 74695 espectadores.
¿Cuántas grabaciones tiene la banda Darano?
La banda Darano ha publicado 33 discos.
¿Cuál es la ciudad natal de Darberg?
La banda Darberg es originaria de Tokio.
¿Cuál es el récord de público de la banda Darberg?
El mayor concierto de Darberg reunió a 82455 espectadores.
¿Cuál es la ciudad natal de Zenven?
La banda Zenven es originaria de Madrid.
¿En qué año empezaron a tocar juntos los músicos de Zenven?
La banda Zenven se formó en 2007.
¿Qué estilo musical interpreta Rosilo?
La banda Rosilo toca soul.
¿En qué año empezaron a tocar juntos los músicos de Rosilo?
La banda Rosilo se formó en 1963.
¿Cuál es la ciudad natal de Halano?
La banda Halano es originaria de Seúl.
¿En qué año empezaron a tocar juntos los músicos de Halano?
La banda Halano se formó en 1983.
¿Desde cuándo toca junta la banda Sarberg?
La banda Sarberg se formó en 1967.
¿Qué estilo musical interpreta Sarberg?
La banda Sarberg toca punk.
¿Cuántas grabaciones tiene la banda Solett?
La banda Solett ha publicado 38 discos.
¿En qué año empezaron a tocar juntos los músicos de Solett?
La banda Solett se formó en 1976.
¿Cuál es la ciudad natal de Keraro?
La banda Keraro es originaria de El Cairo.
¿Cuántas personas fueron a la actuación más multitudinaria de Keraro?
El mayor concierto de Keraro reunió a 66875 espectadores.
¿Cuál es el récord de público de la banda Kordal?
El mayor concierto de Kordal reunió a 86263 espectadores.
¿Cuántos álbumes ha sacado Kordal?
La banda Kordal ha publicado 14 discos.
¿Por qué género es conocida la banda Ostilo?
La banda Ostilo toca metal.
¿Cuántos álbumes ha sacado Ostilo?
La banda Ostilo ha publicado 12 discos.
¿Cuántos álbumes ha sacado Solmora?
La banda Solmora ha publicado 39 discos.
¿Cuántas personas fueron a la actuación más multitudinaria de Solmora?
El mayor concierto de Solmora reunió a 77445 espectadores.
¿Cuántas personas fueron a la actuación más multitudinaria de Velmora?
El mayor concierto de Velmora reunió a 42524 espectadores.
¿En qué año empezaron a tocar juntos los músicos de Velmora?
La banda Velmora se formó en 1973.
¿Cuántos álbumes ha sacado Junari?
La banda Junari ha publicado 39 discos.
¿Cuál es la ciudad natal de Junari?
La banda Junari es originaria de Varsovia.
¿Qué estilo musical interpreta Marix?
La banda Marix toca techno.
¿En qué año empezaron a tocar juntos los músicos de Marix?
La banda Marix se formó en 1964.
¿Cuántos álbumes ha sacado Lumstad?
La banda Lumstad ha publicado 28 discos.
¿Cuál es la ciudad natal de Lumstad?
La banda Lumstad es originaria de Viena.
¿De dónde son los integrantes de la banda Baloni?
La banda Baloni es originaria de Berlín.
¿En qué año empezaron a tocar juntos los músicos de Baloni?
La banda Baloni se formó en 2012.
¿Cuántos álbumes ha sacado Balstad?
La banda Balstad ha publicado 36 discos.
¿Qué estilo musical interpreta Balstad?
La banda Balstad toca metal.
¿Cuál es el récord de público de la banda Junmora?
El mayor concierto de Junmora reunió a 44538 espectadores.
¿Cuál es la ciudad natal de Junmora?
La banda Junmora es originaria de Praga.
¿Qué estilo musical interpreta Ostuna?
La banda Ostuna toca rock.
¿Cuál es la ciudad natal de Ostuna?
La banda Ostuna es originaria de Seúl.
¿Por qué género es conocida la banda Marstad?
La banda Marstad toca reggae.
¿Cuántas grabaciones tiene la banda Marstad?
La banda Marstad ha publicado 19 discos.
¿En qué año empezaron a tocar juntos los músicos de Solesk?
La banda Solesk se formó en 1980.
¿Cuál es el récord de público de la banda Solesk?
El mayor concierto de Solesk reunió a 84815 espectadores.
¿Por qué género es conocida la banda Halilo?
La banda Halilo toca folk.
¿De dónde son los integrantes de la banda Halilo?
La banda Halilo es originaria de Roma.
¿En qué tarea ayuda el programa Ostena?
El programa Ostena es una herramienta para aprender idiomas.
¿Qué tamaño tiene la comunidad de la aplicación Ostena?
El programa Ostena tiene 96248 usuarios registrados.
¿Cuántas personas utilizan Kerett?
El programa Kerett tiene 61038 usuarios registrados.
¿Para qué sirve Kerett?
El programa Kerett es una herramienta para aprender idiomas.
¿En qué tarea ayuda el programa Marmora?
El programa Marmora es una herramienta para editar fotos.
¿Qué tamaño tiene la comunidad de la aplicación Marmora?
El programa Marmora tiene 81057 usuarios registrados.
¿Para qué sirve Halix?
El programa Halix es una herramienta para grabar música.
¿Qué tamaño tiene la comunidad de la aplicación Halix?
El programa Halix tiene 17329 usuarios registrados.
¿Con qué lenguaje de programación se desarrolló Quinstad?
El programa Quinstad está escrito en Scala.
¿Para qué sirve Quinstad?
El programa Quinstad es una herramienta para aprender idiomas.
¿Con qué lenguaje de programación se desarrolló Mardal?
El programa Mardal está escrito en Haskell.
¿Para qué sirve Mardal?
El programa Mardal es una herramienta para aprender idiomas.
¿Qué tamaño tiene la comunidad de la aplicación Lummora?
El programa Lummora tiene 18588 usuarios registrados.
¿Desde qué año se puede descargar el programa Lummora?
La primera versión de Lummora salió en 2021.
¿Para qué sirve Fenven?
El programa Fenven es una herramienta para grabar música.
¿Dónde trabajan los programadores de Fenven?
El programa Fenven lo desarrolla un equipo en Toronto.
¿En qué tarea ayuda el programa Korilo?
El programa Korilo es una herramienta para registrar entrenamientos.
¿Desde qué año se puede descargar el programa Korilo?
La primera versión de Korilo salió en 2017.
¿En qué lenguaje está programado el código fuente de Haluna?
El programa Haluna está escrito en Java.
¿En qué tarea ayuda el programa Haluna?
El programa Haluna es una herramienta para editar fotos.
¿Para qué sirve Brenmora?
El programa Brenmora es una herramienta para planificar viajes.
¿En qué lenguaje está programado el código fuente de Brenmora?
El programa Brenmora está escrito en Haskell.
¿Cuándo se lanzó Korett?
La primera versión de Korett salió en 2013.
¿Cuántas personas utilizan Korett?
El programa Korett tiene 11226 usuarios registrados.
¿En qué ciudad se crea el software Korano?
El programa Korano lo desarrolla un equipo en Varsovia.
¿En qué tarea ayuda el programa Korano?
El programa Korano es una herramienta para dibujar mapas.
¿Cuándo se lanzó Sarari?
La primera versión de Sarari salió en 2021.
¿Para qué sirve Sarari?
El programa Sarari es una herramienta para editar fotos.
¿Con qué lenguaje de programación se desarrolló Rosven?
El programa Rosven está escrito en Swift.
¿Dónde trabajan los programadores de Rosven?
El programa Rosven lo desarrolla un equipo en Viena.
¿En qué lenguaje está programado el código fuente de Solvik?
El programa Solvik está escrito en Haskell.
¿Desde qué año se puede descargar el programa Solvik?
La primera versión de Solvik salió en 2012.
¿En qué tarea ayuda el programa Torberg?
El programa Torberg es una herramienta para dibujar mapas.
¿Dónde trabajan los programadores de Torberg?
El programa Torberg lo desarrolla un equipo en Berlín.
¿Cuántas personas utilizan Solari?
El programa Solari tiene 78814 usuarios registrados.
¿En qué lenguaje está programado el código fuente de Solari?
El programa Solari está escrito en Ruby.
¿Desde qué año se puede descargar el programa Quindal?
La primera versión de Quindal salió en 1998.
¿En qué lenguaje está programado el código fuente de Quindal?
El programa Quindal está escrito en Kotlin.
¿En qué tarea ayuda el programa Vardal?
El programa Vardal es una herramienta para enviar mensajes.
¿Con qué lenguaje de programación se desarrolló Vardal?
El programa Vardal está escrito en Ruby.
¿Cuántas personas utilizan Veloni?
El programa Veloni tiene 81935 usuarios registrados.
¿En qué ciudad se crea el software Veloni?
El programa Veloni lo desarrolla un equipo en Dublín.
¿En qué ciudad se crea el software Zenstad?
El programa Zenstad lo desarrolla un equipo en Tokio.
¿En qué lenguaje está programado el código fuente de Zenstad?
El programa Zenstad está escrito en Kotlin.
¿Para qué sirve Uluna?
El programa Uluna es una herramienta para planificar viajes.
¿Qué tamaño tiene la comunidad de la aplicación Uluna?
El programa Uluna tiene 71047 usuarios registrados.
¿En qué lenguaje está programado el código fuente de Quinaro?
El programa Quinaro está escrito en Python.
¿Cuántas personas utilizan Quinaro?
El programa Quinaro tiene 30165 usuarios registrados.
¿En qué lenguaje está programado el código fuente de Marberg?
El programa Marberg está escrito en Ruby.
¿Cuándo se lanzó Marberg?
La primera versión de Marberg salió en 2019.
¿Con qué lenguaje de programación se desarrolló Talvik?
El programa Talvik está escrito en Go.
¿Desde qué año se puede descargar el programa Talvik?
La primera versión de Talvik salió en 2000.
¿Con qué lenguaje de programación se desarrolló Torora?
El programa Torora está escrito en Kotlin.
¿Dónde trabajan los programadores de Torora?
El programa Torora lo desarrolla un equipo en Viena.
¿Cuándo se lanzó Ulstad?
La primera versión de Ulstad salió en 2017.
¿Con qué lenguaje de programación se desarrolló Ulstad?
El programa Ulstad está escrito en Elixir.
¿En qué tarea ayuda el programa Darilo?
El programa Darilo es una herramienta para editar fotos.
¿Qué tamaño tiene la comunidad de la aplicación Darilo?
El programa Darilo tiene 2883 usuarios registrados.
¿En qué tarea ayuda el programa Dovesk?
El programa Dovesk es una herramienta para guardar contraseñas.
¿En qué lenguaje está programado el código fuente de Dovesk?
El programa Dovesk está escrito en Kotlin.
¿Cuántas personas utilizan Marilo?
El programa Marilo tiene 54087 usuarios registrados.
¿Cuándo se lanzó Marilo?
La primera versión de Marilo salió en 2018.
¿Con qué lenguaje de programación se desarrolló Darven?
El programa Darven está escrito en Java.
¿Desde qué año se puede descargar el programa Darven?
La primera versión de Darven salió en 2004.
¿Dónde trabajan los programadores de Dovstad?
El programa Dovstad lo desarrolla un equipo en Varsovia.
¿Con qué lenguaje de programación se desarrolló Dovstad?
El programa Dovstad está escrito en Go.
¿Con qué lenguaje de programación se desarrolló Velix?
El programa Velix está escrito en Go.
¿Cuántas personas utilizan Velix?
El programa Velix tiene 18362 usuarios registrados.
¿En qué lenguaje está programado el código fuente de Talilo?
El programa Talilo está escrito en Elixir.
¿Cuántas personas utilizan Talilo?
El programa Talilo tiene 37919 usuarios registrados.
¿Cuántas personas utilizan Lumena?
El programa Lumena tiene 79446 usuarios registrados.
¿Desde qué año se puede descargar el programa Lumena?
La primera versión de Lumena salió en 2001.
¿En qué tarea ayuda el programa Darena?
El programa Darena es una herramienta para leer libros electrónicos.
¿Desde qué año se puede descargar el programa Darena?
La primera versión de Darena salió en 2022.
¿Dónde trabajan los programadores de Balett?
El programa Balett lo desarrolla un equipo en Roma.
¿En qué lenguaje está programado el código fuente de Balett?
El programa Balett está escrito en Haskell.
¿En qué ciudad se crea el software Pelett?
El programa Pelett lo desarrolla un equipo en Lisboa.
¿Para qué sirve Pelett?
El programa Pelett es una herramienta para dibujar mapas.
¿Para qué sirve Sarmora?
El programa Sarmora es una herramienta para grabar música.
¿Con qué lenguaje de programación se desarrolló Sarmora?
El programa Sarmora está escrito en Kotlin.
¿Qué tamaño tiene la comunidad de la aplicación Fenari?
El programa Fenari tiene 77635 usuarios registrados.
¿En qué ciudad se crea el software Fenari?
El programa Fenari lo desarrolla un equipo en Praga.
¿Cuándo se lanzó Ulven?
La primera versión de Ulven salió en 2001.
¿Para qué sirve Ulven?
El programa Ulven es una herramienta para registrar entrenamientos.
¿Cuándo se lanzó Velora?
La primera versión de Velora salió en 2017.
¿En qué ciudad se crea el software Velora?
El programa Velora lo desarrolla un equipo en Oslo.
¿Para qué sirve Ostaro?
El programa Ostaro es una herramienta para aprender idiomas.
¿Qué tamaño tiene la comunidad de la aplicación Ostaro?
El programa Ostaro tiene 76924 usuarios registrados.
¿Desde qué año se puede descargar el programa Junora?
La primera versión de Junora salió en 2019.
¿En qué lenguaje está programado el código fuente de Junora?
El programa Junora está escrito en Go.
¿Qué tamaño tiene la comunidad de la aplicación Ostix?
El programa Ostix tiene 45675 usuarios registrados.
¿Desde qué año se puede descargar el programa Ostix?
La primera versión de Ostix salió en 2008.
¿Con qué lenguaje de programación se desarrolló Quinuna?
El programa Quinuna está escrito en Elixir.
¿Dónde trabajan los programadores de Quinuna?
El programa Quinuna lo desarrolla un equipo en Atenas.
¿Con qué lenguaje de programación se desarrolló Halari?
El programa Halari está escrito en Elixir.
¿Dónde trabajan los programadores de Halari?
El programa Halari lo desarrolla un equipo en Toronto.
¿Dónde trabajan los programadores de Korstad?
El programa Korstad lo desarrolla un equipo en El Cairo.
¿Qué tamaño tiene la comunidad de la aplicación Korstad?
El programa Korstad tiene 79970 usuarios registrados.
¿Desde qué año se puede descargar el programa Fenora?
La primera versión de Fenora salió en 2022.
¿Dónde trabajan los programadores de Fenora?
El programa Fenora lo desarrolla un equipo en Oslo.
¿Con qué lenguaje de programación se desarrolló Fenena?
El programa Fenena está escrito en Elixir.
¿Dónde trabajan los programadores de Fenena?
El programa Fenena lo desarrolla un equipo en Tokio.
¿Dónde trabajan los programadores de Talstad?
El programa Talstad lo desarrolla un equipo en Praga.
¿Qué tamaño tiene la comunidad de la aplicación Talstad?
El programa Talstad tiene 15687 usuarios registrados.
¿Dónde trabajan los programadores de Brenesk?
El programa Brenesk lo desarrolla un equipo en Toronto.
¿Para qué sirve Brenesk?
El programa Brenesk es una herramienta para registrar entrenamientos.
¿En qué ciudad se crea el software Pelilo?
El programa Pelilo lo desarrolla un equipo en Lisboa.
¿Para qué sirve Pelilo?
El programa Pelilo es una herramienta para leer libros electrónicos.
¿Cuándo se lanzó Pelstad?
La primera versión de Pelstad salió en 2017.
¿En qué tarea ayuda el programa Pelstad?
El programa Pelstad es una herramienta para aprender idiomas.
¿Con qué lenguaje de programación se desarrolló Norano?
El programa Norano está escrito en Kotlin.
¿Desde qué año se puede descargar el programa Norano?
La primera versión de Norano salió en 1996.
¿En qué lenguaje está programado el código fuente de Peloni?
El programa Peloni está escrito en Go.
¿En qué ciudad se crea el software Peloni?
El programa Peloni lo desarrolla un equipo en Dublín.
¿Qué tamaño tiene la comunidad de la aplicación Taluna?
El programa Taluna tiene 74867 usuarios registrados.
¿Para qué sirve Taluna?
El programa Taluna es una herramienta para registrar entrenamientos.
¿Cuántas personas utilizan Dovix?
El programa Dovix tiene 65563 usuarios registrados.
¿Dónde trabajan los programadores de Dovix?
El programa Dovix lo desarrolla un equipo en Varsovia.
¿Cuándo se lanzó Ostmora?
La primera versión de Ostmora salió en 2019.
¿Dónde trabajan los programadores de Ostmora?
El programa Ostmora lo desarrolla un equipo en Atenas.
¿Qué tamaño tiene la comunidad de la aplicación Darstad?
El programa Darstad tiene 64164 usuarios registrados.
¿En qué ciudad se crea el software Darstad?
El programa Darstad lo desarrolla un equipo en Atenas.
¿En qué tarea ayuda el programa Pelora?
El programa Pelora es una herramienta para dibujar mapas.
¿En qué ciudad se crea el software Pelora?
El programa Pelora lo desarrolla un equipo en Varsovia.
¿Qué tamaño tiene la comunidad de la aplicación Saruna?
El programa Saruna tiene 21973 usuarios registrados.
¿En qué lenguaje está programado el código fuente de Saruna?
El programa Saruna está escrito en Go.
¿Dónde trabajan los programadores de Ostano?
El programa Ostano lo desarrolla un equipo en Atenas.
¿Desde qué año se puede descargar el programa Ostano?
La primera versión de Ostano salió en 2016.
¿Qué tamaño tiene la comunidad de la aplicación Velven?
El programa Velven tiene 13090 usuarios registrados.
¿Cuándo se lanzó Velven?
La primera versión de Velven salió en 2016.
¿Dónde trabajan los programadores de Dovaro?
El programa Dovaro lo desarrolla un equipo en Viena.
¿En qué tarea ayuda el programa Dovaro?
El programa Dovaro es una herramienta para planificar viajes.
¿En qué lenguaje está programado el código fuente de Fenoni?
El programa Fenoni está escrito en Java.
¿Cuándo se lanzó Fenoni?
La primera versión de Fenoni salió en 2022.
¿Dónde trabajan los programadores de Varoni?
El programa Varoni lo desarrolla un equipo en Oslo.
¿Desde qué año se puede descargar el programa Varoni?
La primera versión de Varoni salió en 2013.
¿En qué ciudad se crea el software Junven?
El programa Junven lo desarrolla un equipo en Madrid.
¿Cuándo se lanzó Junven?
La primera versión de Junven salió en 1995.
¿Para qué sirve Darvik?
El programa Darvik es una herramienta para grabar música.
¿Cuándo se lanzó Darvik?
La primera versión de Darvik salió en 2002.
¿Qué tamaño tiene la comunidad de la aplicación Halena?
El programa Halena tiene 64448 usuarios registrados.
¿En qué tarea ayuda el programa Halena?
El programa Halena es una herramienta para guardar contraseñas.
¿Dónde trabajan los programadores de Lumberg?
El programa Lumberg lo desarrolla un equipo en Praga.
¿Para qué sirve Lumberg?
El programa Lumberg es una herramienta para registrar entrenamientos.
¿Cuántas personas utilizan Fenilo?
El programa Fenilo tiene 40627 usuarios registrados.
¿Con qué lenguaje de programación se desarrolló Fenilo?
El programa Fenilo está escrito en Python.
¿Cuántas personas utilizan Junix?
El programa Junix tiene 51445 usuarios registrados.
¿En qué tarea ayuda el programa Junix?
El programa Junix es una herramienta para aprender idiomas.
¿Con qué lenguaje de programación se desarrolló Rosari?
El programa Rosari está escrito en Haskell.
¿En qué ciudad se crea el software Rosari?
El programa Rosari lo desarrolla un equipo en Oslo.
¿En qué ciudad se crea el software Toresk?
El programa Toresk lo desarrolla un equipo en Atenas.
¿Cuándo se lanzó Toresk?
La primera versión de Toresk salió en 2010.
¿Cuándo se lanzó Velberg?
La primera versión de Velberg salió en 1996.
¿En qué ciudad se crea el software Velberg?
El programa Velberg lo desarrolla un equipo en Atenas.
¿En qué tarea ayuda el programa Junett?
El programa Junett es una herramienta para registrar entrenamientos.
¿En qué ciudad se crea el software Junett?
El programa Junett lo desarrolla un equipo en Varsovia.
¿Para qué sirve Rosstad?
El programa Rosstad es una herramienta para guardar contraseñas.
¿Cuántas personas utilizan Rosstad?
El programa Rosstad tiene 98782 usuarios registrados.
¿En qué ciudad se crea el software Brenilo?
El programa Brenilo lo desarrolla un equipo en Berlín.
¿Cuántas personas utilizan Brenilo?
El programa Brenilo tiene 30479 usuarios registrados.
¿En qué tarea ayuda el programa Noresk?
El programa Noresk es una herramienta para enviar mensajes.
¿Con qué lenguaje de programación se desarrolló Noresk?
El programa Noresk está escrito en Go.
¿En qué lenguaje está programado el código fuente de Dovberg?
El programa Dovberg está escrito en Elixir.
¿En qué tarea ayuda el programa Dovberg?
El programa Dovberg es una herramienta para dibujar mapas.
¿En qué tarea ayuda el programa Torven?
El programa Torven es una herramienta para planificar viajes.
¿Dónde trabajan los programadores de Torven?
El programa Torven lo desarrolla un equipo en Seúl.
¿Qué tamaño tiene la comunidad de la aplicación Balaro?
El programa Balaro tiene 13558 usuarios registrados.
¿Desde qué año se puede descargar el programa Balaro?
La primera versión de Balaro salió en 2014.
¿Cuántas personas utilizan Rosberg?
El programa Rosberg tiene 77849 usuarios registrados.
¿Cuándo se lanzó Rosberg?
La primera versión de Rosberg salió en 2014.
¿Para qué sirve Varari?
El programa Varari es una herramienta para editar fotos.
¿Cuándo se lanzó Varari?
La primera versión de Varari salió en 2021.
¿Para qué sirve Balari?
El programa Balari es una herramienta para aprender idiomas.
¿Dónde trabajan los programadores de Balari?
El programa Balari lo desarrolla un equipo en Tokio.
¿Para qué sirve Korberg?
El programa Korberg es una herramienta para guardar contraseñas.
¿Cuántas personas utilizan Korberg?
El programa Korberg tiene 87846 usuarios registrados.
¿Para qué sirve Peluna?
El programa Peluna es una herramienta para planificar viajes.
¿En qué ciudad se crea el software Peluna?
El programa Peluna lo desarrolla un equipo en Lisboa.
¿Qué tamaño tiene la comunidad de la aplicación Norvik?
El programa Norvik tiene 51862 usuarios registrados.
¿Con qué lenguaje de programación se desarrolló Norvik?
El programa Norvik está escrito en Haskell.
¿Para qué sirve Talora?
El programa Talora es una herramienta para dibujar mapas.
¿Con qué lenguaje de programación se desarrolló Talora?
El programa Talora está escrito en Ruby.
¿Dónde trabajan los programadores de Uloni?
El programa Uloni lo desarrolla un equipo en Dublín.
¿Cuántas personas utilizan Uloni?
El programa Uloni tiene 64513 usuarios registrados.
¿En qué tarea ayuda el programa Torix?
El programa Torix es una herramienta para registrar entrenamientos.
¿En qué ciudad se crea el software Torix?
El programa Torix lo desarrolla un equipo en Roma.
¿En qué ciudad se crea el software Fenberg?
El programa Fenberg lo desarrolla un equipo en Varsovia.
¿Con qué lenguaje de programación se desarrolló Fenberg?
El programa Fenberg está escrito en Rust.
