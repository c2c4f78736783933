"""Organizations, infrastructure projects and places often named in bilateral news, with their
names in both languages, so a proposal carries real names rather than transliterations."""

from dataclasses import dataclass


@dataclass(frozen=True)
class OrganizationEntry:
    id: str
    name_en: str
    name_ru: str
    abbreviation_en: str | None
    abbreviation_ru: str | None
    aliases: tuple[str, ...] = ()  # other names and forms, in either language


@dataclass(frozen=True)
class ProjectEntry:
    id: str
    name_en: str
    name_ru: str
    kind: str
    countries: tuple[str, ...]
    places: tuple[str, ...]  # place ids (see PLACES)
    aliases: tuple[str, ...]
    commodity: str | None = None  # what a pipeline carries


@dataclass(frozen=True)
class PlaceEntry:
    id: str
    name_en: str
    name_ru: str
    kind: str
    country: str | None
    aliases: tuple[str, ...] = ()


ORGANIZATIONS: tuple[OrganizationEntry, ...] = (
    OrganizationEntry(
        "ots",
        "Organization of Turkic States",
        "Организация тюркских государств",
        "OTS",
        "ОТГ",
        ("Organisation of Turkic States", "Тюркский совет", "Turkic Council"),
    ),
    OrganizationEntry(
        "eco",
        "Economic Cooperation Organization",
        "Организация экономического сотрудничества",
        "ECO",
        "ОЭС",
        ("Economic Cooperation Organisation",),
    ),
    OrganizationEntry(
        "sco",
        "Shanghai Cooperation Organisation",
        "Шанхайская организация сотрудничества",
        "SCO",
        "ШОС",
        ("Shanghai Cooperation Organization",),
    ),
    OrganizationEntry(
        "cis", "Commonwealth of Independent States", "Содружество Независимых Государств", "CIS", "СНГ"
    ),
    OrganizationEntry(
        "eaeu", "Eurasian Economic Union", "Евразийский экономический союз", "EAEU", "ЕАЭС", ("EEU",)
    ),
    OrganizationEntry(
        "csto",
        "Collective Security Treaty Organization",
        "Организация Договора о коллективной безопасности",
        "CSTO",
        "ОДКБ",
    ),
    OrganizationEntry(
        "cica",
        "Conference on Interaction and Confidence-Building Measures in Asia",
        "Совещание по взаимодействию и мерам доверия в Азии",
        "CICA",
        "СВМДА",
    ),
    OrganizationEntry("un", "United Nations", "Организация Объединённых Наций", "UN", "ООН", ("U.N.",)),
    OrganizationEntry(
        "osce",
        "Organization for Security and Co-operation in Europe",
        "Организация по безопасности и сотрудничеству в Европе",
        "OSCE",
        "ОБСЕ",
    ),
    OrganizationEntry("eu", "European Union", "Европейский союз", "EU", "ЕС", ("Евросоюз",)),
    OrganizationEntry("brics", "BRICS", "БРИКС", "BRICS", "БРИКС"),
    OrganizationEntry(
        "gcc",
        "Gulf Cooperation Council",
        "Совет сотрудничества арабских государств Персидского залива",
        "GCC",
        "ССАГПЗ",
        ("Cooperation Council for the Arab States of the Gulf",),
    ),
    OrganizationEntry(
        "asean",
        "Association of Southeast Asian Nations",
        "Ассоциация государств Юго-Восточной Азии",
        "ASEAN",
        "АСЕАН",
    ),
    OrganizationEntry("opec-plus", "OPEC+", "ОПЕК+", "OPEC+", "ОПЕК+"),
    OrganizationEntry(
        "oic",
        "Organisation of Islamic Cooperation",
        "Организация исламского сотрудничества",
        "OIC",
        "ОИС",
        ("Organization of Islamic Cooperation",),
    ),
    OrganizationEntry(
        "nato",
        "North Atlantic Treaty Organization",
        "Организация Североатлантического договора",
        "NATO",
        "НАТО",
    ),
    OrganizationEntry(
        "cop29",
        "29th UN Climate Change Conference",
        "29-я Конференция ООН по изменению климата",
        "COP29",
        "COP29",
    ),
)

PLACES: tuple[PlaceEntry, ...] = (
    PlaceEntry("baku", "Baku", "Баку", "city", "AZ"),
    PlaceEntry("astana", "Astana", "Астана", "city", "KZ", ("Nur-Sultan", "Нур-Султан")),
    PlaceEntry("almaty", "Almaty", "Алматы", "city", "KZ", ("Алма-Ата",)),
    PlaceEntry("shymkent", "Shymkent", "Шымкент", "city", "KZ"),
    PlaceEntry("aktau", "Aktau", "Актау", "port", "KZ"),
    PlaceEntry("kuryk", "Kuryk", "Курык", "port", "KZ"),
    PlaceEntry("alat", "Alat", "Алят", "port", "AZ"),
    PlaceEntry("khankendi", "Khankendi", "Ханкенди", "city", "AZ"),
    PlaceEntry("gabala", "Gabala", "Габала", "city", "AZ", ("Qabala",)),
    PlaceEntry("shusha", "Shusha", "Шуша", "city", "AZ"),
    PlaceEntry("ganja", "Ganja", "Гянджа", "city", "AZ"),
    PlaceEntry("tashkent", "Tashkent", "Ташкент", "city", "UZ"),
    PlaceEntry("samarkand", "Samarkand", "Самарканд", "city", "UZ"),
    PlaceEntry("bishkek", "Bishkek", "Бишкек", "city", "KG"),
    PlaceEntry("cholpon-ata", "Cholpon-Ata", "Чолпон-Ата", "city", "KG"),
    PlaceEntry("dushanbe", "Dushanbe", "Душанбе", "city", "TJ"),
    PlaceEntry("ashgabat", "Ashgabat", "Ашхабад", "city", "TM"),
    PlaceEntry("turkmenbashi", "Turkmenbashi", "Туркменбаши", "port", "TM"),
    PlaceEntry("tbilisi", "Tbilisi", "Тбилиси", "city", "GE"),
    PlaceEntry("batumi", "Batumi", "Батуми", "port", "GE"),
    PlaceEntry("poti", "Poti", "Поти", "port", "GE"),
    PlaceEntry("chabahar", "Chabahar", "Чабахар", "port", "IR"),
    PlaceEntry("yerevan", "Yerevan", "Ереван", "city", "AM"),
    PlaceEntry("ankara", "Ankara", "Анкара", "city", "TR"),
    PlaceEntry("istanbul", "Istanbul", "Стамбул", "city", "TR"),
    PlaceEntry("ceyhan", "Ceyhan", "Джейхан", "city", "TR"),
    PlaceEntry("kars", "Kars", "Карс", "city", "TR"),
    PlaceEntry("moscow", "Moscow", "Москва", "city", "RU"),
    PlaceEntry("saint-petersburg", "Saint Petersburg", "Санкт-Петербург", "city", "RU", ("St Petersburg",)),
    PlaceEntry("sochi", "Sochi", "Сочи", "city", "RU"),
    PlaceEntry("kazan", "Kazan", "Казань", "city", "RU"),
    PlaceEntry("minsk", "Minsk", "Минск", "city", "BY"),
    PlaceEntry("beijing", "Beijing", "Пекин", "city", "CN"),
    PlaceEntry("tehran", "Tehran", "Тегеран", "city", "IR"),
    PlaceEntry("khorgos", "Khorgos", "Хоргос", "city", "KZ"),
    PlaceEntry("urumqi", "Urumqi", "Урумчи", "city", "CN"),
    PlaceEntry("xian", "Xi'an", "Сиань", "city", "CN"),
    PlaceEntry("abu-dhabi", "Abu Dhabi", "Абу-Даби", "city", "AE"),
    PlaceEntry("dubai", "Dubai", "Дубай", "city", "AE"),
    PlaceEntry("doha", "Doha", "Доха", "city", "QA"),
    PlaceEntry("riyadh", "Riyadh", "Эр-Рияд", "city", "SA"),
    PlaceEntry("new-delhi", "New Delhi", "Нью-Дели", "city", "IN"),
    PlaceEntry("islamabad", "Islamabad", "Исламабад", "city", "PK"),
    PlaceEntry("kabul", "Kabul", "Кабул", "city", "AF"),
    PlaceEntry("ulaanbaatar", "Ulaanbaatar", "Улан-Батор", "city", "MN"),
    PlaceEntry("tokyo", "Tokyo", "Токио", "city", "JP"),
    PlaceEntry("seoul", "Seoul", "Сеул", "city", "KR"),
    PlaceEntry("berlin", "Berlin", "Берлин", "city", "DE"),
    PlaceEntry("paris", "Paris", "Париж", "city", "FR"),
    PlaceEntry("rome", "Rome", "Рим", "city", "IT"),
    PlaceEntry("london", "London", "Лондон", "city", "GB"),
    PlaceEntry("brussels", "Brussels", "Брюссель", "city", "BE"),
    PlaceEntry("budapest", "Budapest", "Будапешт", "city", "HU"),
    PlaceEntry("warsaw", "Warsaw", "Варшава", "city", "PL"),
    PlaceEntry("vienna", "Vienna", "Вена", "city", "AT"),
    PlaceEntry("washington", "Washington", "Вашингтон", "city", "US"),
    PlaceEntry("kyiv", "Kyiv", "Киев", "city", "UA"),
    PlaceEntry("chisinau", "Chisinau", "Кишинёв", "city", "MD"),
)

PROJECTS: tuple[ProjectEntry, ...] = (
    ProjectEntry(
        "middle-corridor",
        "Middle Corridor (Trans-Caspian International Transport Route)",
        "Срединный коридор (Транскаспийский международный транспортный маршрут)",
        "transport_corridor",
        ("AZ", "KZ"),
        (),
        (
            "Срединный коридор",
            "Средний коридор",
            "ТМТМ",
            "Транскаспийский международный транспортный маршрут",
            "Транскаспийский маршрут",
            "Middle Corridor",
            "TITR",
            "Trans-Caspian International Transport Route",
            "Trans-Caspian route",
        ),
    ),
    ProjectEntry(
        "north-south-transport-corridor",
        "International North–South Transport Corridor",
        "Международный транспортный коридор «Север — Юг»",
        "transport_corridor",
        ("RU", "AZ", "IR"),
        (),
        (
            "коридор Север–Юг",
            "Север–Юг",
            "МТК Север–Юг",
            "North–South Transport Corridor",
            "North-South corridor",
            "INSTC",
        ),
    ),
    ProjectEntry(
        "development-road",
        "Development Road",
        "Дорога развития",
        "transport_corridor",
        ("IQ", "TR"),
        (),
        ("Development Road Project", "Development Road", "проект «Дорога развития»", "Дорога развития"),
    ),
    ProjectEntry(
        "baku-tbilisi-ceyhan-pipeline",
        "Baku–Tbilisi–Ceyhan oil pipeline",
        "Нефтепровод Баку–Тбилиси–Джейхан",
        "pipeline",
        ("AZ", "GE", "TR"),
        ("baku", "tbilisi", "ceyhan"),
        ("Баку–Тбилиси–Джейхан", "БТД", "Baku–Tbilisi–Ceyhan", "BTC pipeline", "BTC"),
        "oil",
    ),
    ProjectEntry(
        "south-caucasus-pipeline",
        "South Caucasus gas pipeline",
        "Южно-Кавказский газопровод",
        "pipeline",
        ("AZ", "GE", "TR"),
        (),
        (
            "Баку–Тбилиси–Эрзурум",
            "Южно-Кавказский газопровод",
            "South Caucasus Pipeline",
            "Baku–Tbilisi–Erzurum",
        ),
        "gas",
    ),
    ProjectEntry(
        "tanap",
        "Trans-Anatolian Natural Gas Pipeline (TANAP)",
        "Трансанатолийский газопровод (TANAP)",
        "pipeline",
        ("AZ", "TR"),
        (),
        ("TANAP", "Трансанатолийский газопровод", "Trans-Anatolian pipeline"),
        "gas",
    ),
    ProjectEntry(
        "tap",
        "Trans Adriatic Pipeline (TAP)",
        "Трансадриатический газопровод (TAP)",
        "pipeline",
        ("AZ", "GR", "AL", "IT"),
        (),
        ("TAP", "Трансадриатический газопровод", "Trans Adriatic Pipeline"),
        "gas",
    ),
    ProjectEntry(
        "trans-caspian-gas-pipeline",
        "Trans-Caspian Gas Pipeline",
        "Транскаспийский газопровод",
        "pipeline",
        ("TM", "AZ"),
        (),
        ("Транскаспийский газопровод", "Trans-Caspian Gas Pipeline", "Trans-Caspian pipeline", "TCGP"),
        "gas",
    ),
    ProjectEntry(
        "caspian-pipeline-consortium",
        "Caspian Pipeline Consortium",
        "Каспийский трубопроводный консорциум",
        "pipeline",
        ("KZ", "RU"),
        (),
        ("КТК", "Каспийский трубопроводный консорциум", "CPC", "Caspian Pipeline Consortium"),
        "oil",
    ),
    ProjectEntry(
        "baku-tbilisi-kars-railway",
        "Baku–Tbilisi–Kars railway",
        "Железная дорога Баку–Тбилиси–Карс",
        "railway",
        ("AZ", "GE", "TR"),
        ("baku", "tbilisi", "kars"),
        ("Баку–Тбилиси–Карс", "БТК", "Baku–Tbilisi–Kars", "BTK"),
    ),
    ProjectEntry(
        "caspian-black-sea-europe-green-energy-corridor",
        "Caspian–Black Sea–Europe green energy corridor",
        "Зелёный энергетический коридор Каспий — Черное море — Европа",
        "power_line",
        ("AZ", "GE", "RO", "HU"),
        (),
        ("зелёный энергетический коридор", "green energy corridor"),
    ),
    ProjectEntry(
        "central-asia-azerbaijan-green-energy-corridor",
        "Central Asia–Azerbaijan green energy corridor",
        "Зелёный энергетический коридор Центральная Азия — Азербайджан",
        "power_line",
        ("AZ", "KZ", "UZ"),
        (),
        ("Центральная Азия — Азербайджан", "Central Asia–Azerbaijan"),
    ),
    ProjectEntry(
        "trans-caspian-fiber-optic-cable",
        "Trans-Caspian fiber-optic cable",
        "Транскаспийская волоконно-оптическая линия связи",
        "digital_system",
        ("AZ", "KZ"),
        (),
        (
            "Транскаспийская волоконно-оптическая линия",
            "волоконно-оптической линии связи по дну Каспийского моря",
            "Trans-Caspian fiber-optic",
            "Trans-Caspian fibre-optic",
            "Digital Silk Way",
            "Цифровой Шелковый путь",
        ),
    ),
    ProjectEntry(
        "digital-trade-corridors",
        "Integrated digital corridors and automated cargo tracking",
        "Интегрированные цифровые коридоры и автоматизированные системы отслеживания грузов",
        "digital_system",
        ("AZ", "KZ"),
        (),
        ("цифровые коридоры", "цифровой коридор", "digital corridor", "digital corridors"),
    ),
    ProjectEntry(
        "trans-afghan-railway",
        "Trans-Afghan railway",
        "Трансафганская железная дорога",
        "railway",
        ("UZ", "AF", "PK"),
        (),
        ("Трансафганская железная дорога", "Trans-Afghan railway"),
    ),
    ProjectEntry(
        "tapi-gas-pipeline",
        "Turkmenistan–Afghanistan–Pakistan–India gas pipeline (TAPI)",
        "Газопровод Туркменистан — Афганистан — Пакистан — Индия (ТАПИ)",
        "pipeline",
        ("TM", "AF", "PK", "IN"),
        (),
        (
            "TAPI",
            "ТАПИ",
            "Turkmenistan–Afghanistan–Pakistan–India",
            "Туркменистан — Афганистан — Пакистан — Индия",
        ),
        "gas",
    ),
    ProjectEntry(
        "power-of-siberia",
        "Power of Siberia gas pipeline",
        "Газопровод «Сила Сибири»",
        "pipeline",
        ("RU", "CN"),
        (),
        ("Сила Сибири", "Power of Siberia"),
        "gas",
    ),
    ProjectEntry(
        "karakoram-highway",
        "Karakoram Highway",
        "Каракорумское шоссе",
        "road",
        ("PK", "CN"),
        (),
        ("Каракорумское шоссе", "Karakoram Highway", "Каракорумская трасса"),
    ),
    ProjectEntry(
        "china-kyrgyzstan-uzbekistan-railway",
        "China–Kyrgyzstan–Uzbekistan railway",
        "Железная дорога Китай — Кыргызстан — Узбекистан",
        "railway",
        ("CN", "KG", "UZ"),
        (),
        ("Китай–Кыргызстан–Узбекистан", "China–Kyrgyzstan–Uzbekistan"),
    ),
)


@dataclass(frozen=True)
class PersonEntry:
    id: str
    name_en: str
    name_ru: str
    country: str
    aliases: tuple[str, ...] = ()


# Leaders and ministers often named in this news, so their names are spelled as they spell them.
PEOPLE: tuple[PersonEntry, ...] = (
    PersonEntry("ilham-aliyev", "Ilham Aliyev", "Ильхам Алиев", "AZ"),
    PersonEntry("mehriban-aliyeva", "Mehriban Aliyeva", "Мехрибан Алиева", "AZ"),
    PersonEntry("ali-asadov", "Ali Asadov", "Али Асадов", "AZ"),
    PersonEntry("jeyhun-bayramov", "Jeyhun Bayramov", "Джейхун Байрамов", "AZ"),
    PersonEntry("kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "Касым-Жомарт Токаев", "KZ"),
    PersonEntry("olzhas-bektenov", "Olzhas Bektenov", "Олжас Бектенов", "KZ"),
    PersonEntry("murat-nurtleu", "Murat Nurtleu", "Мурат Нуртлеу", "KZ"),
    PersonEntry("vladimir-putin", "Vladimir Putin", "Владимир Путин", "RU"),
    PersonEntry("mikhail-mishustin", "Mikhail Mishustin", "Михаил Мишустин", "RU"),
    PersonEntry("sergey-lavrov", "Sergey Lavrov", "Сергей Лавров", "RU", ("Sergei Lavrov",)),
    PersonEntry("shavkat-mirziyoyev", "Shavkat Mirziyoyev", "Шавкат Мирзиёев", "UZ"),
    PersonEntry("abdulla-aripov", "Abdulla Aripov", "Абдулла Арипов", "UZ"),
    PersonEntry("sadyr-japarov", "Sadyr Japarov", "Садыр Жапаров", "KG"),
    PersonEntry("emomali-rahmon", "Emomali Rahmon", "Эмомали Рахмон", "TJ"),
    PersonEntry("serdar-berdimuhamedov", "Serdar Berdimuhamedov", "Сердар Бердымухамедов", "TM"),
    PersonEntry("gurbanguly-berdimuhamedov", "Gurbanguly Berdimuhamedov", "Гурбангулы Бердымухамедов", "TM"),
    PersonEntry(
        "recep-tayyip-erdogan",
        "Recep Tayyip Erdogan",
        "Реджеп Тайип Эрдоган",
        "TR",
        ("Recep Tayyip Erdoğan",),
    ),
    PersonEntry("hakan-fidan", "Hakan Fidan", "Хакан Фидан", "TR"),
    PersonEntry("xi-jinping", "Xi Jinping", "Си Цзиньпин", "CN"),
    PersonEntry("wang-yi", "Wang Yi", "Ван И", "CN"),
    PersonEntry("masoud-pezeshkian", "Masoud Pezeshkian", "Масуд Пезешкиан", "IR"),
    PersonEntry("alexander-lukashenko", "Alexander Lukashenko", "Александр Лукашенко", "BY"),
    PersonEntry("nikol-pashinyan", "Nikol Pashinyan", "Никол Пашинян", "AM"),
    PersonEntry("irakli-kobakhidze", "Irakli Kobakhidze", "Ираклий Кобахидзе", "GE"),
    PersonEntry("narendra-modi", "Narendra Modi", "Нарендра Моди", "IN"),
    PersonEntry("shehbaz-sharif", "Shehbaz Sharif", "Шахбаз Шариф", "PK"),
    PersonEntry("ursula-von-der-leyen", "Ursula von der Leyen", "Урсула фон дер Ляйен", "DE"),
)
