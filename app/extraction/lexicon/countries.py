"""Country names, adjectives, demonyms and capitals in Russian and English → alpha-2.

Each row: code, Russian names | adjectives and demonyms | compound prefixes (азербайджано-) |
capitals, then English names | adjectives and demonyms | capitals. Russian words are given in
their dictionary form: any case matches. Countries not listed here come from pycountry's names.
"""

COUNTRY_ROWS: tuple[tuple[str, str, str], ...] = (
    (
        "AZ",
        "Азербайджан; Азербайджанская Республика | азербайджанский; азербайджанец | азербайджано | Баку",
        "Azerbaijan; Republic of Azerbaijan | Azerbaijani; Azeri; Azerbaijanis | Baku",
    ),
    (
        "KZ",
        "Казахстан; Республика Казахстан | казахстанский; казахский; казахстанец; казах "
        "| казахстанско; казахско | Астана; Нур-Султан",
        "Kazakhstan; Republic of Kazakhstan | Kazakh; Kazakhstani; Kazakhs | Astana; Nur-Sultan",
    ),
    (
        "RU",
        "Россия; Российская Федерация; РФ | российский; россиянин | российско; русско | Москва",
        "Russia; Russian Federation | Russian; Russians | Moscow",
    ),
    (
        "BY",
        "Беларусь; Белоруссия; Республика Беларусь | белорусский | белорусско | Минск",
        "Belarus | Belarusian | Minsk",
    ),
    ("UA", "Украина | украинский | украинско | Киев", "Ukraine | Ukrainian | Kyiv; Kiev"),
    (
        "MD",
        "Молдова; Молдавия; Республика Молдова | молдавский; молдавский | молдавско | Кишинёв",
        "Moldova | Moldovan | Chisinau",
    ),
    ("AM", "Армения | армянский | армяно | Ереван", "Armenia | Armenian | Yerevan"),
    ("GE", "Грузия | грузинский | грузино | Тбилиси", "Georgia | Georgian | Tbilisi"),
    (
        "UZ",
        "Узбекистан; Республика Узбекистан | узбекский; узбекистанский | узбекско; узбекистанско | Ташкент",
        "Uzbekistan | Uzbek; Uzbekistani | Tashkent",
    ),
    (
        "KG",
        "Кыргызстан; Киргизия; Киргизстан; Кыргызская Республика | кыргызский; киргизский; кыргызстанский "
        "| кыргызско; киргизско | Бишкек",
        "Kyrgyzstan; Kyrgyz Republic | Kyrgyz; Kyrgyzstani | Bishkek",
    ),
    (
        "TJ",
        "Таджикистан; Республика Таджикистан | таджикский; таджикистанский | таджикско | Душанбе",
        "Tajikistan | Tajik; Tajikistani | Dushanbe",
    ),
    (
        "TM",
        "Туркменистан; Туркмения | туркменский; туркменистанский | туркменско; туркмено | Ашхабад",
        "Turkmenistan | Turkmen | Ashgabat",
    ),
    (
        "TR",
        "Турция; Турецкая Республика; Туркие | турецкий | турецко | Анкара",
        "Turkey; Türkiye; Turkiye | Turkish | Ankara",
    ),
    ("IR", "Иран; Исламская Республика Иран | иранский | ирано | Тегеран", "Iran | Iranian | Tehran"),
    (
        "CN",
        "Китай; КНР; Китайская Народная Республика | китайский | китайско; сино | Пекин",
        "China; People's Republic of China; PRC | Chinese | Beijing",
    ),
    (
        "US",
        "США; Соединённые Штаты; Соединённые Штаты Америки; Америка | американский | американо | Вашингтон",
        "United States; United States of America; USA; U.S.; US | American | Washington",
    ),
    ("DE", "Германия; ФРГ | германский; немецкий | германо; немецко | Берлин", "Germany | German | Berlin"),
    ("FR", "Франция | французский | франко; французско | Париж", "France | French | Paris"),
    ("IT", "Италия | итальянский | итало; итальянско | Рим", "Italy | Italian | Rome"),
    (
        "GB",
        "Великобритания; Соединённое Королевство; Британия | британский | британско; англо | Лондон",
        "United Kingdom; Britain; UK | British | London",
    ),
    ("PL", "Польша | польский | польско | Варшава", "Poland | Polish | Warsaw"),
    (
        "NL",
        "Нидерланды; Голландия | нидерландский; голландский | нидерландско | Амстердам",
        "Netherlands | Dutch | Amsterdam",
    ),
    ("AT", "Австрия | австрийский | австрийско | Вена", "Austria | Austrian | Vienna"),
    ("HU", "Венгрия | венгерский | венгерско | Будапешт", "Hungary | Hungarian | Budapest"),
    ("ES", "Испания | испанский | испано | Мадрид", "Spain | Spanish | Madrid"),
    ("BE", "Бельгия | бельгийский | бельгийско | ", "Belgium | Belgian | "),
    (
        "CZ",
        "Чехия; Чешская Республика | чешский | чешско | Прага",
        "Czechia; Czech Republic | Czech | Prague",
    ),
    ("SK", "Словакия | словацкий | словацко | Братислава", "Slovakia | Slovak | Bratislava"),
    ("RO", "Румыния | румынский | румыно | Бухарест", "Romania | Romanian | Bucharest"),
    ("BG", "Болгария | болгарский | болгаро | София", "Bulgaria | Bulgarian | Sofia"),
    ("GR", "Греция | греческий | греко | Афины", "Greece | Greek | Athens"),
    ("LT", "Литва | литовский | литовско | Вильнюс", "Lithuania | Lithuanian | Vilnius"),
    ("LV", "Латвия | латвийский | латвийско | Рига", "Latvia | Latvian | Riga"),
    ("EE", "Эстония | эстонский | эстонско | Таллин", "Estonia | Estonian | Tallinn"),
    ("FI", "Финляндия | финский; финляндский | финско | Хельсинки", "Finland | Finnish | Helsinki"),
    ("SE", "Швеция | шведский | шведско | Стокгольм", "Sweden | Swedish | Stockholm"),
    ("DK", "Дания | датский | датско | Копенгаген", "Denmark | Danish | Copenhagen"),
    ("IE", "Ирландия | ирландский | ирландско | Дублин", "Ireland | Irish | Dublin"),
    ("PT", "Португалия | португальский | португальско | Лиссабон", "Portugal | Portuguese | Lisbon"),
    ("HR", "Хорватия | хорватский | хорватско | Загреб", "Croatia | Croatian | Zagreb"),
    ("SI", "Словения | словенский | словенско | Любляна", "Slovenia | Slovenian | Ljubljana"),
    ("CY", "Кипр | кипрский | кипрско | Никосия", "Cyprus | Cypriot | Nicosia"),
    ("LU", "Люксембург | люксембургский | | ", "Luxembourg | | "),
    ("MT", "Мальта | мальтийский | | Валлетта", "Malta | Maltese | Valletta"),
    ("RS", "Сербия | сербский | сербско | Белград", "Serbia | Serbian | Belgrade"),
    ("SA", "Саудовская Аравия; КСА | саудовский | саудовско | Эр-Рияд", "Saudi Arabia | Saudi | Riyadh"),
    (
        "AE",
        "ОАЭ; Объединённые Арабские Эмираты; Эмираты | эмиратский | эмиратско | Абу-Даби",
        "United Arab Emirates; UAE | Emirati | Abu Dhabi",
    ),
    ("KE", "Кения | кенийский | кенийско | ", "Kenya | Kenyan | "),
    ("QA", "Катар | катарский | катарско | Доха", "Qatar | Qatari | Doha"),
    ("KW", "Кувейт | кувейтский | кувейтско | ", "Kuwait | Kuwaiti | "),
    ("BH", "Бахрейн | бахрейнский | бахрейнско | Манама", "Bahrain | Bahraini | Manama"),
    ("OM", "Оман | оманский | оманско | Маскат", "Oman | Omani | Muscat"),
    ("IN", "Индия | индийский | индийско; индо | Нью-Дели", "India | Indian | New Delhi"),
    (
        "PK",
        "Пакистан | пакистанский | пакистано; пакистанско | Исламабад",
        "Pakistan | Pakistani | Islamabad",
    ),
    ("AF", "Афганистан | афганский | афгано; афганско | Кабул", "Afghanistan | Afghan | Kabul"),
    ("MN", "Монголия | монгольский | монголо; монгольско | Улан-Батор", "Mongolia | Mongolian | Ulaanbaatar"),
    ("JP", "Япония | японский | японо; японско | Токио", "Japan | Japanese | Tokyo"),
    (
        "KR",
        "Южная Корея; Республика Корея; Корея | южнокорейский; корейский | корейско | Сеул",
        "South Korea; Republic of Korea; Korea | South Korean; Korean | Seoul",
    ),
    (
        "KP",
        "КНДР; Северная Корея | северокорейский | | Пхеньян",
        "North Korea; DPRK | North Korean | Pyongyang",
    ),
    ("IL", "Израиль | израильский | израильско | Иерусалим", "Israel | Israeli | Jerusalem"),
    ("EG", "Египет | египетский | египетско | Каир", "Egypt | Egyptian | Cairo"),
    ("IQ", "Ирак | иракский | иракско | Багдад", "Iraq | Iraqi | Baghdad"),
    ("SY", "Сирия | сирийский | сирийско | Дамаск", "Syria | Syrian | Damascus"),
    ("CA", "Канада | канадский | канадско | Оттава", "Canada | Canadian | Ottawa"),
    ("BR", "Бразилия | бразильский | бразильско | Бразилиа", "Brazil | Brazilian | Brasilia"),
    ("MY", "Малайзия | малайзийский | малайзийско | Куала-Лумпур", "Malaysia | Malaysian | Kuala Lumpur"),
    ("ID", "Индонезия | индонезийский | индонезийско | Джакарта", "Indonesia | Indonesian | Jakarta"),
    ("VN", "Вьетнам | вьетнамский | вьетнамско | Ханой", "Vietnam; Viet Nam | Vietnamese | Hanoi"),
    ("CH", "Швейцария | швейцарский | швейцарско | Берн", "Switzerland | Swiss | Bern"),
    ("NO", "Норвегия | норвежский | норвежско | Осло", "Norway | Norwegian | Oslo"),
)

# pycountry names that are also common words or personal names: matched only when a caller's
# `Known` names them. English "Mali" and "Togo" name nothing else and are matched.
AMBIGUOUS_NAMES: frozenset[str] = frozenset(
    {
        "Того",
        "Мали",
        "Чад",
        "Гана",
        "Куба",
        "Нигер",
        "Чили",
        "Перу",
        "Chad",
        "Jordan",
        "Guinea",
        "Niger",
        "Georgia South",
        "Turkey Point",
    }
)

# Latin combining forms heading English compounds (Sino-Kazakh).
ENGLISH_COMPOUND_PREFIXES: dict[str, str] = {
    "sino": "CN",
    "indo": "IN",
    "anglo": "GB",
    "franco": "FR",
    "russo": "RU",
    "turko": "TR",
    "irano": "IR",
    "us": "US",
}
