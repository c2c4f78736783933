"""Trigger words, in dictionary form: lemmas for Russian (any case or tense matches), words and
phrases for English. Each list maps phrases to the value they signal."""

INDICATORS: dict[str, dict[str, tuple[str, ...]]] = {
    "ru": {
        "trade_turnover": ("товарооборот", "внешнеторговый оборот", "торговый оборот", "взаимный торговля",
                           "объём торговля", "объем торговля", "двусторонний торговля", "оборот торговля",
                           "торговля между", "взаимный товарооборот", "торговля"),
        "exports": ("экспорт", "поставка", "экспортировать", "вывоз"),
        "imports": ("импорт", "ввоз", "импортировать"),
        "transit_volume": ("транзит", "транзитный перевозка", "перевалка", "прокачка", "транспортировка",
                           "перевезти", "перевозка", "грузопоток", "прокачать", "переработать", "грузооборот",
                           "транспортировать", "перекачать", "транзитом", "перевалить"),
    },
    "en": {
        "trade_turnover": ("trade turnover", "bilateral trade", "mutual trade", "trade between", "trade volume",
                           "volume of trade", "trade with", "turnover", "trade"),
        "exports": ("exports", "export", "exported", "shipments to", "supplies", "supplied", "shipped", "sold"),
        "imports": ("imports", "import", "imported"),
        "transit_volume": ("transit", "transshipment", "transported", "shipped through", "shipped via", "pumped",
                           "cargo transported", "handled", "throughput", "freight", "crossed", "carried", "moved"),
    },
}

GROWTH: dict[str, tuple[str, ...]] = {
    "ru": ("рост", "вырасти", "увеличиться", "прирост", "темп рост", "возрасти", "подняться", "увеличение"),
    "en": ("growth", "grew", "grow", "increased", "increase", "rose", "rise", "up", "jumped", "climbed"),
}
DECLINE: dict[str, tuple[str, ...]] = {
    "ru": ("снизиться", "сократиться", "упасть", "снижение", "сокращение", "падение", "уменьшиться"),
    "en": ("decreased", "decrease", "declined", "decline", "fell", "fall", "dropped", "down", "shrank"),
}

# One country's trade with the world or with a group: not a figure of a pair.
NOT_PAIR: dict[str, tuple[str, ...]] = {
    "ru": ("внешнеторговый оборот", "общий", "со все страна", "с весь мир", "в целом", "совокупный",
           "внешний торговля"),
    "en": ("foreign trade", "total trade", "overall", "with all", "with the world", "worldwide", "global",
           "total foreign", "external trade", "all countries"),
}

# What is not a trade figure even with a money amount: investments, loans, project costs.
NOT_TRADE: dict[str, tuple[str, ...]] = {
    "ru": ("инвестиция", "инвестировать", "вложение", "кредит", "заём", "стоимость", "бюджет", "капитал",
           "фонд", "портфель", "проект стоимостью", "грант", "долг", "доля", "мощность", "протяжённость",
           "протяженность", "длина", "пропускной способность", "запасы"),
    "en": ("investment", "investments", "invested", "invest", "loan", "loans", "cost", "costs", "budget",
           "capital", "fund", "portfolio", "grant", "debt", "share", "capacity", "length", "reserves",
           "stake"),
}

COMMODITIES: dict[str, dict[str, tuple[str, ...]]] = {
    "ru": {"oil": ("нефть", "нефтяной", "нефтепровод"), "gas": ("газ", "газопровод", "газовый"),
           "grain": ("зерно", "зерновой"), "wheat": ("пшеница",), "coal": ("уголь",),
           "electricity": ("электроэнергия",), "cotton": ("хлопок",), "fertilizers": ("удобрение",)},
    "en": {"oil": ("oil", "crude"), "gas": ("gas",), "grain": ("grain",), "wheat": ("wheat",), "coal": ("coal",),
           "electricity": ("electricity", "power"), "cotton": ("cotton",), "fertilizers": ("fertilizer", "fertilizers")},
}

# Bound qualifiers, looked for just before the amount. Longer phrases first.
BOUNDS: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (
        ("не менее", "at_least"), ("не более", "at_most"), ("не свыше", "at_most"), ("более чем", "at_least"),
        ("около", "approximate"), ("порядка", "approximate"), ("примерно", "approximate"), ("почти", "approximate"),
        ("приблизительно", "approximate"), ("ориентировочно", "approximate"), ("чуть менее", "approximate"),
        ("свыше", "at_least"), ("более", "at_least"), ("больше", "at_least"), ("превысить", "at_least"),
        ("превышать", "at_least"), ("выше", "at_least"), ("от", "at_least"),
        ("до", "at_most"), ("менее", "at_most"), ("меньше", "at_most"), ("ниже", "at_most"), ("максимум", "at_most"),
    ),
    "en": (
        ("no less than", "at_least"), ("not less than", "at_least"), ("at least", "at_least"),
        ("no more than", "at_most"), ("not more than", "at_most"), ("at most", "at_most"),
        ("more than", "at_least"), ("upwards of", "at_least"), ("in excess of", "at_least"),
        ("less than", "at_most"), ("fewer than", "at_most"), ("up to", "at_most"),
        ("about", "approximate"), ("nearly", "approximate"), ("almost", "approximate"), ("around", "approximate"),
        ("approximately", "approximate"), ("roughly", "approximate"), ("some", "approximate"),
        ("close to", "approximate"), ("circa", "approximate"), ("an estimated", "approximate"),
        ("over", "at_least"), ("exceeded", "at_least"), ("exceed", "at_least"), ("exceeding", "at_least"),
        ("exceeds", "at_least"), ("above", "at_least"), ("surpassed", "at_least"), ("topped", "at_least"),
        ("under", "at_most"), ("below", "at_most"),
    ),
}

# Status cues. Forecast and target cues are looked for in the clause before the amount.
FORECAST: dict[str, tuple[str, ...]] = {
    # Russian future-tense verbs (составит, превысит) are recognised by their grammatical tense.
    "ru": ("ожидаться", "ожидать", "планироваться", "прогноз", "прогнозироваться", "прогнозировать", "мочь",
           "предполагаться", "рассчитывать"),
    "en": ("expected", "expects", "expect", "forecast", "forecasts", "projected", "could", "may", "might",
           "will", "would", "is set to", "are set to", "anticipated", "predicted", "likely", "outlook"),
}
TARGET: dict[str, tuple[str, ...]] = {
    "ru": ("цель", "задача", "довести", "нацелить", "намерить", "стремиться", "поставить задача",
           "договориться довести", "планировать довести", "планировать увеличить"),
    "en": ("aim", "aims", "aim to", "aiming", "target", "targets", "targeting", "goal", "plan to bring",
           "plans to bring", "plan to increase", "plans to increase", "bring", "boost to", "seek to", "seeks to",
           "intend", "intends"),
}
PRELIMINARY: dict[str, tuple[str, ...]] = {
    "ru": ("предварительный", "предварительно", "оперативный"),
    "en": ("preliminary", "provisional", "flash"),
}
ESTIMATE: dict[str, tuple[str, ...]] = {
    "ru": ("по оценка", "оценочно", "оценка"),
    "en": ("estimated", "estimate", "estimates"),
}

# Event triggers → event type; checked in this order, the first that matches wins.
EVENT_TRIGGERS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "ru": (
        ("state_visit", ("государственный визит", "госвизит")),
        ("official_visit", ("официальный визит",)),
        ("working_visit", ("рабочий визит",)),
        ("interstate_council", ("высший межгосударственный совет", "межгосударственный совет",
                                "совет стратегический сотрудничество", "совет высокий уровень")),
        ("intergovernmental_commission", ("межправительственный комиссия", "межправкомиссия", "мпк",
                                          "заседание комиссия")),
        ("summit", ("саммит",)),
        ("forum", ("форум", "бизнес-форум", "инвестиционный форум")),
        ("phone_call", ("телефонный разговор", "разговор по телефон", "телефонный переговоры")),
        ("talks", ("переговоры", "провести переговоры")),
        ("ministerial_meeting", ("встреча министр", "министр провести встреча", "министр встретиться",
                                 "министр провести регулярный встреча", "министр иностранный дело")),
        ("multilateral_meeting", ("встреча лидер", "консультативный встреча", "встреча глава государство")),
        ("visit", ("визит", "посетить", "посещать", "прибыть с визит")),
    ),
    "en": (
        ("state_visit", ("state visit",)),
        ("official_visit", ("official visit",)),
        ("working_visit", ("working visit",)),
        ("interstate_council", ("supreme interstate council", "interstate council", "strategic cooperation council",
                                "high-level council")),
        ("intergovernmental_commission", ("intergovernmental commission", "commission meeting",
                                          "meeting of the commission", "joint commission")),
        ("summit", ("summit",)),
        ("forum", ("forum", "business forum", "business-forum")),
        ("phone_call", ("phone call", "telephone conversation", "phone conversation", "spoke by phone",
                        "spoke by telephone", "phone talk", "telephone call", "phone talks", "telephone talks")),
        ("talks", ("talks", "held talks", "negotiations")),
        ("ministerial_meeting", ("foreign ministers", "ministers met", "ministerial meeting", "meeting of ministers")),
        ("multilateral_meeting", ("consultative meeting", "meeting of leaders", "leaders' meeting")),
        ("visit", ("visit", "visited", "paid a visit", "arrived in")),
    ),
}
PLANNED: dict[str, tuple[str, ...]] = {
    # Besides future-tense verbs (посетит, состоится), recognised by their grammatical tense.
    "ru": ("планироваться", "ожидаться", "предстоящий", "запланировать", "намечен", "намечать", "намечаться",
           "подготовка к", "договориться провести", "следующий заседание", "следующий встреча"),
    "en": ("will", "planned", "is expected to", "are expected to", "expected to", "scheduled", "upcoming",
           "to be held", "is set to", "plans to", "due to", "forthcoming", "next week", "next month",
           "preparations for", "preparing for", "agreed to hold", "next meeting"),
}
CANCELLED: dict[str, tuple[str, ...]] = {
    "ru": ("отменить", "отмена", "отложить", "перенести"),
    "en": ("cancelled", "canceled", "called off", "postponed"),
}

SIGNING: dict[str, tuple[str, ...]] = {
    "ru": ("подписать", "подписывать", "подписание", "подписан", "подписано", "подписаны", "заключить",
           "скрепить подпись"),
    "en": ("signed", "sign", "signing", "inked", "concluded"),
}
DOCUMENT_KINDS: dict[str, tuple[tuple[str, str, str, bool], ...]] = {
    # phrase, English label, Russian label, plural (a package of unnamed documents)
    "ru": (
        ("документ", "Documents", "Документы", True), ("соглашение", "Agreement", "Соглашение", False),
        ("меморандум", "Memorandum", "Меморандум", False), ("протокол", "Protocol", "Протокол", False),
        ("дорожный карта", "Roadmap", "Дорожная карта", False), ("договор", "Treaty", "Договор", False),
        ("декларация", "Declaration", "Декларация", False), ("программа", "Programme", "Программа", False),
        ("контракт", "Contract", "Контракт", False), ("план действие", "Action plan", "План действий", False),
    ),
    "en": (
        ("documents", "Documents", "Документы", True), ("agreements", "Agreements", "Соглашения", True),
        ("deals", "Agreements", "Соглашения", True), ("memorandums", "Memoranda", "Меморандумы", True),
        ("memoranda", "Memoranda", "Меморандумы", True),
        ("agreement", "Agreement", "Соглашение", False), ("memorandum", "Memorandum", "Меморандум", False),
        ("protocol", "Protocol", "Протокол", False), ("roadmap", "Roadmap", "Дорожная карта", False),
        ("road map", "Roadmap", "Дорожная карта", False), ("treaty", "Treaty", "Договор", False),
        ("declaration", "Declaration", "Декларация", False), ("programme", "Programme", "Программа", False),
        ("program", "Programme", "Программа", False), ("contract", "Contract", "Контракт", False),
        ("deal", "Agreement", "Соглашение", False), ("action plan", "Action plan", "План действий", False),
    ),
}

SECTORS: dict[str, dict[str, tuple[str, ...]]] = {
    "ru": {
        "transport": ("транспорт", "транспортный", "логистика", "логистический", "транзит", "железнодорожный",
                      "морской", "авиасообщение", "перевозка"),
        "digitalization": ("цифровизация", "цифровой", "икт", "информационный технология", "связь", "цифровизации"),
        "industry": ("промышленный", "промышленность", "индустриальный", "производство", "машиностроение"),
        "agriculture": ("сельский хозяйство", "агропромышленный", "сельскохозяйственный", "аграрный", "апк"),
        "energy": ("энергетика", "энергетический", "нефть", "газ", "электроэнергия", "возобновляемый"),
        "trade": ("экономика", "экономический", "торговля", "торговый", "торгово-экономический", "таможенный"),
        "finance": ("финансы", "финансовый", "банковский", "инвестиция", "инвестиционный", "налог", "налоговый"),
        "culture": ("культура", "культурный", "гуманитарный", "туризм", "спорт"),
        "education": ("образование", "наука", "научный", "образовательный"),
        "security": ("безопасность", "оборона", "военный", "оборонный"),
    },
    "en": {
        "transport": ("transport", "transportation", "logistics", "transit", "railway", "railways", "aviation",
                      "shipping"),
        "digitalization": ("digital", "digitalization", "digitalisation", "ict", "telecommunications"),
        "industry": ("industry", "industrial", "manufacturing"),
        "agriculture": ("agriculture", "agricultural", "agro-industrial", "farming"),
        "energy": ("energy", "oil", "gas", "electricity", "renewable", "renewables", "power"),
        "trade": ("trade", "economy", "economic", "customs", "commerce"),
        "finance": ("finance", "financial", "banking", "investment", "investments", "tax"),
        "culture": ("culture", "cultural", "humanitarian", "tourism", "sport", "sports"),
        "education": ("education", "science", "scientific", "educational"),
        "security": ("security", "defence", "defense", "military"),
    },
}

PROJECT_STATUS: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (
        ("строиться", "under_construction"), ("строительство", "under_construction"),
        ("возводиться", "under_construction"),
        ("расширение", "expanding"), ("расширяться", "expanding"), ("модернизация", "expanding"),
        ("увеличение мощность", "expanding"),
        ("планироваться", "planned"), ("планируемый", "planned"), ("предлагаемый", "planned"),
        ("ввести в эксплуатация", "completed"), ("завершить", "completed"),
        ("приостановить", "suspended"),
        ("развитие", "under_development"), ("разработка", "under_development"),
        ("начать строительство", "planned"), ("технико-экономический обоснование", "planned"),
        ("запуск", "operating"), ("открытие", "operating"), ("запустить", "operating"),
        ("действовать", "operating"), ("функционировать", "operating"), ("работать", "operating"), ("прокачка", "operating"),
        ("через", "operating"),
    ),
    "en": (
        ("under construction", "under_construction"), ("construction", "under_construction"),
        ("being built", "under_construction"),
        ("expansion", "expanding"), ("expanding", "expanding"), ("expanded", "expanding"),
        ("modernization", "expanding"), ("upgrade", "expanding"),
        ("planned", "planned"), ("proposed", "planned"), ("will build", "planned"),
        ("commissioned", "completed"), ("completed", "completed"),
        ("suspended", "suspended"),
        ("development", "under_development"), ("developing", "under_development"),
        ("start building", "planned"), ("feasibility study", "planned"),
        ("launch", "operating"), ("launched", "operating"), ("opened", "operating"),
        ("operating", "operating"), ("operational", "operating"), ("in operation", "operating"),
        ("working", "operating"),
        ("through", "operating"), ("via", "operating"), ("pumped", "operating"),
    ),
}

# Generic infrastructure named by a proper name: "порт Актау", "port of Aktau", "Aktau port".
PROJECT_HEADS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    # head word, kind, English template, Russian template
    "ru": (
        ("порт", "port", "Port of {en}", "Порт {ru}"),
        ("нефтепровод", "pipeline", "{en} oil pipeline", "Нефтепровод {ru}"),
        ("газопровод", "pipeline", "{en} gas pipeline", "Газопровод {ru}"),
        ("трубопровод", "pipeline", "{en} pipeline", "Трубопровод {ru}"),
        ("железный дорога", "railway", "{en} railway", "Железная дорога {ru}"),
        ("паромный линия", "ferry_line", "{en} ferry line", "Паромная линия {ru}"),
        ("коридор", "transport_corridor", "{en} corridor", "Коридор {ru}"),
        ("автодорога", "road", "{en} road", "Автодорога {ru}"),
        ("автомобильный дорога", "road", "{en} road", "Автодорога {ru}"),
        ("гэс", "other", "{en} hydropower plant", "{ru} ГЭС"),
        ("тэс", "other", "{en} thermal power plant", "{ru} ТЭС"),
        ("аэс", "other", "{en} nuclear power plant", "{ru} АЭС"),
        ("лэп", "power_line", "{en} power line", "ЛЭП {ru}"),
    ),
    "en": (
        ("port", "port", "Port of {en}", "Порт {ru}"),
        ("ports", "port", "Port of {en}", "Порт {ru}"),
        ("pipeline", "pipeline", "{en} pipeline", "Трубопровод {ru}"),
        ("railway", "railway", "{en} railway", "Железная дорога {ru}"),
        ("railroad", "railway", "{en} railway", "Железная дорога {ru}"),
        ("ferry line", "ferry_line", "{en} ferry line", "Паромная линия {ru}"),
        ("corridor", "transport_corridor", "{en} corridor", "Коридор {ru}"),
        ("highway", "road", "{en} highway", "Автодорога {ru}"),
        ("road", "road", "{en} road", "Автодорога {ru}"),
        ("hydropower plant", "other", "{en} hydropower plant", "{ru} ГЭС"),
        ("power plant", "other", "{en} power plant", "Электростанция {ru}"),
        ("power line", "power_line", "{en} power line", "ЛЭП {ru}"),
    ),
}

# Roles that introduce a person: role phrase → (English, Russian) titles.
ROLES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "ru": (
        ("премьер-министр", "Prime Minister", "Премьер-министр"),
        ("министр иностранный дело", "Minister of Foreign Affairs", "Министр иностранных дел"),
        ("министр экономика", "Minister of Economy", "Министр экономики"),
        ("министр энергетика", "Minister of Energy", "Министр энергетики"),
        ("министр транспорт", "Minister of Transport", "Министр транспорта"),
        ("министр торговля и интеграция", "Minister of Trade and Integration", "Министр торговли и интеграции"),
        ("министр цифровой развитие", "Minister of Digital Development", "Министр цифрового развития"),
        ("вице-премьер", "Deputy Prime Minister", "Вице-премьер"),
        ("заместитель премьер-министр", "Deputy Prime Minister", "Заместитель премьер-министра"),
        ("президент", "President", "Президент"),
        ("глава государство", "Head of State", "Глава государства"),
        ("министр", "Minister", "Министр"),
        ("посол", "Ambassador", "Посол"),
        ("председатель", "Chairman", "Председатель"),
        ("спикер", "Speaker", "Спикер"),
    ),
    "en": (
        ("prime minister", "Prime Minister", "Премьер-министр"),
        ("foreign minister", "Minister of Foreign Affairs", "Министр иностранных дел"),
        ("minister of foreign affairs", "Minister of Foreign Affairs", "Министр иностранных дел"),
        ("economy minister", "Minister of Economy", "Министр экономики"),
        ("minister of economy", "Minister of Economy", "Министр экономики"),
        ("energy minister", "Minister of Energy", "Министр энергетики"),
        ("minister of energy", "Minister of Energy", "Министр энергетики"),
        ("transport minister", "Minister of Transport", "Министр транспорта"),
        ("deputy prime minister", "Deputy Prime Minister", "Заместитель премьер-министра"),
        ("president", "President", "Президент"),
        ("minister", "Minister", "Министр"),
        ("ambassador", "Ambassador", "Посол"),
        ("chairman", "Chairman", "Председатель"),
        ("speaker", "Speaker", "Спикер"),
    ),
}

EVENT_LABELS: dict[str, tuple[str, str]] = {
    "state_visit": ("State visit", "Государственный визит"),
    "official_visit": ("Official visit", "Официальный визит"),
    "working_visit": ("Working visit", "Рабочий визит"),
    "summit": ("Summit", "Саммит"),
    "ministerial_meeting": ("Ministerial meeting", "Встреча министров"),
    "multilateral_meeting": ("Multilateral meeting", "Многосторонняя встреча"),
    "intergovernmental_commission": ("Meeting of the intergovernmental commission",
                                     "Заседание межправительственной комиссии"),
    "interstate_council": ("Meeting of the Supreme Interstate Council",
                           "Заседание Высшего межгосударственного совета"),
    "forum": ("Forum", "Форум"),
    "talks": ("Talks", "Переговоры"),
    "phone_call": ("Phone call", "Телефонный разговор"),
    "other": ("Visit", "Визит"),
}

SECTOR_LABELS: dict[str, tuple[str, str]] = {
    "transport": ("transport", "транспорта"), "digitalization": ("digitalization", "цифровизации"),
    "industry": ("industry", "промышленности"), "agriculture": ("agriculture", "сельского хозяйства"),
    "energy": ("energy", "энергетики"), "trade": ("trade and economy", "торговли и экономики"),
    "finance": ("finance", "финансов"), "culture": ("culture", "культуры"),
    "education": ("education", "образования"), "security": ("security", "безопасности"),
    "other": ("other areas", "других сферах"),
}

# A signing sentence that points back at an event told before it.
EVENT_ANAPHORA: dict[str, tuple[str, ...]] = {
    "ru": ("сторона", "в ход визит", "в рамка визит", "по итог переговоры", "в ход переговоры", "по итог визит",
           "в ход саммит", "в рамка саммит", "по итог заседание", "в ход заседание", "по итог встреча",
           "в ход встреча", "в присутствие"),
    "en": ("sides", "the two sides", "during the visit", "following the talks", "during the talks", "following the visit",
           "on the sidelines", "at the summit", "leaders", "following the meeting", "after the talks",
           "in the presence", "during the meeting"),
}

# A sentence about an institution's history, not an event: "Комиссия создана в 1996 году".
NOT_EVENT: dict[str, tuple[str, ...]] = {
    "ru": ("создать в", "учредить", "образовать в", "справочно"),
    "en": ("established in", "was set up in", "founded in", "was created in"),
}
