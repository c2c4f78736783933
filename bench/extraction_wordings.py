"""Kinds of wording by which wire reports and press releases name infrastructure projects and their
status, each kind told by sentences of our own, with the project an annotator would write (or none):
run through the extractor, it prints how many of each kind it gets right (issue 12; see
docs/benchmarks/2026-12-04-extraction-project-wordings.md).

    .venv/bin/python -m bench.extraction_wordings [--verbose]

A sentence passes when the extractor proposes the expected project (matched as the benchmark
matches, bench/extraction_score.py) with the expected status and no other project, or, when none is
expected, no project at all. Every sentence was written for this catalogue; none comes from a
development set or an article.
"""

import argparse
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.extraction import extract
from bench.extraction_score import matches

PUBLISHED = date(2026, 5, 20)


@dataclass(frozen=True)
class Wording:
    kind: str  # the kind of wording
    language: str
    text: str
    expected: tuple[Any, ...] | None  # the fact an annotator would write; None: no fact of its kind


def _w(kind: str, language: str, text: str, expected: tuple[Any, ...] | None) -> Wording:
    return Wording(kind, language, text, expected)


WORDINGS: tuple[Wording, ...] = (
    # A facility with no proper name, told by what it is and where it stands.
    _w(
        "facility by what and where",
        "en",
        "Kazakhstan and Azerbaijan will build a grain terminal at the port of Aktau, the ministry said.",
        ("Grain terminal at the port of Aktau", "port", "planned"),
    ),
    _w(
        "facility by what and where",
        "en",
        "An Uzbek-Turkish consortium began construction of a cement plant in the Shymkent region in March.",
        ("Cement plant in the Shymkent region", "other", "under_construction"),
    ),
    _w(
        "facility by what and where",
        "en",
        "The two countries agreed to build a gas processing plant in the Balkan region.",
        ("Gas processing plant in the Balkan region", "other", "planned"),
    ),
    _w(
        "facility by what and where",
        "en",
        "Uzbekistan and Russia will jointly build a nuclear power plant in the Jizzakh region.",
        ("Nuclear power plant in the Jizzakh region", "other", "planned"),
    ),
    _w(
        "facility by what and where",
        "en",
        "A Turkish investor will open a textile factory in the Fergana region next year.",
        ("Textile factory in the Fergana region", "other", "planned"),
    ),
    _w(
        "facility by what and where",
        "en",
        "Kyrgyzstan and Uzbekistan agreed to build a hydropower plant on the Naryn River.",
        ("Hydropower plant on the Naryn River", "other", "planned"),
    ),
    _w(
        "facility by what and where",
        "en",
        "A Kazakh company is building a cold storage warehouse near Tashkent for fruit exports.",
        ("Cold storage warehouse near Tashkent", "other", "under_construction"),
    ),
    _w(
        "facility by what and where",
        "ru",
        "Казахстан и Узбекистан построят завод по производству удобрений в Туркестанской области.",
        ("Завод по производству удобрений в Туркестанской области", "other", "planned"),
    ),
    _w(
        "facility by what and where",
        "ru",
        "В Шымкентской области началось строительство цементного завода при участии узбекских инвесторов.",
        ("Цементный завод в Шымкентской области", "other", "under_construction"),
    ),
    _w(
        "facility by what and where",
        "ru",
        "Турецкая компания откроет текстильную фабрику в Ферганской области в следующем году.",
        ("Текстильная фабрика в Ферганской области", "other", "planned"),
    ),
    _w(
        "facility by what and where",
        "ru",
        "Стороны договорились построить гидроэлектростанцию на реке Пяндж.",
        ("Гидроэлектростанция на реке Пяндж", "other", "planned"),
    ),
    _w(
        "facility by what and where",
        "ru",
        "Узбекская компания приступила к строительству тепличного комплекса в Алматинской области.",
        ("Тепличный комплекс в Алматинской области", "other", "under_construction"),
    ),
    _w(
        "facility by what and where",
        "ru",
        "Строительство мусороперерабатывающего завода под Бишкеком ведётся с прошлого года.",
        ("Мусороперерабатывающий завод под Бишкеком", "other", "under_construction"),
    ),
    _w(
        "facility by what and where",
        "ru",
        "Казахстанская компания построит зерновой элеватор в Костанайской области.",
        ("Зерновой элеватор в Костанайской области", "other", "planned"),
    ),
    # A capacity or a cost told beside the facility.
    _w(
        "capacity or cost beside it",
        "en",
        "A Chinese company is building a 1 GW wind farm in the Zhambyl region.",
        ("Wind farm in the Zhambyl region", "other", "under_construction"),
    ),
    _w(
        "capacity or cost beside it",
        "en",
        "Masdar signed an agreement to build a solar power plant with a capacity of 200 MW in the "
        "Samarkand region.",
        ("Solar power plant in the Samarkand region", "other", "planned"),
    ),
    _w(
        "capacity or cost beside it",
        "en",
        "The sides agreed on a $300 million copper smelter in the Almalyk district.",
        ("Copper smelter in the Almalyk district", "other", "planned"),
    ),
    _w(
        "capacity or cost beside it",
        "en",
        "Construction of a solar plant worth $150 million in the Bukhara region will start in June.",
        ("Solar plant in the Bukhara region", "other", "planned"),
    ),
    _w(
        "capacity or cost beside it",
        "ru",
        "Ветровая электростанция мощностью 1 ГВт будет построена в Мангистауской области.",
        ("Ветровая электростанция в Мангистауской области", "other", "planned"),
    ),
    _w(
        "capacity or cost beside it",
        "ru",
        "Саудовская компания построит солнечную электростанцию мощностью 200 МВт в Навоийской области.",
        ("Солнечная электростанция в Навоийской области", "other", "planned"),
    ),
    _w(
        "capacity or cost beside it",
        "ru",
        "Стороны договорились о строительстве стекольного завода стоимостью 300 млн долларов в "
        "Ташкентской области.",
        ("Стекольный завод в Ташкентской области", "other", "planned"),
    ),
    # Lines and links named by their ends or by what they cross.
    _w(
        "line by its ends",
        "en",
        "The Baku–Aktau ferry line will be launched in September.",
        ("Baku–Aktau ferry line", "ferry_line", "planned"),
    ),
    _w(
        "line by its ends",
        "en",
        "Kazakhstan and Uzbekistan agreed to build a power interconnector between Turkestan and Tashkent.",
        ("Turkestan–Tashkent power interconnector", "power_line", "planned"),
    ),
    _w(
        "line by its ends",
        "en",
        "A 500 kV power line from Ekibastuz to Shymkent is under construction.",
        ("Ekibastuz–Shymkent power line", "power_line", "under_construction"),
    ),
    _w(
        "line by its ends",
        "en",
        "Kazakhstan and Uzbekistan plan to build a railway from Darbaza to Maktaaral.",
        ("Darbaza–Maktaaral railway", "railway", "planned"),
    ),
    _w(
        "line by its ends",
        "en",
        "The reconstruction of the road linking Osh and Irkeshtam is due to be completed next year.",
        ("Osh–Irkeshtam road", "road", "under_construction"),
    ),
    _w(
        "line by its ends",
        "en",
        "The two countries will lay a fibre-optic cable across the Caspian Sea by 2027.",
        ("Fibre-optic cable across the Caspian Sea", "digital_system", "planned"),
    ),
    _w(
        "line by its ends",
        "en",
        "Construction of a road bridge across the Ili River has begun.",
        ("Ili River bridge", "road", "under_construction"),
    ),
    _w(
        "line by its ends",
        "ru",
        "Паромная линия Курык — Баку будет запущена в сентябре.",
        ("Паромная линия Курык — Баку", "ferry_line", "planned"),
    ),
    _w(
        "line by its ends",
        "ru",
        "Ведётся строительство линии электропередачи от Экибастуза до Шымкента.",
        ("ЛЭП Экибастуз — Шымкент", "power_line", "under_construction"),
    ),
    _w(
        "line by its ends",
        "ru",
        "Стороны договорились о прокладке газопровода из Туркменистана в Китай через Узбекистан.",
        ("Газопровод Туркменистан — Китай", "pipeline", "planned"),
    ),
    _w(
        "line by its ends",
        "ru",
        "Реконструкция автодороги, соединяющей Ош и Иркештам, завершится в следующем году.",
        ("Автодорога Ош — Иркештам", "road", "under_construction"),
    ),
    _w(
        "line by its ends",
        "ru",
        "Стороны договорились проложить волоконно-оптическую линию по дну Каспийского моря.",
        ("Волоконно-оптическая линия по дну Каспийского моря", "digital_system", "planned"),
    ),
    _w(
        "line by its ends",
        "ru",
        "Стороны обсудили создание энергомоста Казахстан — Узбекистан.",
        ("Энергомост Казахстан — Узбекистан", "power_line", "planned"),
    ),
    # Hubs, zones, parks and centres.
    _w(
        "hub, zone, park",
        "en",
        "The sides opened a joint logistics centre in Khorgos on Tuesday.",
        ("Joint logistics centre in Khorgos", "other", "operating"),
    ),
    _w(
        "hub, zone, park",
        "en",
        "Uzbekistan and Afghanistan will set up a special economic zone near Termez.",
        ("Special economic zone near Termez", "other", "planned"),
    ),
    _w(
        "hub, zone, park",
        "en",
        "A transport and logistics hub at the port of Alat will be expanded with Kazakh investment.",
        ("Transport and logistics hub at the port of Alat", "port", "expanding"),
    ),
    _w(
        "hub, zone, park",
        "en",
        "Construction of an industrial park in the Tashkent region is under way.",
        ("Industrial park in the Tashkent region", "other", "under_construction"),
    ),
    _w(
        "hub, zone, park",
        "ru",
        "Стороны договорились создать индустриальную зону в Жетысайском районе.",
        ("Индустриальная зона в Жетысайском районе", "other", "planned"),
    ),
    _w(
        "hub, zone, park",
        "ru",
        "В Хоргосе открылся логистический центр, построенный совместно с китайской компанией.",
        ("Логистический центр в Хоргосе", "other", "operating"),
    ),
    _w(
        "hub, zone, park",
        "ru",
        "В порту Алят продолжается строительство контейнерного хаба.",
        ("Контейнерный хаб в порту Алят", "port", "under_construction"),
    ),
    _w(
        "hub, zone, park",
        "en",
        "Uzbekistan and Kazakhstan will jointly build a border trade centre at the Gulistan checkpoint.",
        ("Border trade centre at the Gulistan checkpoint", "other", "planned"),
    ),
    # A joint venture building something.
    _w(
        "joint venture building",
        "en",
        "A joint venture of the two national oil companies will build a polymer plant in the Atyrau region.",
        ("Polymer plant in the Atyrau region", "other", "planned"),
    ),
    _w(
        "joint venture building",
        "ru",
        "Совместное предприятие построит завод по выпуску автобусов в Ташкенте.",
        ("Завод по выпуску автобусов в Ташкенте", "other", "planned"),
    ),
    # Status verbs on a project named otherwise plainly.
    _w(
        "status: construction began",
        "en",
        "Construction of the Darbaza–Maktaaral railway began in March.",
        ("Darbaza–Maktaaral railway", "railway", "under_construction"),
    ),
    _w(
        "status: construction began",
        "ru",
        "Началось строительство железной дороги Дарбаза — Мактаарал.",
        ("Железная дорога Дарбаза — Мактаарал", "railway", "under_construction"),
    ),
    _w(
        "status: foundation stone",
        "en",
        "The presidents laid the foundation stone of the Kulob–Dangara road on Friday.",
        ("Kulob–Dangara road", "road", "under_construction"),
    ),
    _w(
        "status: foundation stone",
        "ru",
        "Президенты заложили капсулу в основание железной дороги Дарбаза — Мактаарал.",
        ("Железная дорога Дарбаза — Мактаарал", "railway", "under_construction"),
    ),
    _w(
        "status: commissioned, put into operation",
        "en",
        "The Angren–Pap power line was commissioned in April.",
        ("Angren–Pap power line", "power_line", "operating"),
    ),
    _w(
        "status: commissioned, put into operation",
        "en",
        "The Kulma–Karasu road was put into operation in June.",
        ("Kulma–Karasu road", "road", "operating"),
    ),
    _w(
        "status: commissioned, put into operation",
        "en",
        "The Kerki–Ymamnazar railway was inaugurated by the two presidents.",
        ("Kerki–Ymamnazar railway", "railway", "operating"),
    ),
    _w(
        "status: commissioned, put into operation",
        "ru",
        "Линия электропередачи Экибастуз — Шымкент введена в эксплуатацию в апреле.",
        ("ЛЭП Экибастуз — Шымкент", "power_line", "operating"),
    ),
    _w(
        "status: commissioned, put into operation",
        "ru",
        "Железная дорога Керки — Имамназар сдана в эксплуатацию.",
        ("Железная дорога Керки — Имамназар", "railway", "operating"),
    ),
    _w(
        "status: commissioned, put into operation",
        "en",
        "Commissioning of the Angren–Pap power line is expected next year.",
        ("Angren–Pap power line", "power_line", "under_construction"),
    ),
    _w(
        "status: commissioned, put into operation",
        "ru",
        "Ввод в эксплуатацию ЛЭП Экибастуз — Шымкент запланирован на 2027 год.",
        ("ЛЭП Экибастуз — Шымкент", "power_line", "under_construction"),
    ),
    _w(
        "status: launched, opened",
        "en",
        "The Baku–Kuryk container line was launched last month.",
        ("Baku–Kuryk container line", "ferry_line", "operating"),
    ),
    _w(
        "status: launched, opened",
        "ru",
        "Паромная линия Актау — Баку открыта в прошлом месяце.",
        ("Паромная линия Актау — Баку", "ferry_line", "operating"),
    ),
    _w(
        "status: under construction",
        "en",
        "The Kyzylorda–Zhezkazgan power line is under construction.",
        ("Kyzylorda–Zhezkazgan power line", "power_line", "under_construction"),
    ),
    _w(
        "status: under construction",
        "ru",
        "Строительство автодороги Душанбе — Бохтар ведётся с опережением графика.",
        ("Автодорога Душанбе — Бохтар", "road", "under_construction"),
    ),
    _w(
        "status: feasibility study",
        "en",
        "A feasibility study for the Termez–Kabul railway is being prepared.",
        ("Termez–Kabul railway", "railway", "under_development"),
    ),
    _w(
        "status: feasibility study",
        "ru",
        "Готовится технико-экономическое обоснование железной дороги Термез — Кабул.",
        ("Железная дорога Термез — Кабул", "railway", "under_development"),
    ),
    _w(
        "status: agreed or plan to build",
        "en",
        "Kazakhstan and Turkmenistan agreed to build the Garabogaz–Beyneu road.",
        ("Garabogaz–Beyneu road", "road", "planned"),
    ),
    _w(
        "status: agreed or plan to build",
        "en",
        "Uzbekistan plans to build the Bukhara–Turkmenabat gas pipeline.",
        ("Bukhara–Turkmenabat gas pipeline", "pipeline", "planned"),
    ),
    _w(
        "status: agreed or plan to build",
        "ru",
        "Стороны договорились построить железную дорогу Мары — Герат.",
        ("Железная дорога Мары — Герат", "railway", "planned"),
    ),
    _w(
        "status: agreed or plan to build",
        "ru",
        "Казахстан планирует построить газопровод Бейнеу — Жанаозен.",
        ("Газопровод Бейнеу — Жанаозен", "pipeline", "planned"),
    ),
    _w(
        "status: will be completed by",
        "en",
        "The Naryn–Torugart road will be completed by 2027.",
        ("Naryn–Torugart road", "road", "under_construction"),
    ),
    _w(
        "status: will be completed by",
        "ru",
        "Строительство автодороги Нарын — Торугарт планируется завершить к 2027 году.",
        ("Автодорога Нарын — Торугарт", "road", "under_construction"),
    ),
    _w(
        "status: completed",
        "en",
        "Construction of the Dushanbe–Bokhtar road was completed in December.",
        ("Dushanbe–Bokhtar road", "road", "completed"),
    ),
    _w(
        "status: completed",
        "ru",
        "Строительство автодороги Душанбе — Бохтар завершено.",
        ("Автодорога Душанбе — Бохтар", "road", "completed"),
    ),
    _w(
        "status: suspended",
        "en",
        "Work on the Osh–Sary-Tash road has been suspended.",
        ("Osh–Sary-Tash road", "road", "suspended"),
    ),
    _w(
        "status: suspended",
        "en",
        "A proposed cement plant in the Sughd region has been put on hold for lack of financing.",
        ("Cement plant in the Sughd region", "other", "suspended"),
    ),
    _w(
        "status: suspended",
        "ru",
        "Строительство газопровода Туркменабат — Бухара заморожено.",
        ("Газопровод Туркменабат — Бухара", "pipeline", "suspended"),
    ),
    # Nominal forms: the construction of, the project to build.
    _w(
        "nominal form",
        "en",
        "The ministers discussed the project to build a fertiliser plant in the Mary region.",
        ("Fertiliser plant in the Mary region", "other", "planned"),
    ),
    _w(
        "nominal form",
        "en",
        "The construction of a seawater desalination plant in Aktau is ahead of schedule.",
        ("Seawater desalination plant in Aktau", "other", "under_construction"),
    ),
    _w(
        "nominal form",
        "ru",
        "Обсуждён проект строительства стекольного завода в Кызылорде.",
        ("Стекольный завод в Кызылорде", "other", "planned"),
    ),
    _w(
        "nominal form",
        "ru",
        "Строительство нефтеперерабатывающего завода в Туркменбаши ведётся китайским подрядчиком.",
        ("Нефтеперерабатывающий завод в Туркменбаши", "other", "under_construction"),
    ),
    # Not a project: a facility with no place, an investment, a company, a venue, several.
    _w("not a project", "en", "The plant employs more than 500 people.", None),
    _w(
        "not a project",
        "en",
        "Azerbaijani investment in Kazakhstan's infrastructure reached $1.2 billion.",
        None,
    ),
    _w("not a project", "en", "KazMunayGas and SOCAR signed a memorandum on cooperation.", None),
    _w("not a project", "en", "The forum was held at the exhibition centre in Astana.", None),
    _w(
        "not a project",
        "en",
        "Companies of the two countries are working on 40 joint projects worth $2 billion.",
        None,
    ),
    _w("not a project", "en", "Analysts at a research centre in Almaty expect trade to grow.", None),
    _w("not a project", "ru", "Экспорт цемента из Шымкентской области вырос на 10%.", None),
    _w("not a project", "ru", "Стороны обсудили инвестиции в транспортную инфраструктуру.", None),
    _w("not a project", "ru", "Форум прошёл в выставочном центре в Астане.", None),
    _w("not a project", "ru", "В Туркестанской области работают 12 заводов с узбекским капиталом.", None),
)


# Written after the rules for WORDINGS were, before either version was run on them: the same kinds
# in other words, to see how far the rules carry beyond the sentences they were written against.
FRESH: tuple[Wording, ...] = (
    _w(
        "facility by what and where",
        "en",
        "Turkmen and Turkish investors will build a polypropylene plant in the Lebap region.",
        ("Polypropylene plant in the Lebap region", "other", "planned"),
    ),
    _w(
        "facility by what and where",
        "en",
        "A Chinese contractor has started building a copper processing plant in the Almalyk district.",
        ("Copper processing plant in the Almalyk district", "other", "under_construction"),
    ),
    _w(
        "facility by what and where",
        "en",
        "The leaders inaugurated a pharmaceutical factory near Bishkek on Thursday.",
        ("Pharmaceutical factory near Bishkek", "other", "operating"),
    ),
    _w(
        "facility by what and where",
        "en",
        "A flour mill in the Kostanay region was put into operation last month.",
        ("Flour mill in the Kostanay region", "other", "operating"),
    ),
    _w(
        "facility by what and where",
        "ru",
        "В Сырдарьинской области будет построен завод по переработке хлопка.",
        ("Завод по переработке хлопка в Сырдарьинской области", "other", "planned"),
    ),
    _w(
        "facility by what and where",
        "ru",
        "Китайская компания завершила строительство сахарного завода в Жамбылской области.",
        ("Сахарный завод в Жамбылской области", "other", "completed"),
    ),
    _w(
        "facility by what and where",
        "ru",
        "Под Ашхабадом введён в эксплуатацию тепличный комплекс площадью 20 гектаров.",
        ("Тепличный комплекс под Ашхабадом", "other", "operating"),
    ),
    _w(
        "facility by what and where",
        "ru",
        "Стороны обсудили создание хлопкоперерабатывающего кластера в Хатлонской области.",
        ("Хлопкоперерабатывающий кластер в Хатлонской области", "other", "planned"),
    ),
    _w(
        "capacity or cost beside it",
        "en",
        "A 300 MW solar park in the Turkestan region will be built by a Saudi firm.",
        ("Solar park in the Turkestan region", "other", "planned"),
    ),
    _w(
        "capacity or cost beside it",
        "en",
        "Kazakhstan and China agreed on a gas chemical complex worth $2.5 billion in the Atyrau region.",
        ("Gas chemical complex in the Atyrau region", "other", "planned"),
    ),
    _w(
        "capacity or cost beside it",
        "ru",
        "Саудовская компания построит ветровую электростанцию мощностью 500 мегаватт в Бухарской области.",
        ("Ветровая электростанция в Бухарской области", "other", "planned"),
    ),
    _w(
        "capacity or cost beside it",
        "ru",
        "Стоимость проекта строительства цементного завода в Джизакской области оценивается в 150 млн "
        "долларов.",
        ("Цементный завод в Джизакской области", "other", "planned"),
    ),
    _w(
        "line by its ends",
        "en",
        "The two sides plan to lay a gas pipeline from Galkynysh to Herat.",
        ("Galkynysh–Herat gas pipeline", "pipeline", "planned"),
    ),
    _w(
        "line by its ends",
        "en",
        "A new highway connecting Almaty with Bishkek is under construction.",
        ("Almaty–Bishkek highway", "road", "under_construction"),
    ),
    _w(
        "line by its ends",
        "en",
        "Work has begun on a railway line linking Torugart and Arpa.",
        ("Torugart–Arpa railway", "railway", "under_construction"),
    ),
    _w(
        "line by its ends",
        "ru",
        "Стороны договорились о строительстве железной дороги от Кашгара до Андижана.",
        ("Железная дорога Кашгар — Андижан", "railway", "planned"),
    ),
    _w(
        "line by its ends",
        "ru",
        "Узбекистан и Таджикистан построят ЛЭП между Сурхандарьей и Регаром.",
        ("ЛЭП Сурхандарья — Регар", "power_line", "planned"),
    ),
    _w(
        "line by its ends",
        "ru",
        "Ведётся прокладка оптоволоконного кабеля по дну Каспийского моря.",
        ("Оптоволоконный кабель по дну Каспийского моря", "digital_system", "under_construction"),
    ),
    _w(
        "hub, zone, park",
        "en",
        "Uzbekistan will set up a free economic zone in Termez.",
        ("Free economic zone in Termez", "other", "planned"),
    ),
    _w(
        "hub, zone, park",
        "en",
        "A logistics hub at Aktau port has started operating.",
        ("Logistics hub at Aktau port", "port", "operating"),
    ),
    _w(
        "hub, zone, park",
        "ru",
        "В Навои открыт международный логистический хаб.",
        # a hub neither in a port nor for containers is `other` (README: conventions settled)
        ("Международный логистический хаб в Навои", "other", "operating"),
    ),
    _w(
        "hub, zone, park",
        "ru",
        "В Чуйской области будет создана свободная экономическая зона.",
        ("Свободная экономическая зона в Чуйской области", "other", "planned"),
    ),
    _w(
        "status: launched, opened",
        "en",
        "Traffic on the Kungrad–Beyneu road was opened on Monday.",
        ("Kungrad–Beyneu road", "road", "operating"),
    ),
    _w(
        "status: will be completed by",
        "en",
        "The Aktau–Baku fibre-optic line is expected to be commissioned next year.",
        ("Aktau–Baku fibre-optic line", "digital_system", "under_construction"),
    ),
    _w(
        "status: foundation stone",
        "en",
        "Groundbreaking for the Chui–Talas road took place on Friday.",
        ("Chui–Talas road", "road", "under_construction"),
    ),
    _w(
        "status: suspended",
        "ru",
        "Строительство газопровода Бейнеу — Бозой — Шымкент приостановлено.",
        ("Газопровод Бейнеу — Бозой — Шымкент", "pipeline", "suspended"),
    ),
    _w(
        "status: commissioned, put into operation",
        "ru",
        "Автодорога Душанбе — Чанак введена в строй после реконструкции.",
        ("Автодорога Душанбе — Чанак", "road", "operating"),
    ),
    _w(
        "status: construction began",
        "ru",
        "Президенты дали старт строительству автодороги Бохтар — Дангара.",
        ("Автодорога Бохтар — Дангара", "road", "under_construction"),
    ),
    _w(
        "status: agreed or plan to build",
        "ru",
        "Казахстан и Кыргызстан планируют проложить газопровод Шымкент — Бишкек.",
        ("Газопровод Шымкент — Бишкек", "pipeline", "planned"),
    ),
    _w(
        "status: agreed or plan to build",
        "en",
        "Kazakhstan intends to build the Bakhty–Ayagoz railway.",
        ("Bakhty–Ayagoz railway", "railway", "planned"),
    ),
    _w("not a project", "en", "The refinery in Pavlodar processed 5 million tonnes of oil last year.", None),
    _w("not a project", "en", "Delegates toured a textile factory in Tashkent during the visit.", None),
    _w("not a project", "ru", "Делегация посетила хлопкоперерабатывающий завод в Ферганской области.", None),
    _w("not a project", "ru", "Переговоры прошли в конгресс-холле в Астане.", None),
    _w("not a project", "en", "The two railways agreed to harmonise tariffs.", None),
    _w("not a project", "en", "Turkish companies have invested $4 billion in the Uzbek economy.", None),
)


# Kinds the catalogues above left out (docs/benchmarks/2026-12-04-extraction-people-projects.md),
# written before they were run: a Russian bridge named by the river it crosses, a facility told a
# second time by its head and place alone, and a project's countries when its sentence names one
# country of a story about a pair (a fourth field: the countries an annotator writes, as the
# development sets write them: the pair, with the one named).
MORE: tuple[Wording, ...] = (
    _w(
        "bridge by its river",
        "ru",
        "Таджикистан и Афганистан построят мост через реку Пяндж.",
        ("Мост через реку Пяндж", "road", "planned"),
    ),
    _w(
        "bridge by its river",
        "ru",
        "Узбекистан и Туркменистан открыли железнодорожный мост через Амударью.",
        ("Железнодорожный мост через Амударью", "railway", "operating"),
    ),
    _w(
        "bridge by its river",
        "ru",
        "Продолжается строительство моста через реку Сырдарья.",
        ("Мост через реку Сырдарья", "road", "under_construction"),
    ),
    _w(
        "bridge by its river",
        "en",
        "Uzbekistan opened a new railway bridge across the Amu Darya.",
        ("Amu Darya railway bridge", "railway", "operating"),
    ),
    _w(
        "bridge by its river",
        "en",
        "Tajikistan and Afghanistan will build a bridge over the Panj River.",
        ("Panj River bridge", "road", "planned"),
    ),
    _w(
        "facility told twice",
        "en",
        "Kazakhstan and Azerbaijan will build a grain terminal at the port of Aktau. The terminal at the "
        "port of Aktau will handle one million tonnes of grain a year.",
        ("Grain terminal at the port of Aktau", "port", "planned"),
    ),
    _w(
        "facility told twice",
        "ru",
        "Казахстан и Азербайджан построят зерновой терминал в порту Актау. Терминал в порту Актау сможет "
        "переваливать 1 млн тонн зерна в год.",
        ("Зерновой терминал в порту Актау", "port", "planned"),
    ),
    _w(
        "facility told twice",
        "en",
        "Azerbaijan is building a container terminal at Alat port. The Alat port container terminal will "
        "open in 2027.",
        ("Container terminal at Alat port", "port", "under_construction"),
    ),
    _w(
        "facility told twice",
        "ru",
        "В порту Алят строится контейнерный терминал. Контейнерный терминал в порту Алят откроется в 2027 "
        "году.",
        ("Контейнерный терминал в порту Алят", "port", "under_construction"),
    ),
    _w(
        "one country named",
        "en",
        "Kazakhstan and Azerbaijan discussed transit. Kazakhstan will build a grain terminal at the port of "
        "Kuryk.",
        ("Grain terminal at the port of Kuryk", "port", "planned", "AZ KZ"),
    ),
    _w(
        "one country named",
        "ru",
        "Казахстан и Азербайджан обсудили транзит. Казахстанская компания построит солнечную электростанцию "
        "в Туркестанской области.",
        ("Солнечная электростанция в Туркестанской области", "other", "planned", "AZ KZ"),
    ),
    _w(
        "one country named",
        "en",
        "Uzbekistan and Turkey held talks in Tashkent. Uzbekistan will build a cement plant in the Jizzakh "
        "region.",
        ("Cement plant in the Jizzakh region", "other", "planned", "TR UZ"),
    ),
    _w(
        "one country named",
        "ru",
        "Узбекистан и Турция провели переговоры в Ташкенте. Турецкая компания построит цементный завод в "
        "Джизакской области.",
        ("Цементный завод в Джизакской области", "other", "planned", "TR UZ"),
    ),
    _w(
        "one country named",
        "en",
        "Kazakhstan and Azerbaijan discussed transit. Kazakhstan and China will build a dry port at Khorgos.",
        ("Khorgos dry port", "port", "planned", "CN KZ"),
    ),
)

# Written after the rules-23 misses of the 22 development sets were grouped into kinds of wording
# (docs/benchmarks/2026-12-04-extraction-projects-2.md); none of its sentences comes from a set.
MORE_2: tuple[Wording, ...] = (
    _w(
        "existing one enlarged",
        "en",
        "Kazakhstan and Azerbaijan discussed transit. The port of Kuryk is being enlarged with a second "
        "ferry berth.",
        ("Port of Kuryk", "port", "expanding"),
    ),
    _w(
        "existing one enlarged",
        "en",
        "Georgia and Turkey held talks. The Baku-Tbilisi-Kars railway is being upgraded to carry five "
        "million tonnes a year.",
        ("Baku–Tbilisi–Kars railway", "railway", "expanding"),
    ),
    _w(
        "existing one enlarged",
        "en",
        "Uzbekistan and Kazakhstan held talks. The Khorgos dry port is being extended by another 20 "
        "hectares.",
        ("Khorgos dry port", "port", "expanding"),
    ),
    _w(
        "existing one enlarged",
        "en",
        "Egypt and Jordan held talks. Work began in May on upgrading the Aqaba–Nuweiba ferry line.",
        ("Aqaba–Nuweiba ferry line", "ferry_line", "expanding"),
    ),
    _w(
        "existing one enlarged",
        "ru",
        "Казахстан и Азербайджан обсудили транзит. Порт Курык расширяет паромный терминал.",
        ("Порт Курык", "port", "expanding"),
    ),
    _w(
        "existing one enlarged",
        "ru",
        "Грузия и Болгария обсудили перевозки. Оператор расширяет контейнерный терминал в порту Поти.",
        ("Контейнерный терминал в порту Поти", "port", "expanding"),
    ),
    _w(
        "is also building",
        "en",
        "Italy and Armenia held talks. An Italian group is also building a solar power plant near Gyumri.",
        ("Solar power plant near Gyumri", "other", "under_construction"),
    ),
    _w(
        "is also building",
        "en",
        "Turkey and Uzbekistan held talks. Turkish firms are now building a cement plant in the Jizzakh "
        "region.",
        ("Cement plant in the Jizzakh region", "other", "under_construction"),
    ),
    _w(
        "is also building",
        "en",
        "China and Kyrgyzstan held talks. A Chinese contractor is currently building a hydropower plant on "
        "the Naryn River.",
        ("Hydropower plant on the Naryn River", "other", "under_construction"),
    ),
    _w(
        "a name that says what it carries",
        "en",
        "Azerbaijan and Italy held talks. Azerbaijani gas reaches Italy along the Southern Gas Corridor.",
        ("Southern Gas Corridor", "pipeline", "operating"),
    ),
    _w(
        "a name that says what it carries",
        "en",
        "Poland and Germany held talks. A new interconnector, provisionally called the Neisse Power "
        "Bridge, is planned.",
        ("Neisse Power Bridge", "power_line", "planned"),
    ),
    _w(
        "a name that says what it carries",
        "en",
        "Hungary and Slovakia held talks. The two grid operators agreed to build the Danube Energy Corridor.",
        ("Danube Energy Corridor", "power_line", "planned"),
    ),
    _w(
        "a line named by the countries it joins",
        "en",
        "Azerbaijan and Bulgaria held talks. Azerbaijani gas reaches Bulgaria through the Greece-Bulgaria "
        "gas interconnector.",
        ("Greece–Bulgaria gas interconnector", "pipeline", "operating", "BG GR"),
    ),
    _w(
        "a line named by the countries it joins",
        "en",
        "Kazakhstan and Oman held talks. Kazakh grain travels to the Gulf along the Kazakhstan–Turkmenistan–"
        "Iran railway.",
        ("Kazakhstan–Turkmenistan–Iran railway", "railway", "operating", "IR KZ TM"),
    ),
    _w(
        "a line named by the countries it joins",
        "ru",
        "Казахстан и Оман провели переговоры. Казахстанское зерно идёт в Персидский залив по железной "
        "дороге Казахстан — Туркменистан — Иран.",
        ("Железная дорога Казахстан — Туркменистан — Иран", "railway", "operating", "IR KZ TM"),
    ),
    _w(
        "a line named by the countries it joins",
        "en",
        "Uzbekistan and Tajikistan held talks. The Uzbekistan–Tajikistan power interconnection was put "
        "into operation in May.",
        ("Uzbekistan–Tajikistan power interconnection", "power_line", "operating", "TJ UZ"),
    ),
    _w(
        "a line named by the countries it joins",
        "en",
        "Georgia and Turkey held talks. The Georgia-Turkey electricity interconnection is being upgraded.",
        ("Georgia–Turkey electricity interconnection", "power_line", "expanding", "GE TR"),
    ),
    _w(
        "a port that says it is one",
        "en",
        "Georgia and Azerbaijan held talks. Construction of the Anaklia deep-sea port began in March.",
        ("Anaklia deep-sea port", "port", "under_construction"),
    ),
    _w(
        "a port that says it is one",
        "en",
        "Georgia and Poland held talks. The deep-water port of Anaklia is still under construction.",
        ("Anaklia deep-water port", "port", "under_construction"),
    ),
    _w(
        "a port that says it is one",
        "en",
        "Vietnam and Korea held talks. The two sides reviewed the expansion of the Cai Mep deep-sea port "
        "near Vung Tau.",
        ("Cai Mep deep-sea port", "port", "expanding"),
    ),
    _w(
        "where it stands: a port or an airport",
        "en",
        "Azerbaijan and Egypt held talks. Construction of a logistics centre at the port of Damietta "
        "began in March.",
        ("Logistics centre at the port of Damietta", "port", "under_construction"),
    ),
    _w(
        "where it stands: a port or an airport",
        "ru",
        "Казахстан и Грузия провели переговоры. В порту Поти началось строительство логистического центра.",
        ("Логистический центр в порту Поти", "port", "under_construction"),
    ),
    _w(
        "where it stands: a port or an airport",
        "en",
        "Kyrgyzstan and Korea held talks. A new cargo terminal at Osh airport, built with Korean aid, "
        "was opened in May.",
        ("Osh airport cargo terminal", "other", "operating"),
    ),
    _w(
        "where it stands: a port or an airport",
        "en",
        "Kazakhstan and Turkey held talks. A Turkish firm is building a logistics centre near Shymkent.",
        ("Logistics centre near Shymkent", "other", "under_construction"),
    ),
    _w(
        "route countries with the pair",
        "en",
        "India and Kazakhstan held talks. Indian cargo reaches Kazakhstan along the North–South corridor "
        "through Iran and Turkmenistan.",
        ("North–South corridor", "transport_corridor", "operating", "IN IR KZ TM"),
    ),
    _w(
        "route countries with the pair",
        "ru",
        "Кыргызстан и Монголия провели переговоры. Стороны договорились о строительстве автодороги "
        "Бишкек — Ховд через Казахстан и Россию.",
        ("Автодорога Бишкек — Ховд", "road", "planned", "KG KZ MN RU"),
    ),
)


# Works only intended, not begun: building, laying or upgrading told as the object of an idea, a
# possibility, a readiness, an interest, a study or an agreement, or as not yet decided or dated
# (docs/benchmarks/2026-12-05-extraction-projects-3.md).
INTENDED: tuple[Wording, ...] = (
    _w(
        "works only intended",
        "ru",
        "Казахстан и Оман провели переговоры. Стороны рассматривают возможность строительства "
        "зернового терминала в порту Дукм.",
        ("Зерновой терминал в порту Дукм", "port", "planned"),
    ),
    _w(
        "works only intended",
        "ru",
        "Грузия и Румыния провели консультации. Стороны вернулись к идее прокладки кабеля "
        "«Поти — Констанца».",
        ("Поти — Констанца", "power_line", "planned"),
    ),
    _w(
        "works only intended",
        "ru",
        "Узбекистан и Кыргызстан провели переговоры. Стороны подтвердили заинтересованность в "
        "строительстве железной дороги Андижан — Ош.",
        ("Андижан — Ош", "railway", "planned"),
    ),
    _w(
        "works only intended",
        "ru",
        "Туркменистан и Иран провели переговоры. Иранская сторона выразила готовность участвовать в "
        "строительстве автодороги Ашхабад — Мешхед.",
        ("Ашхабад — Мешхед", "road", "planned"),
    ),
    _w(
        "works only intended",
        "ru",
        "Казахстан и Турция обсудили сотрудничество. Турецкая компания объявила о строительстве "
        "цементного завода в Туркестанской области.",
        ("Цементный завод в Туркестанской области", "other", "planned"),
    ),
    _w(
        "works only intended",
        "ru",
        "Армения и Иран провели переговоры. Стороны подписали соглашение о строительстве газопровода "
        "«Мегри — Каджаран».",
        ("Мегри — Каджаран", "pipeline", "planned"),
    ),
    _w(
        "works only intended",
        "ru",
        "Таджикистан и Китай обсудили энергетику. Строительство ЛЭП «Сангтуда — Кашгар», которое "
        "позволит нарастить экспорт, планируется начать в 2028 году.",
        ("Сангтуда — Кашгар", "power_line", "planned"),
    ),
    _w(
        "works only intended",
        "ru",
        "Казахстан и Египет обсудили торговлю. Разговоры о зерновом терминале в порту Александрия идут "
        "давно, но решение о строительстве так и не принято.",
        ("Зерновой терминал в порту Александрия", "port", "planned"),
    ),
    _w(
        "works only intended",
        "en",
        "Mongolia and Kazakhstan held talks. The sides agreed to explore the joint modernisation of the "
        "Ulaanbaatar-Zamyn-Uud highway.",
        ("Ulaanbaatar-Zamyn-Uud highway", "road", "planned"),
    ),
    _w(
        "works only intended",
        "en",
        "Kazakhstan and Qatar held talks. The sides discussed the possibility of building a grain terminal "
        "at the port of Kuryk.",
        ("Grain terminal at the port of Kuryk", "port", "planned"),
    ),
    _w(
        "works only intended",
        "en",
        "Armenia and Georgia held talks. The sides agreed that a one-stop border post at Bagratashen should "
        "be designed this year; no construction date has been set.",
        ("One-stop border post at Bagratashen", "other", "planned"),
    ),
    _w(
        "works only intended",
        "en",
        "Uzbekistan and Kazakhstan held talks. Contractors on both sides are also studying a new "
        "cross-border power line, provisionally called the Syr Darya Link.",
        ("Syr Darya Link", "power_line", "planned"),
    ),
    _w(
        "only talked about",
        "ru",
        "Туркменистан и Азербайджан провели переговоры. Стороны договорились продолжить консультации по "
        "проекту газопровода «Кызылкум — Сумгаит».",
        ("Кызылкум — Сумгаит", "pipeline", "planned"),
    ),
    _w(
        "only talked about",
        "ru",
        "Таджикистан и Турция провели переговоры. Турецкий министр подтвердил интерес к участию в проекте "
        "автодороги Худжанд — Исфара.",
        ("Худжанд — Исфара", "road", "planned"),
    ),
    _w(
        "only talked about",
        "en",
        "Poland and Georgia have talked about a Polish stake in the Poti–Gdansk ferry line since 2024, but "
        "no agreement has been signed.",
        ("Poti–Gdansk ferry line", "ferry_line", "planned"),
    ),
    _w(
        "only talked about",
        "en",
        "Kazakhstan and Azerbaijan held talks. Officials mentioned the long-discussed Aktau–Baku gas "
        "pipeline, which would carry Kazakh gas across the Caspian Sea.",
        ("Aktau–Baku gas pipeline", "pipeline", "planned"),
    ),
    # the works going on keep their status
    _w(
        "works going on",
        "ru",
        "Казахстан и Китай провели переговоры. Стороны рассмотрели ход строительства железной дороги "
        "Достык — Мойынты.",
        ("Достык — Мойынты", "railway", "under_construction"),
    ),
    _w(
        "works going on",
        "en",
        "Georgia and Turkey held talks. Turkish companies take part in the construction of the "
        "Batumi-Sarpi highway.",
        ("Batumi-Sarpi highway", "road", "under_construction"),
    ),
)


# Kinds the development sets' unproposed projects showed (see
# docs/benchmarks/2026-12-05-extraction-projects-4.md): a facility's state told between what it is
# and where it stands, a plan for when its works end, the words that tell a plant running or being
# built, and ports merely on a cargo's way, which the sets do not annotate.
BETWEEN: tuple[Wording, ...] = (
    _w(
        "state between a facility and its place",
        "en",
        "Kazakhstan and Korea held talks. A cement plant under construction in the Kostanay region is to "
        "start production next year.",
        ("Cement plant in the Kostanay region", "other", "under_construction"),
    ),
    _w(
        "state between a facility and its place",
        "en",
        "Uzbekistan and Türkiye held talks. They visited a textile factory now under construction near "
        "Namangan.",
        ("Textile factory near Namangan", "other", "under_construction"),
    ),
    _w(
        "state between a facility and its place",
        "en",
        "Tajikistan and Iran held talks. A wind farm being built near Khujand by an Iranian developer "
        "should produce power from 2028.",
        ("Wind farm near Khujand", "other", "under_construction"),
    ),
    _w(
        "state between a facility and its place",
        "en",
        "Kyrgyzstan and China held talks. The ministers discussed a fertiliser plant to be built by a "
        "Chinese company in the Chui region.",
        ("Fertiliser plant in the Chui region", "other", "planned"),
    ),
    _w(
        "state between a facility and its place",
        "en",
        "Mongolia and Japan held talks. The biggest Japanese investment is a copper smelter being "
        "constructed in the Umnugovi province, due to open in 2029.",
        ("Copper smelter in the Umnugovi province", "other", "under_construction"),
    ),
    _w(
        "state between a facility and its place",
        "ru",
        "Казахстан и Корея провели переговоры. Цементный завод, строящийся в Костанайской области, "
        "выпустит первую продукцию в следующем году.",
        ("Цементный завод в Костанайской области", "other", "under_construction"),
    ),
    _w(
        "state between a facility and its place",
        "ru",
        "Узбекистан и Турция провели переговоры. Стороны отметили ход работ на текстильной фабрике, "
        "возводимой в Наманганской области турецким инвестором.",
        ("Текстильная фабрика в Наманганской области", "other", "under_construction"),
    ),
    _w(
        "built until it opens",
        "en",
        "Azerbaijan and Italy held talks. A glass plant under construction near Sumgait, scheduled to open "
        "in 2027, will employ 600 people.",
        ("Glass plant near Sumgait", "other", "under_construction"),
    ),
    _w(
        "built until it opens",
        "ru",
        "Азербайджан и Италия провели переговоры. Стекольный завод, строящийся под Сумгайытом, "
        "планируется открыть в 2027 году.",
        ("Стекольный завод под Сумгайытом", "other", "under_construction"),
    ),
    _w(
        "built until it opens",
        "en",
        "Kazakhstan and Spain held talks. Construction of a glass plant near Aktobe is scheduled for next "
        "year.",
        ("Glass plant near Aktobe", "other", "planned"),
    ),
    _w(
        "running or being built",
        "en",
        "Turkmenistan and Türkiye held talks. A solar power plant near Mary, built with a Turkish "
        "developer, was connected to the grid in May.",
        ("Solar power plant near Mary", "other", "operating"),
    ),
    _w(
        "running or being built",
        "en",
        "Georgia and Azerbaijan held talks. They reviewed the wind farm in the Kakheti region, which an "
        "Azerbaijani company began building in March.",
        ("Wind farm in the Kakheti region", "other", "under_construction"),
    ),
    _w(
        "running or being built",
        "ru",
        "Туркменистан и Турция провели переговоры. Солнечная электростанция под Мары, построенная при "
        "участии турецкой компании, в мае подключена к сети.",
        ("Солнечная электростанция под Мары", "other", "operating"),
    ),
    _w(
        "place before what it is",
        "en",
        "Kazakhstan and Korea held talks. The Pavlodar glass-fibre plant, built with Korean equipment, "
        "went into operation in June.",
        ("Pavlodar glass-fibre plant", "other", "operating"),
    ),
    _w(
        "place before what it is",
        "en",
        "Kyrgyzstan and Kazakhstan held talks. Both sides praised the Karasu one-stop border post, in "
        "operation since 2022.",
        ("Karasu one-stop border post", "other", "operating"),
    ),
    _w(
        "place before what it is",
        "en",
        "Georgia and Japan held talks. A Japanese contractor is building the Kutaisi cold-storage warehouse.",
        ("Kutaisi cold-storage warehouse", "other", "under_construction"),
    ),
    _w(
        "place before what it is",
        "en",
        "Azerbaijan and Türkiye held talks. The Ganja glass plant is being expanded with Turkish investment.",
        ("Ganja glass plant", "other", "expanding"),
    ),
    _w(
        "place before what it is",
        "en",
        "Uzbekistan and Korea held talks. Officials toured the Samarkand textile factory.",
        None,
    ),
    _w(
        "place before what it is",
        "en",
        "Kazakhstan and Türkiye held talks. A Turkish firm is building the Kazakh cement plant.",
        None,
    ),
    _w(
        "place before what it is",
        "en",
        "Georgia and Uzbekistan held talks. An Uzbek firm will build a juice plant at the Poti free "
        "industrial zone.",
        ("Juice plant at the Poti free industrial zone", "other", "planned"),
    ),
    _w(
        "place before what it is",
        "en",
        "Kazakhstan and Türkiye held talks. Turkish firms bid for the Khorgos free economic zone "
        "management contract, whose expansion is under way.",
        None,
    ),
    _w(
        "a word between what it is and its name",
        "ru",
        "Грузия и Болгария провели переговоры. Паромная ро-ро линия Батуми — Бургас работает без перебоев.",
        ("Батуми — Бургас", "ferry_line", "operating"),
    ),
    _w(
        "a word between what it is and its name",
        "ru",
        "Азербайджан и Туркменистан провели переговоры. В Аляте строится отдельный зерновой терминал "
        "для туркменских грузов.",
        ("Зерновой терминал для туркменских грузов в Аляте", "port", "under_construction"),
    ),
    _w(
        "a word between what it is and its name",
        "ru",
        "Узбекистан и Грузия провели переговоры. В Поти возводится новый логистический центр.",
        ("Логистический центр в Поти", "other", "under_construction"),
    ),
    _w(
        "a route from one end to the other",
        "ru",
        "Кыргызстан и Турция провели переговоры. Стороны договорились запустить мультимодальный маршрут "
        "из Бишкека в Мерсин.",
        ("Бишкек — Мерсин", "transport_corridor", "planned"),
    ),
    _w(
        "a route from one end to the other",
        "en",
        "Kyrgyzstan and Türkiye held talks. The sides agreed to launch a multimodal route from Bishkek to "
        "Mersin.",
        ("Bishkek–Mersin", "transport_corridor", "planned"),
    ),
    _w(
        "a route from one end to the other",
        "en",
        "Kazakhstan and India held talks. They welcomed the multimodal route from Almaty to Mumbai via "
        "Bandar Abbas, launched in May.",
        ("Almaty–Bandar Abbas–Mumbai multimodal route", "transport_corridor", "operating"),
    ),
    _w(
        "a port on the cargo's way",
        "en",
        "Uzbekistan and Italy held talks. Uzbek cotton yarn reaches Italian mills through the port of "
        "Rijeka.",
        None,
    ),
    _w(
        "a port on the cargo's way",
        "en",
        "Kazakhstan and Oman held talks. Kazakh wheat is shipped to Oman through the ports of Bushehr and "
        "Jask.",
        None,
    ),
    _w(
        "a port on the cargo's way",
        "ru",
        "Таджикистан и Пакистан провели переговоры. Таджикский алюминий вывозится через порт Касим.",
        None,
    ),
)


# Projects known by a name, or as part of one (projects-5): what a corridor's name says it carries, a
# road named by a corridor's name, status words that are words of a name, works told ahead.
NAMED: tuple[Wording, ...] = (
    _w(
        "what a corridor's name carries",
        "en",
        "Chinese contractors are building the Eastern Road Corridor between the capital and the coast.",
        ("Eastern Road Corridor", "road", "under_construction"),
    ),
    _w(
        "what a corridor's name carries",
        "en",
        "The ministers discussed the Northern Rail Corridor, whose first trains ran in March.",
        ("Northern Rail Corridor", "railway", "operating"),
    ),
    _w(
        "what a corridor's name carries",
        "en",
        "A Polish firm is building the Vanadzor section of the country's Western Highway Corridor.",
        ("Western Highway Corridor", "road", "under_construction"),
    ),
    _w(
        "a road named by a corridor's name",
        "ru",
        "Министр рассказал, что реконструкция автодороги «Север — Юг» на юге страны продолжается.",
        ("Север — Юг", "road", "under_construction"),
    ),
    _w(
        "a road named by a corridor's name",
        "ru",
        "Строительство трассы Север — Юг на участке у Мегри начнётся весной.",
        ("Север — Юг", "road", "planned"),
    ),
    _w(
        "a status word inside a name",
        "en",
        "The two leaders discussed the Great Expansion Railway, which carried 4 million tonnes last year.",
        ("Great Expansion Railway", "railway", "operating"),
    ),
    _w(
        "a status word inside a name",
        "en",
        "The sides noted that the Regional Development Pipeline has been in operation since 2019.",
        ("Regional Development Pipeline", "pipeline", "operating"),
    ),
    _w(
        "the line told again",
        "en",
        "Gas reaches the coast through the Eastern Gas Pipeline. "
        "The pipeline, in operation since 2015, can carry 8 bcm a year.",
        ("Eastern Gas Pipeline", "pipeline", "operating"),
    ),
    _w(
        "the line told again",
        "ru",
        "Туркменистан и Узбекистан свяжет газопровод Туркменабат — Мары. "
        "Этот газопровод строится с 2024 года.",
        ("Туркменабат — Мары", "pipeline", "under_construction"),
    ),
    _w(
        "works a document pays for",
        "en",
        "A loan agreement was signed for the reconstruction of the Osh–Batken road. "
        "Work on its first section is about 40 percent complete.",
        ("Osh–Batken road", "road", "under_construction"),
    ),
    _w(
        "works a document pays for",
        "en",
        "The sides noted that the Grand Bay Port, whose first phase is nearing completion, "
        "will handle grain.",
        ("Grand Bay Port", "port", "under_construction"),
    ),
    _w(
        "another's own clause",
        "en",
        "The ministers discussed the new customs code, which is still being developed, "
        "and the port of Chabahar.",
        ("Port of Chabahar", "port", "operating"),
    ),
    _w(
        "another's own clause",
        "ru",
        "Министры говорили о программе, которая пока разрабатывается, и о порте Чабахар.",
        ("Порт Чабахар", "port", "operating"),
    ),
    _w(
        "a part told in the next sentence",
        "en",
        "The ministers discussed the Kashgar–Osh railway. Construction of its Kyrgyz section is progressing.",
        ("Kashgar–Osh railway", "railway", "under_construction"),
    ),
    _w(
        "a part told in the next sentence",
        "ru",
        "Главный проект — автодорога Бишкек — Нарын. На первом участке ведётся строительство.",
        ("Бишкек — Нарын", "road", "under_construction"),
    ),
    _w(
        "a name the text calls it",
        "en",
        "A new 30-kilometre section of what engineers call Line 4 is under construction.",
        ("Line 4", "railway", "under_construction"),
    ),
    _w(
        "a line known by its name alone",
        "ru",
        "Поставки по «Силе Сибири» выросли на 8 процентов.",
        ("Сила Сибири", "pipeline", "operating"),
    ),
    _w(
        "a line known by its name alone",
        "en",
        "Pakistan urged Turkmenistan to speed up construction of TAPI.",
        ("TAPI", "pipeline", "under_construction"),
    ),
    _w(
        "a line known by its name alone",
        "ru",
        "Грузовики из Кашгара идут в Исламабад по Каракорумскому шоссе.",
        ("Каракорумское шоссе", "road", "operating"),
    ),
    _w(
        "works told as progress",
        "en",
        "The ministers welcomed the progress in laying the Galkynysh–Herat gas pipeline.",
        ("Galkynysh–Herat gas pipeline", "pipeline", "under_construction"),
    ),
    _w(
        "works told ahead",
        "en",
        "Once completed, the Aktau–Beineu railway will halve the journey to the coast.",
        ("Aktau–Beineu railway", "railway", "under_construction"),
    ),
)


# A port named by its place's adjective with words describing it in between (projects-6): the
# place's name in English, the words as the text writes them; not a port on a cargo's way, not a
# country's network, not a port whose own clause tells works on a terminal or a berth in it.
PLACED: tuple[Wording, ...] = (
    _w(
        "a place's adjective, then describing words",
        "ru",
        "Казахстан и Оман провели переговоры. Оманская компания участвует в расширении Актауского "
        "международного морского торгового порта.",
        ("Port of Aktau", "port", "expanding", "KZ OM"),
    ),
    _w(
        "a place's adjective, then describing words",
        "ru",
        "Азербайджан и Япония провели переговоры. Японские подрядчики ведут расширение Бакинского "
        "международного морского порта.",
        ("Бакинский международный морской порт", "port", "expanding", "AZ JP"),
    ),
    _w(
        "a place's adjective, then describing words",
        "ru",
        "Туркменистан и Катар провели переговоры. Катарская компания строит Туркменбашинский "
        "международный морской порт.",
        ("Port of Turkmenbashi", "port", "under_construction"),
    ),
    _w(
        "a place's adjective before the head",
        "ru",
        "Азербайджан и Корея провели переговоры. Стороны обсудили расширение Бакинского порта.",
        ("Port of Baku", "port", "expanding"),
    ),
    _w(
        "a port on the cargo's way",
        "ru",
        "Казахстан и Оман провели переговоры. Казахстанское зерно вывозится через Курыкский морской порт.",
        None,
    ),
    _w(
        "a country's network",
        "ru",
        "Казахстан и Китай провели переговоры. Стороны обсудили модернизацию Казахстанской магистральной "
        "железной дороги.",
        None,
    ),
)


# Heads the lexicon did not know and lines told apart from their ends (projects-7): a train whose
# clause names its ends away from it, a bare Russian "линия" by its ends, a corridor told by what runs
# on it, a power cable named by the sea after a bare "проект", several facilities told together, a
# facility's place told before its partners and its works, a line named by a capital, a numbered
# berth, a Russian bridge or road freight route by its ends, a depot.
MORE_HEADS: tuple[Wording, ...] = (
    _w(
        "a train's ends told apart from it",
        "en",
        "Georgia and Uzbekistan held talks. Since June a freight train has run twice a week between "
        "Navoi and Poti.",
        ("Navoi–Poti train", "railway", "operating"),
    ),
    _w(
        "a train's ends told apart from it",
        "ru",
        "Беларусь и Казахстан провели переговоры. С апреля между станциями Брест и Алтынколь курсирует "
        "контейнерный поезд.",
        ("Брест — Алтынколь", "railway", "operating"),
    ),
    _w(
        "a bare line by its ends",
        "ru",
        "Кения и Уганда провели переговоры. Линия Найроби — Малаба на кенийском участке стоит: движение "
        "по ней приостановлено.",
        ("Найроби — Малаба", "railway", "suspended"),
    ),
    _w(
        "a bare line by its ends",
        "ru",
        "Казахстан и Китай провели переговоры. Стороны открыли кредитную линию на 50 млн долларов.",
        None,
    ),
    _w(
        "a corridor told by what runs on it",
        "ru",
        "Узбекистан и Афганистан провели переговоры. Растут перевозки по железнодорожному коридору "
        "Узбекистан — Афганистан — Пакистан.",
        ("Узбекистан — Афганистан — Пакистан", "railway", "operating"),
    ),
    _w(
        "a power cable across a sea, after a bare project",
        "ru",
        "Казахстан и Азербайджан провели переговоры. Стороны обсудили проект подводного электрического "
        "кабеля по дну Каспийского моря; его строительство начнётся в 2028 году.",
        ("Подводный электрический кабель по дну Каспийского моря", "power_line", "planned"),
    ),
    _w(
        "several facilities told together",
        "ru",
        "Узбекистан и Китай провели переговоры. Китайская компания построит солнечные электростанции в "
        "Навоийской области.",
        ("Солнечные электростанции в Навоийской области", "other", "planned"),
    ),
    _w(
        "a line named by a capital",
        "en",
        "Georgia and Azerbaijan held talks. Cargo on the Tbilisi Railway grew by 5 percent last year.",
        ("Tbilisi Railway", "railway", "operating", "AZ GE"),
    ),
    _w(
        "partners between a facility's place and its works",
        "ru",
        "Узбекистан и Турция провели переговоры. В Навои с участием турецкой компании строится "
        "текстильная фабрика.",
        ("Текстильная фабрика в Навои", "other", "under_construction"),
    ),
    _w(
        "a numbered berth at its place",
        "en",
        "The UAE and India held talks. Construction of Berth 4 at Fujairah, dedicated to Indian lines, "
        "is on schedule.",
        ("Berth 4 at Fujairah", "port", "under_construction"),
    ),
    _w(
        "a numbered berth at its place",
        "en",
        "Oman and India held talks. Terminal 2 handled 3 million passengers last year.",
        None,
    ),
    _w(
        "a bridge named by the banks it joins",
        "ru",
        "Таджикистан и Афганистан провели переговоры. По мосту Нижний Пяндж — Шерхан-Бандар прошли 500 "
        "грузовиков.",
        ("Нижний Пяндж — Шерхан-Бандар", "road", "operating"),
    ),
    _w(
        "a road freight route by its ends",
        "ru",
        "Киргизия и Туркменистан провели переговоры. Стороны приветствовали запуск в мае регулярного "
        "автомобильного грузового маршрута Ош — Андижан — Мары.",
        ("Ош — Андижан — Мары", "road", "operating"),
    ),
    _w(
        "a depot by what and where",
        "en",
        "Uzbekistan and Czechia held talks. A locomotive repair depot in Andijan, built by a Czech firm, "
        "opened in May.",
        ("Locomotive repair depot in Andijan", "other", "operating"),
    ),
)


# A facility told by a word in "-ed" after an article ("a refrigerated warehouse", "a gas-fired power
# plant"), which says what it is and stays in its name; and one being finished ("достраивает").
DESCRIBED_IN_ED: tuple[Wording, ...] = (
    _w(
        "a facility described by a word in -ed",
        "en",
        "Kazakhstan and Hungary held talks. A Hungarian dairy group is expanding a refrigerated warehouse "
        "in Almaty.",
        ("Refrigerated warehouse in Almaty", "other", "expanding"),
    ),
    _w(
        "a facility described by a word in -ed",
        "en",
        "Kazakhstan and Hungary held talks. A Hungarian utility is building a gas-fired power plant near "
        "Karaganda.",
        ("Gas-fired power plant near Karaganda", "other", "under_construction"),
    ),
    _w(
        "a facility being finished",
        "ru",
        "Казахстан и Венгрия провели переговоры. Венгерская компания достраивает под Карагандой цементный "
        "завод.",
        ("Цементный завод под Карагандой", "other", "under_construction"),
    ),
)


# The eighth round (docs/benchmarks/2026-12-05-extraction-projects-8.md): what a facility is for,
# told after its head; a place opening the sentence before it or told by "next to"; a facility told
# as its builder's own; ports named by the sea they stand on; a route's stop after "via".
MORE_8: tuple[Wording, ...] = (
    _w(
        "what a facility is for, after its head",
        "en",
        "Belarus and Uzbekistan held talks. A Belarusian company is building an assembly plant for "
        "refrigerators in the Jizzakh region.",
        ("Refrigerator assembly plant in the Jizzakh region", "other", "under_construction"),
    ),
    _w(
        "what a facility is for, after its head",
        "en",
        "Hungary and Kazakhstan held talks. A second factory, for insulin pens, is being built near Almaty.",
        ("Insulin pen factory near Almaty", "other", "under_construction"),
    ),
    _w(
        "what a facility is for, after its head",
        "en",
        "Korea and Uzbekistan held talks. The sides agreed to build a plant to assemble electric buses in "
        "the city of Namangan.",
        ("Electric bus assembly plant in Namangan", "other", "planned"),
    ),
    _w(
        "what a facility is for, after its head",
        "en",
        "Georgia and Armenia held talks. They discussed a plan to open a logistics centre for Armenian "
        "brandy and cheeses near Batumi.",
        ("Armenian brandy and cheese logistics centre near Batumi", "other", "planned"),
    ),
    _w(
        "what a facility is for, after its head",
        "en",
        "Kazakhstan and Turkey held talks. The delegation visited the factory for textiles in Shymkent.",
        None,
    ),
    _w(
        "what a facility is for, after its head",
        "en",
        "Kazakhstan and China held talks. The plant has worked for years in Aktobe.",
        None,
    ),
    _w(
        "a facility's state after an auxiliary",
        "en",
        "Kazakhstan and India held talks. A cement plant is being built near Taraz by an Indian company.",
        ("Cement plant near Taraz", "other", "under_construction"),
    ),
    _w(
        "ports named by their sea",
        "en",
        "Kazakhstan and Romania held talks. Kazakh grain now reaches Europe through the Black Sea ports.",
        None,
    ),
    _w(
        "ports named by their sea",
        "en",
        "Peru and Bolivia held talks. Bolivian ores are shipped through Peru's Pacific ports.",
        None,
    ),
    _w(
        "a sentence's opening place, then the facility",
        "en",
        "Uzbekistan and Korea held talks. In the Navoi region, a textile plant is being built by a Korean "
        "firm.",
        ("Textile plant in the Navoi region", "other", "under_construction"),
    ),
    _w(
        "a sentence's opening place, then the facility",
        "en",
        "Kazakhstan and Oman held talks. At the Port of Duqm a terminal for Kazakh fertilisers is under "
        "construction.",
        ("Kazakh fertiliser terminal at the Port of Duqm", "port", "under_construction"),
    ),
    _w(
        "a sentence's opening place, then the facility",
        "en",
        "Uzbekistan and Korea held talks. In the Navoi region, a Korean firm is building houses.",
        None,
    ),
    _w(
        "a place told by 'next to' or 'close to'",
        "en",
        "Uzbekistan and Korea held talks. A Korean firm is building a textile plant close to Namangan.",
        ("Textile plant near Namangan", "other", "under_construction"),
    ),
    _w(
        "a facility told as its builder's own",
        "ru",
        "Узбекистан и Латвия провели переговоры. Узбекская компания возводит под Ригой собственную "
        "текстильную фабрику.",
        ("Узбекская текстильная фабрика под Ригой", "other", "under_construction"),
    ),
    _w(
        "a facility told as its builder's own",
        "ru",
        "Казахстан и Азербайджан провели переговоры. Казахстанская сторона намерена построить собственный "
        "зерновой терминал в порту Алят.",
        ("Казахстанский зерновой терминал в порту Алят", "port", "planned"),
    ),
    _w(
        "a facility told as its builder's own",
        "ru",
        "Казахстан и Азербайджан провели переговоры. Компания строит в порту Алят собственный терминал для "
        "зерна.",
        ("Терминал для зерна в порту Алят", "port", "under_construction"),
    ),
    _w(
        "a route's stop after via",
        "en",
        "Kazakhstan and India held talks. A multimodal service from Mundra to Almaty via Chabahar was "
        "launched in April.",
        ("Mundra–Chabahar–Almaty multimodal service", "transport_corridor", "operating"),
    ),
)


# The ninth round's kinds (docs/benchmarks/2026-12-05-extraction-projects-9.md): lines named by
# their ends with a head the lexicon did not know, urban rail and water mains named by their city,
# and states told as a decision not taken, a project being worked out or a service running.
MORE_9: tuple[Wording, ...] = (
    _w(
        "a container route named by its ends",
        "en",
        "Kazakhstan and Malaysia held talks. The Kostanay-Urumqi-Penang container route has been "
        "running every week since March.",
        ("Kostanay–Urumqi–Penang container route", "transport_corridor", "operating"),
    ),
    _w(
        "a container route named by its ends",
        "ru",
        "Казахстан и Вьетнам провели переговоры. Контейнерный маршрут Алматы — Хайфон работает с весны.",
        ("Контейнерный маршрут Алматы — Хайфон", "transport_corridor", "operating"),
    ),
    _w(
        "a sea-rail route worked out",
        "ru",
        "Узбекистан и Оман провели переговоры. Стороны прорабатывают морско-железнодорожный маршрут "
        "«Восточные ворота» до порта Сохар.",
        ("Восточные ворота", "transport_corridor", "under_development"),
    ),
    _w(
        "a city's light rail",
        "en",
        "Kazakhstan and Spain held talks. Spanish firms are bidding to supply trams for the planned "
        "Shymkent light rail.",
        ("Shymkent light rail", "railway", "planned"),
    ),
    _w(
        "a city's light rail",
        "en",
        "Kyrgyzstan and Korea held talks. The envoy briefed reporters on the Bishkek light rail line, to be "
        "built with a Korean loan.",
        ("Bishkek light rail line", "railway", "planned"),
    ),
    _w(
        "a city's water main",
        "en",
        "Tajikistan and Kuwait held talks. A fund will lend for the reconstruction of the Khujand water "
        "pipeline, due to begin next year.",
        ("Khujand water pipeline", "pipeline", "under_construction"),
    ),
    _w(
        "a decision not taken",
        "en",
        "Kazakhstan and Kuwait held talks. We are also talking about a new fruit terminal at Aktau port, "
        "but no decision has been made.",
        ("Fruit terminal at Aktau port", "port", "planned"),
    ),
    _w(
        "a project being worked out",
        "ru",
        "Беларусь и Катар провели переговоры. В стадии проработки находится проект сборочного производства "
        "белорусских автобусов в свободной зоне Дохи.",
        ("Сборочное производство белорусских автобусов в свободной зоне Дохи", "other", "under_development"),
    ),
    _w(
        "a short name in brackets for the words before it",
        "en",
        "Tajikistan and Pakistan held talks. The sides discussed the feasibility study of the "
        "Tajikistan–Afghanistan–Pakistan (TAP) power line. Power would flow through the TAP line once it "
        "is built.",
        ("Tajikistan–Afghanistan–Pakistan power line", "power_line", "under_development"),
    ),
    _w(
        "a short name in brackets for the words before it",
        "en",
        "Azerbaijan and Albania held talks. Gas deliveries through the Trans Adriatic Pipeline (TAP) "
        "continued.",
        ("Trans Adriatic Pipeline (TAP)", "pipeline", "operating"),
    ),
    _w(
        "a facility's number after its head",
        "en",
        "Kazakhstan and Korea held talks. A Korean firm is upgrading the power plant No. 2 of a steel mill.",
        None,
    ),
)


# States told by how a route is used, by the design works going on, by a route growing of itself,
# and by a word of a name that is no state (the project-status round of 2026-12-05).
STATUS_TOLD: tuple[Wording, ...] = (
    _w(
        "a route's use",
        "ru",
        "Казахстан и Оман провели переговоры. Стороны договорились наращивать перевозки по "
        "Транскаспийскому международному транспортному маршруту и ускорить строительство нового склада.",
        ("Trans-Caspian International Transport Route", "transport_corridor", "operating"),
    ),
    _w(
        "a route's use",
        "ru",
        "Узбекистан и Латвия провели переговоры. Отдельно обсуждалась загрузка железнодорожного коридора "
        "Узбекистан — Казахстан — Россия.",
        ("Узбекистан — Казахстан — Россия", "railway", "operating"),
    ),
    _w(
        "a route's use",
        "en",
        "Kazakhstan and Portugal held talks. The ministers agreed to make better use of the Middle "
        "Corridor and to study a new ferry service to be launched next year.",
        ("Middle Corridor", "transport_corridor", "operating"),
    ),
    _w(
        "a route's use",
        "en",
        "Kazakhstan and Chile held talks. The sides welcomed the growing use of the Khorgos Eastern Gate "
        "dry port, which has been handling cargo since 2020.",
        ("Khorgos Eastern Gate dry port", "port", "operating"),
    ),
    _w(
        "a route's use, its state told right after its name",
        "en",
        "Uzbekistan and Chile held talks. They discussed routes for Uzbek goods, including use of the "
        "China–Kyrgyzstan–Uzbekistan railway, now under construction.",
        ("China–Kyrgyzstan–Uzbekistan railway", "railway", "under_construction"),
    ),
    _w(
        "a route's use, told of what follows it",
        "en",
        "Uzbekistan and Chile held talks. Among the projects discussed was a cement plant to be built by "
        "a Chilean company in the Navoi free economic zone, and greater use of the new airport cargo "
        "area.",
        ("Cement plant in the Navoi free economic zone", "other", "planned"),
    ),
    _w(
        "design works going on",
        "ru",
        "Узбекистан и Грузия провели переговоры. Стороны обсудили создание логистического центра в порту "
        "Поти, проектирование которого идёт с весны.",
        ("Логистический центр в порту Поти", "port", "under_development"),
    ),
    _w(
        "design works going on",
        "ru",
        "Армения и Франция провели переговоры. Французская компания ведёт проектирование реконструкции "
        "автодороги Ереван — Гюмри.",
        ("Ереван — Гюмри", "road", "under_development"),
    ),
    _w(
        "design works going on",
        "en",
        "Kazakhstan and Turkey held talks. A Turkish engineering group is designing the modernisation "
        "of the Kapikule railway.",
        ("Kapikule railway", "railway", "under_development"),
    ),
    _w(
        "a route growing of itself",
        "ru",
        "Казахстан и Словакия провели переговоры. Казахстан предлагает шире использовать "
        "Транскаспийский международный транспортный маршрут, который активно развивается.",
        ("Trans-Caspian International Transport Route", "transport_corridor", "expanding"),
    ),
    _w(
        "development in a lender's name",
        "en",
        "Kazakhstan and Kuwait held talks. The reconstruction of the Shymkent-Tashkent highway, "
        "co-financed by a Kuwaiti development fund, is due to be completed next year.",
        ("Shymkent–Tashkent highway", "road", "under_construction"),
    ),
    _w(
        "development in a lender's name",
        "ru",
        "Армения и Франция провели переговоры. Главы государств обсудили реконструкцию автодороги "
        "Ереван — Севан, которая ведётся при финансировании Французского агентства развития.",
        ("Ереван — Севан", "road", "under_construction"),
    ),
)


# The tenth round's kinds (docs/benchmarks/2026-12-05-extraction-projects-10.md): a known corridor
# is the story's pair's, with the countries its sentence names on the way; the Development Road is a
# corridor our lexicon knows; a facility built in a place told first, in a "где" clause of its own.
MORE_10: tuple[Wording, ...] = (
    _w(
        "a known corridor in a story of another pair",
        "en",
        "Uzbekistan and Türkiye held talks in Ankara. The sides agreed to carry more cargo along the "
        "Middle Corridor.",
        ("Middle Corridor", "transport_corridor", "operating", "TR UZ"),
    ),
    _w(
        "a known corridor with the countries on its way",
        "en",
        "India and Kazakhstan held talks in Astana. Most of their cargo now travels along the "
        "International North–South Transport Corridor through Iran and Turkmenistan.",
        ("International North–South Transport Corridor", "transport_corridor", "operating", "IN IR KZ TM"),
    ),
    _w(
        "a corridor the lexicon knows by its name",
        "en",
        "Iraq and Qatar held talks in Baghdad. The Development Road project is still at the design "
        "stage, the ministers said.",
        ("Development Road", "transport_corridor", "under_development", "IQ QA"),
    ),
    _w(
        "a corridor the lexicon knows by its name",
        "ru",
        "Ирак и Турция провели переговоры. Стороны обсудили проект «Дорога развития», который "
        "находится на стадии проектирования.",
        ("Дорога развития", "transport_corridor", "under_development", "IQ TR"),
    ),
    _w(
        "a facility built in a place told in a clause before it",
        "ru",
        "Узбекистан и Турция провели переговоры. Министры побывали в Навоийской области, где "
        "турецкий холдинг строит цементный завод.",
        ("Цементный завод в Навоийской области", "other", "under_construction"),
    ),
    _w(
        "a facility built in a place told in a clause before it",
        "ru",
        "Казахстан и Китай провели переговоры. Губернатор рассказал о работах в Атырауской области, "
        "где казахстанско-китайское предприятие строит газохимический комплекс.",
        ("Газохимический комплекс в Атырауской области", "other", "under_construction"),
    ),
    _w(
        "a place told in a clause with no facility built",
        "ru",
        "Узбекистан и Турция провели переговоры. Стороны обсудили положение в Ферганской области, "
        "где турецкая компания работает давно.",
        None,
    ),
    _w(
        "a state told only as a condition",
        "en",
        "Iraq and Türkiye held talks. They reaffirmed their commitment to the Development Road. Once "
        "completed, the Development Road is expected to carry 7 million containers a year.",
        ("Development Road", "transport_corridor", "operating"),
    ),
)


@dataclass(frozen=True)
class Outcome:
    wording: Wording
    proposed: list[tuple[Any, ...]]  # the key fields of each fact of its kind proposed
    passed: bool


def proposals_of(wording: Wording, kind: str) -> list[dict[str, Any]]:
    """The bodies of the facts of one kind the extractor proposes for a catalogue sentence."""
    return [
        p.body
        for p in extract(wording.text, language=wording.language, published=PUBLISHED)
        if p.kind == kind
    ]


def judge(wording: Wording) -> Outcome:
    proposals = proposals_of(wording, "infrastructure_project")
    proposed = [
        (b["name_en"] if wording.language == "en" else b["name_ru"], b["kind"], b["status"], b["countries"])
        for b in proposals
    ]
    if wording.expected is None:
        return Outcome(wording, proposed, not proposals)
    name, kind, status, *countries = wording.expected
    gold = {"name_en": name, "name_ru": name, "kind": kind}
    matched = [b for b in proposals if matches("infrastructure_project", gold, b)]
    passed = len(proposals) == 1 and len(matched) == 1 and matched[0]["status"] == status
    if passed and countries:
        passed = sorted(matched[0]["countries"]) == countries[0].split()
    return Outcome(wording, proposed, passed)


def _table(title: str, outcomes: list[Outcome]) -> None:
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for outcome in outcomes:
        total[outcome.wording.kind] += 1
        passed[outcome.wording.kind] += outcome.passed
    print(f"\n| {title}: kind of wording | passed |\n|---|---|")
    for kind in total:
        print(f"| {kind} | {passed[kind]} / {total[kind]} |")
    print(f"| **all** | **{sum(passed.values())} / {len(outcomes)}** |")


def report(
    groups: Mapping[str, Sequence[Wording]], judge: Callable[[Wording], Outcome], verbose: bool
) -> None:
    """Each group's pass count by kind of wording, and with `verbose` each failing sentence: the one
    runner of every catalogue (projects here, agreements in bench/extraction_agreement_wordings.py)."""
    results = {title: [judge(w) for w in wordings] for title, wordings in groups.items()}
    for title, outcomes in results.items():
        _table(title, outcomes)
    if verbose:
        for title, outcomes in results.items():
            for outcome in outcomes:
                if not outcome.passed:
                    w = outcome.wording
                    print(f"\nFAIL ({title}) [{w.kind}] {w.language}: {w.text}")
                    print(f"  expected {w.expected}\n  proposed {outcome.proposed}")


def verbose_flag(doc: str) -> bool:
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print each failing sentence")
    return bool(parser.parse_args().verbose)


def main() -> None:
    report(
        {
            "catalogue": WORDINGS,
            "fresh": FRESH,
            "more": MORE,
            "more-2": MORE_2,
            "intended": INTENDED,
            "between": BETWEEN,
            "named": NAMED,
            "placed": PLACED,
            "more heads": MORE_HEADS,
            "described in -ed": DESCRIBED_IN_ED,
            "more-8": MORE_8,
            "more-9": MORE_9,
            "status told": STATUS_TOLD,
            "more-10": MORE_10,
        },
        judge,
        verbose_flag(__doc__ or ""),
    )


if __name__ == "__main__":
    main()
