"""The annotation conventions settled across the development sets (bench/extraction/README.md,
"Conventions settled"), each told by sentences of our own with the facts an annotator would write:
run through the extractor, it prints how many of each convention it gets right (issue 12; see
docs/benchmarks/2026-12-04-extraction-conventions.md).

    .venv/bin/python -m bench.extraction_conventions [--verbose]

A sentence passes when, for each expected fact, the extractor proposes one of its kind with the
expected fields (a value within 0.5 %, sectors as a set), and, where none is expected, nothing of
that kind. Every sentence was written for this catalogue; none comes from a development set or an
article.
"""

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.extraction import extract
from bench.extraction_wordings import Outcome, Wording, report, verbose_flag

PUBLISHED = date(2026, 9, 15)

Expected = tuple[tuple[str, Mapping[str, Any] | None], ...]


def _w(kind: str, language: str, text: str, *expected: tuple[str, Mapping[str, Any] | None]) -> Wording:
    return Wording(kind, language, text, expected)


RATIFIED = "a ratified agreement: dated by its signing"
INVITATION = "an accepted invitation with a year: a planned visit"
YEAR_END = "before the end of the year"
VISIT_SESSION = "a visit made for a commission's session: both"
FORUM_ABROAD = "a leader at a multilateral forum in the partner's country"
FACILITY = "a plant, hub or warehouse with a status: a project"
RAIL_SEA = "a rail-and-sea container service: a transport corridor"
SECTORS = "sectors: investment, customs, tourism"
MORE_THAN = "more than doubled (a multiple with more than)"
FINAL_DATA = "a figure told by final or revised data: reported, in a preliminary release"
CLOSING_NOTE = "a release's closing note that a year's data are preliminary: its figures of that year"
PAST_BESIDE_AIM = "a past figure told beside a forecast or a target, in a clause of its own: reported"
BASE_BEFORE = "a rate against the quarter, month or year before: its compared_period"
CITED_SOURCE = "a figure a preliminary release quotes from another source: reported"
EVERYWHERE = "one country's sales or purchases with the world: no figure of the pair"
GAPPED_LIST = "a list of third pairs' figures with the verb left out: each item its own partner"
EXPLAINED = "a period told in an explanation after a colon does not date the figure before it"

WORDINGS: tuple[Wording, ...] = (
    _w(
        RATIFIED,
        "en",
        "The Kazakh parliament on Wednesday ratified the agreement on air services with Uzbekistan, "
        "signed in Tashkent in March 2026.",
        ("agreement", {"status": "ratified", "date": "2026-03"}),
    ),
    _w(
        RATIFIED,
        "en",
        "The Senate of Uzbekistan ratified the agreement on road transport with Kyrgyzstan "
        "signed on 2 April 2026.",
        ("agreement", {"status": "ratified", "date": "2026-04-02"}),
    ),
    _w(
        RATIFIED,
        "ru",
        "Милли Меджлис ратифицировал соглашение между Азербайджаном и Грузией о морском сообщении, "
        "подписанное в Тбилиси 14 мая 2026 года.",
        ("agreement", {"status": "ratified", "date": "2026-05-14"}),
    ),
    _w(
        RATIFIED,
        "ru",
        "Мажилис ратифицировал подписанное в феврале этого года соглашение между Казахстаном и "
        "Туркменистаном о транзите грузов.",
        ("agreement", {"status": "ratified", "date": "2026-02"}),
    ),
    _w(
        INVITATION,
        "en",
        "The President of Kyrgyzstan accepted an invitation to pay an official visit to Georgia in 2027.",
        ("event", {"type": "official_visit", "status": "planned", "date": "2027"}),
    ),
    _w(
        INVITATION,
        "en",
        "The Prime Minister of Uzbekistan accepted an invitation to visit Azerbaijan next year.",
        ("event", {"status": "planned", "date": "2027"}),
    ),
    _w(
        INVITATION,
        "ru",
        "Президент Таджикистана принял приглашение посетить Казахстан с государственным визитом "
        "в следующем году.",
        ("event", {"type": "state_visit", "status": "planned", "date": "2027"}),
    ),
    _w(
        INVITATION,
        "ru",
        "Премьер-министр Грузии принял приглашение посетить Армению с официальным визитом в 2027 году.",
        ("event", {"type": "official_visit", "status": "planned", "date": "2027"}),
    ),
    _w(
        INVITATION,
        "en",
        "The President of Kazakhstan accepted an invitation to visit Mongolia at a mutually convenient time.",
        ("event", None),
    ),
    _w(
        YEAR_END,
        "en",
        "The intergovernmental commission of Kazakhstan and Uzbekistan is to meet in Tashkent before the "
        "end of the year.",
        ("event", {"type": "intergovernmental_commission", "status": "planned", "date": "2026-09/2026-12"}),
    ),
    _w(
        YEAR_END,
        "ru",
        "Заседание межправительственной комиссии Казахстана и Кыргызстана пройдёт в Бишкеке до конца года.",
        ("event", {"type": "intergovernmental_commission", "status": "planned", "date": "2026-09/2026-12"}),
    ),
    _w(
        YEAR_END,
        "en",
        "Azerbaijan and Georgia expect to sign an agreement on road transport by the end of the year.",
        ("agreement", {"status": "proposed", "date": "2026-09/2026-12"}),
    ),
    _w(
        YEAR_END,
        "ru",
        "Узбекистан и Туркменистан рассчитывают подписать соглашение о транзите грузов "
        "до конца текущего года.",
        ("agreement", {"status": "proposed", "date": "2026-09/2026-12"}),
    ),
    _w(
        YEAR_END,
        "en",
        "The ministry expects trade between Kazakhstan and Georgia to reach $500 million "
        "by the end of the year.",
        ("trade_figure", {"period": "2026", "value": 500_000_000, "status": "forecast"}),
    ),
    _w(
        YEAR_END,
        "ru",
        "Товарооборот Узбекистана и Азербайджана к концу года может достичь 1 млрд долларов.",
        ("trade_figure", {"period": "2026", "value": 1_000_000_000, "status": "forecast"}),
    ),
    _w(
        VISIT_SESSION,
        "en",
        "Georgia's deputy prime minister will visit Baku in October to co-chair a session of the "
        "Georgian-Azerbaijani intergovernmental commission.",
        ("event", {"type": "visit", "status": "planned", "date": "2026-10"}),
        ("event", {"type": "intergovernmental_commission", "status": "planned", "date": "2026-10"}),
    ),
    _w(
        VISIT_SESSION,
        "ru",
        "Министр экономики Узбекистана прибудет в Астану в октябре для участия в заседании "
        "межправительственной комиссии.",
        ("event", {"type": "visit", "status": "planned", "date": "2026-10"}),
        ("event", {"type": "intergovernmental_commission", "status": "planned", "date": "2026-10"}),
    ),
    _w(
        FORUM_ABROAD,
        "ru",
        "Президент Казахстана примет участие в международном инвестиционном форуме в Ташкенте в ноябре.",
        ("event", {"status": "planned", "date": "2026-11", "countries": ["KZ", "UZ"]}),
    ),
    _w(
        FORUM_ABROAD,
        "en",
        "The President of Azerbaijan will attend the international energy forum in Astana in December.",
        ("event", {"status": "planned", "date": "2026-12", "countries": ["AZ", "KZ"]}),
    ),
    _w(
        FACILITY,
        "en",
        "A Kazakh company is building a fertiliser plant in the Navoi region of Uzbekistan.",
        ("infrastructure_project", {"kind": "other", "status": "under_construction"}),
    ),
    _w(
        FACILITY,
        "en",
        "Georgia and Azerbaijan plan to open a joint logistics hub near Rustavi next year.",
        ("infrastructure_project", {"kind": "other", "status": "planned"}),
    ),
    _w(
        FACILITY,
        "ru",
        "В порту Актау казахстанская компания строит зерновой склад для грузов в Азербайджан.",
        ("infrastructure_project", {"kind": "port", "status": "under_construction"}),
    ),
    _w(
        FACILITY,
        "ru",
        "Белорусская сторона предложила создать сборочное производство грузовиков в Ташкенте.",
        ("infrastructure_project", {"kind": "other", "status": "planned"}),
    ),
    _w(
        RAIL_SEA,
        "en",
        "Kazakhstan and Georgia launched a regular container service from Almaty to Poti by rail and "
        "across the Caspian Sea.",
        ("infrastructure_project", {"kind": "transport_corridor"}),
    ),
    _w(
        RAIL_SEA,
        "ru",
        "Узбекистан и Азербайджан запустили мультимодальный контейнерный сервис Ташкент — Баку через "
        "порт Туркменбаши.",
        ("infrastructure_project", {"kind": "transport_corridor"}),
    ),
    *(
        _w(SECTORS, language, text, ("agreement", {"sectors": sectors}))
        for language, text, sectors in (
            (
                "en",
                "Kazakhstan and Georgia signed an agreement on the mutual protection of investments.",
                ["finance"],
            ),
            ("en", "Turkmenistan and Georgia signed a memorandum on investment promotion.", ["finance"]),
            (
                "en",
                "Uzbekistan and Armenia signed memorandums on customs cooperation and tourism.",
                ["trade", "other"],
            ),
            (
                "ru",
                "Казахстан и Азербайджан подписали соглашение о поощрении и взаимной защите инвестиций.",
                ["finance"],
            ),
            (
                "ru",
                "Кыргызстан и Грузия подписали меморандумы о таможенном сотрудничестве и о развитии туризма.",
                ["trade", "other"],
            ),
            (
                "ru",
                "Таджикистан и Узбекистан подписали протокол о взаимном признании таможенных пломб.",
                ["trade"],
            ),
        )
    ),
    *(
        _w(
            MORE_THAN,
            language,
            text,
            ("trade_figure", {"indicator": indicator, "value": value, "bound": "at_least"}),
        )
        for language, text, indicator, value in (
            (
                "en",
                "Kazakh exports to Georgia more than doubled in 2025 to $84 million.",
                "exports_growth",
                100,
            ),
            (
                "en",
                "Trade between Uzbekistan and Azerbaijan more than doubled in January-June.",
                "trade_turnover_growth",
                100,
            ),
            (
                "ru",
                "Экспорт Узбекистана в Грузию за девять месяцев вырос более чем вдвое, до 45 млн долларов.",
                "exports_growth",
                100,
            ),
            (
                "ru",
                "Товарооборот Казахстана и Армении в 2025 году увеличился более чем в два раза.",
                "trade_turnover_growth",
                100,
            ),
            (
                "ru",
                "Товарооборот Кыргызстана и Азербайджана в 2025 году вырос больше чем на треть.",
                "trade_turnover_growth",
                100 / 3,
            ),
            ("en", "Georgian exports to Armenia grew by more than a quarter in 2025.", "exports_growth", 25),
        )
    ),
)


# Written (2026-12-04, night) after the count of how the 22 development sets annotate what a
# release's "preliminary" reaches (docs/benchmarks/2026-12-04-extraction-figures-2.md), before the
# rule was changed.
WORDINGS += (
    _w(
        FINAL_DATA,
        "ru",
        "Данные носят предварительный характер. Товарооборот Казахстана с Арменией за январь–июнь "
        "2026 года составил 210,4 млн долларов США. По окончательным данным, за 2025 год "
        "товарооборот составил 402,3 млн долларов США.",
        ("trade_figure", {"value": 210_400_000, "status": "preliminary"}),
        ("trade_figure", {"value": 402_300_000, "status": "reported"}),
    ),
    _w(
        FINAL_DATA,
        "ru",
        "Приведённые данные являются оперативными. Экспорт Таджикистана в Узбекистан за девять "
        "месяцев 2026 года составил 96,1 млн долларов США. Справочно: по уточнённым данным, "
        "экспорт в Узбекистан в 2025 году составил 131,7 млн долларов США.",
        ("trade_figure", {"value": 96_100_000, "status": "preliminary"}),
        ("trade_figure", {"value": 131_700_000, "status": "reported"}),
    ),
    _w(
        FINAL_DATA,
        "en",
        "All figures are provisional. Trade between Georgia and Latvia in January-June 2026 "
        "amounted to USD 86.4 million. According to final data, trade between the two countries "
        "in 2025 was USD 171.2 million.",
        ("trade_figure", {"value": 86_400_000, "status": "preliminary"}),
        ("trade_figure", {"value": 171_200_000, "status": "reported"}),
    ),
    _w(
        FINAL_DATA,
        "en",
        "The data are preliminary. Mongolia's exports to Korea in January-July 2026 came to "
        "USD 212.5 million. Revised figures for 2025 put exports to Korea at USD 301.9 million.",
        ("trade_figure", {"value": 212_500_000, "status": "preliminary"}),
        ("trade_figure", {"value": 301_900_000, "status": "reported"}),
    ),
    _w(
        CLOSING_NOTE,
        "ru",
        "Товарооборот Казахстана с Грузией за январь–август 2026 года составил 88,2 млн долларов "
        "США. По уточнённым итогам 2025 года он составил 121,6 млн долларов США. Сведения за "
        "2026 год являются предварительными и будут уточнены.",
        ("trade_figure", {"value": 88_200_000, "status": "preliminary"}),
        ("trade_figure", {"value": 121_600_000, "status": "reported"}),
    ),
    _w(
        CLOSING_NOTE,
        "ru",
        "Экспорт Узбекистана в Латвию за девять месяцев 2026 года достиг 41,5 млн долларов США, "
        "импорт из Латвии — 17,3 млн долларов США. Все сведения носят предварительный характер.",
        ("trade_figure", {"value": 41_500_000, "status": "preliminary"}),
        ("trade_figure", {"value": 17_300_000, "status": "preliminary"}),
    ),
    _w(
        CLOSING_NOTE,
        "ru",
        "В третьем квартале 2026 года товарооборот Армении с Грецией составил 34,9 млн долларов "
        "США. Итоги за 2026 год предварительные.",
        ("trade_figure", {"value": 34_900_000, "status": "preliminary"}),
    ),
    _w(
        CLOSING_NOTE,
        "en",
        "Kyrgyzstan's imports from Poland in January-September 2026 reached USD 63.7 million. "
        "Statistics for 2026 are preliminary and subject to revision.",
        ("trade_figure", {"value": 63_700_000, "status": "preliminary"}),
    ),
    _w(
        CLOSING_NOTE,
        "en",
        "Trade between Azerbaijan and Croatia totalled USD 52.8 million in the first half of 2026. "
        "Information for the current year is provisional.",
        ("trade_figure", {"value": 52_800_000, "status": "preliminary"}),
    ),
    _w(
        PAST_BESIDE_AIM,
        "en",
        "Such a target would still be modest next to Georgia's trade with Turkey, which "
        "came to USD 1.9 billion in 2025.",
        ("trade_figure", {"value": 1_900_000_000, "status": "reported"}),
    ),
    _w(
        PAST_BESIDE_AIM,
        "en",
        "Analysts called the goal ambitious, noting that Armenia's trade with Iran came "
        "to about $700 million in 2025.",
        ("trade_figure", {"value": 700_000_000, "status": "reported"}),
    ),
    _w(
        PAST_BESIDE_AIM,
        "en",
        "That would be a fraction of Kyrgyzstan's trade with China, which reached USD "
        "19.4 billion last year.",
        ("trade_figure", {"value": 19_400_000_000, "status": "reported"}),
    ),
    _w(
        PAST_BESIDE_AIM,
        "ru",
        "Это было бы лишь малой долей товарооборота Казахстана с Китаем, который в 2025 "
        "году составил 44 млрд долларов.",
        ("trade_figure", {"value": 44_000_000_000, "status": "reported"}),
    ),
    _w(
        PAST_BESIDE_AIM,
        "ru",
        "Эксперты назвали цель амбициозной, отметив, что товарооборот Узбекистана с "
        "Турцией в 2025 году составил 3,1 млрд долларов.",
        ("trade_figure", {"value": 3_100_000_000, "status": "reported"}),
    ),
    _w(
        PAST_BESIDE_AIM,
        "ru",
        "Такой рубеж был бы вдвое скромнее товарооборота Азербайджана с Россией, который "
        "в прошлом году достиг 4,8 млрд долларов.",
        ("trade_figure", {"value": 4_800_000_000, "status": "reported"}),
    ),
    _w(
        BASE_BEFORE,
        "ru",
        "Во втором квартале 2026 года товарооборот Казахстана с Кыргызстаном составил 410 млн "
        "долларов, что на 4,2% больше, чем в предыдущем квартале.",
        ("trade_figure", {"value": 4.2, "compared_period": "2026-01/2026-03"}),
    ),
    _w(
        BASE_BEFORE,
        "ru",
        "В августе 2026 года экспорт Узбекистана в Казахстан вырос по сравнению с июлем на 3,1%.",
        ("trade_figure", {"value": 3.1, "compared_period": "2026-07"}),
    ),
    _w(
        BASE_BEFORE,
        "en",
        "In the second quarter of 2026, trade between Georgia and Armenia rose 6.4% quarter on "
        "quarter to $210 million.",
        ("trade_figure", {"value": 6.4, "compared_period": "2026-01/2026-03"}),
    ),
    _w(
        BASE_BEFORE,
        "en",
        "In August 2026, Azerbaijan's exports to Georgia fell 2.5% month on month.",
        ("trade_figure", {"value": -2.5, "compared_period": "2026-07"}),
    ),
    _w(
        BASE_BEFORE,
        "en",
        "Trade between Kazakhstan and Türkiye reached $7.1 billion in 2025, up 8% on the previous year.",
        ("trade_figure", {"value": 8, "compared_period": "2024"}),
    ),
    _w(
        BASE_BEFORE,
        "ru",
        "В июле 2026 года импорт Таджикистана из Китая сократился на 5,5% к предыдущему месяцу.",
        ("trade_figure", {"value": -5.5, "compared_period": "2026-06"}),
    ),
)

# Written (2026-12-05) after the count of how the development sets annotate a figure a release that
# calls its data preliminary quotes from another source (3 of 3 sets: reported), before the rule.
WORDINGS += (
    _w(
        CITED_SOURCE,
        "en",
        "Data for 2026 are preliminary. Armenia's exports to Latvia in January-August 2026 amounted "
        "to USD 18.2 million. According to the port authority, 12,400 containers of Armenian cargo "
        "passed through Riga in January-August.",
        ("trade_figure", {"value": 18_200_000, "status": "preliminary"}),
        ("trade_figure", {"value": 12_400, "status": "reported"}),
    ),
    _w(
        CITED_SOURCE,
        "en",
        "All figures are provisional. Trade between Kyrgyzstan and Austria in January-June 2026 "
        "totalled USD 41.3 million. For reference: according to Statistics Austria, Austrian "
        "imports from Kyrgyzstan in January-June 2026 came to EUR 9.6 million.",
        ("trade_figure", {"value": 41_300_000, "status": "preliminary"}),
        ("trade_figure", {"value": 9_600_000, "status": "reported"}),
    ),
    _w(
        CITED_SOURCE,
        "ru",
        "Данные за 2026 год носят предварительный характер. Экспорт Туркменистана в Грузию за "
        "январь–июль 2026 года составил 54,7 млн долларов США. По данным железнодорожной "
        "администрации, через Грузию за январь–июль перевезено 310 тыс. тонн туркменских грузов.",
        ("trade_figure", {"value": 54_700_000, "status": "preliminary"}),
        ("trade_figure", {"value": 310_000, "status": "reported"}),
    ),
    _w(
        CITED_SOURCE,
        "ru",
        "Приведённые сведения являются предварительными. Товарооборот Таджикистана с Польшей за "
        "январь–сентябрь 2026 года составил 27,5 млн долларов США. Справочно: по данным "
        "польского статистического ведомства, импорт Польши из Таджикистана за январь–сентябрь "
        "2026 года составил 6,2 млн евро.",
        ("trade_figure", {"value": 27_500_000, "status": "preliminary"}),
        ("trade_figure", {"value": 6_200_000, "status": "reported"}),
    ),
)

# Written (2026-12-05) after the development sets' extra figures of one country's exports or imports
# with the world (README: not facts), before the rule.
WORDINGS += (
    _w(
        EVERYWHERE,
        "ru",
        "Министры Казахстана и Египта обсудили поставки зерна. Всего же Казахстан в 2025 году "
        "экспортировал свыше 11 млн тонн пшеницы.",
        ("trade_figure", None),
    ),
    _w(
        EVERYWHERE,
        "ru",
        "Туркменистан и Армения договорились о поставках газа. Всего Армения в прошлом году "
        "импортировала 2,4 млрд кубометров газа.",
        ("trade_figure", None),
    ),
    _w(
        EVERYWHERE,
        "en",
        "Uzbekistan and Latvia discussed transit through Riga. Uzbekistan shipped some 1.2 million "
        "tonnes of cotton fibre abroad in total last year.",
        ("trade_figure", None),
    ),
    _w(
        EVERYWHERE,
        "en",
        "Azerbaijan and Romania signed a gas supply memorandum. Romania's overall gas imports rose "
        "by 4% this year, traders estimate.",
        ("trade_figure", None),
    ),
    _w(
        EVERYWHERE,
        "ru",
        "Всего за январь–июнь 2026 года Казахстан поставил в Грузию 210 тыс. тонн зерна.",
        ("trade_figure", {"reporter": "KZ", "partner": "GE", "value": 210_000}),
    ),
)

# Written (2026-12-05) after the development sets' third-pair figures given the next item's partner.
WORDINGS += (
    _w(
        GAPPED_LIST,
        "ru",
        "Справочно: товарооборот Кыргызстана с Королевством Бельгия за январь–июнь 2026 года "
        "составил 14,2 млн долларов США, с Австрийской Республикой — 9,8 млн долларов США.",
        ("trade_figure", {"reporter": "KG", "partner": "BE", "value": 14_200_000}),
        ("trade_figure", {"reporter": "KG", "partner": "AT", "value": 9_800_000}),
    ),
    _w(
        GAPPED_LIST,
        "ru",
        "Для сравнения: поставки из Италии в Азербайджан за девять месяцев составили около "
        "0,9 млрд евро, в Грузию — 310 млн евро.",
        ("trade_figure", {"reporter": "IT", "partner": "AZ", "value": 900_000_000}),
        ("trade_figure", {"reporter": "IT", "partner": "GE", "value": 310_000_000}),
    ),
    _w(
        GAPPED_LIST,
        "en",
        "For comparison, Spain's exports to Kazakhstan in January-June came to EUR 410 million, "
        "to Uzbekistan - EUR 120 million.",
        ("trade_figure", {"reporter": "ES", "partner": "KZ", "value": 410_000_000}),
        ("trade_figure", {"reporter": "ES", "partner": "UZ", "value": 120_000_000}),
    ),
)

# Written (2026-12-05) after a development set's rate dated by the season of its explanation.
WORDINGS += (
    _w(
        EXPLAINED,
        "ru",
        "В третьем квартале 2026 года товарооборот Кыргызстана с Казахстаном составил 402 млн "
        "долларов, что на 3,2% меньше, чем во втором квартале: летом упали поставки угля.",
        ("trade_figure", {"value": -3.2, "period": "2026-07/2026-09"}),
    ),
    _w(
        EXPLAINED,
        "en",
        "In the third quarter of 2026, Georgia's exports to Armenia rose 5.6% on the second quarter; "
        "in August alone, wine shipments doubled.",
        ("trade_figure", {"value": 5.6, "period": "2026-07/2026-09"}),
    ),
)


# Written (2026-12-05) after holdout-26's miss of a rise told as a multiple of the base named after
# it; two development sets annotate the wording the same way
# (docs/benchmarks/2026-12-05-extraction-holdout26-figures.md).
MULTIPLE_OF_BASE = (
    "a level told as a multiple of an earlier figure (double the level of a year earlier): its growth"
)
WORDINGS += tuple(
    _w(
        MULTIPLE_OF_BASE,
        "en",
        text,
        ("trade_figure", {"indicator": "trade_turnover", "value": level}),
        ("trade_figure", {"indicator": "trade_turnover_growth", "value": rate, "bound": bound}),
    )
    for text, level, rate, bound in (
        (
            "Trade between Armenia and Latvia came to USD 31.4 million in 2025, nearly double the "
            "figure for 2024.",
            31_400_000,
            100,
            "approximate",
        ),
        (
            "Moldova's trade with Georgia reached EUR 18.2 million in January-June, more than triple "
            "the level of the same half of last year.",
            18_200_000,
            200,
            "at_least",
        ),
    )
)
WORDINGS += (
    _w(
        MULTIPLE_OF_BASE,
        "en",
        "Armenia and Latvia aim to double the volume of trade to USD 60 million by 2029.",
        ("trade_figure", {"indicator": "trade_turnover", "value": 60_000_000, "status": "target"}),
    ),
)


# Written (2026-12-05) after holdout-26's price per tonne proposed as the value of the goods' exports.
UNIT_PRICE = "a unit's price (the average price of a tonne…) is not a trade figure"
WORDINGS += (
    _w(
        UNIT_PRICE,
        "en",
        "The average price of a tonne of Latvian peat shipped to Georgia was EUR 140 last year.",
        ("trade_figure", None),
    ),
    _w(
        UNIT_PRICE,
        "ru",
        "Средняя экспортная цена тонны таджикского хлопка, проданного в Латвию, составила 1 950 долларов.",
        ("trade_figure", None),
    ),
    _w(
        UNIT_PRICE,
        "ru",
        "Цена вопроса немалая: экспорт Латвии в Таджикистан в 2025 году составил 3,2 млн евро.",
        ("trade_figure", {"indicator": "exports", "value": 3_200_000}),
    ),
)


# Written (2026-12-05) after holdout-26's numbered release item dated by the month the item before
# it compared against.
NUMBERED_ITEM = "a release's numbered item with no period: the release's period"
WORDINGS += (
    _w(
        NUMBERED_ITEM,
        "ru",
        "1. Товарооборот Армении с Латвией за январь — июнь 2026 года составил 24,6 млн долларов США.\n\n"
        "2. В июне товарооборот составил 4,1 млн долларов США против 3,8 млн долларов США в мае.\n\n"
        "3. Основной статьёй экспорта оставался коньяк: в Латвию отгружено 310 тыс. литров на сумму "
        "2,2 млн долларов США.",
        ("trade_figure", {"value": 2_200_000, "period": "2026-01/2026-06"}),
    ),
)


# Written (2026-12-05) after holdout-26's "put last year's figure higher, at …" dated by the period before.
LAST_YEARS_FIGURE = "data that put last year's figure at an amount: the figure is of last year"
WORDINGS += (
    _w(
        LAST_YEARS_FIGURE,
        "en",
        "Trade between Georgia and Latvia came to USD 21 million in January-June 2026, according to "
        "Georgian statistics. Latvian statistics put last year's figure at EUR 30 million.",
        ("trade_figure", {"value": 21_000_000, "period": "2026-01/2026-06"}),
        ("trade_figure", {"value": 30_000_000, "period": "2025"}),
    ),
)


def _same(name: str, want: Any, got: Any) -> bool:
    if name in {"sectors", "countries"}:
        return set(want) == set(got or [])
    if name == "value":
        return got is not None and abs(got - want) <= abs(want) * 0.005
    return bool(want == got)


def judge(wording: Wording) -> Outcome:
    proposals = extract(wording.text, language=wording.language, published=PUBLISHED)
    wanted = {kind: sorted({k for k in fields or {}}) for kind, fields in wording.expected or ()}
    proposed = [(p.kind, {k: p.body.get(k) for k in wanted[p.kind]}) for p in proposals if p.kind in wanted]
    passed = True
    for kind, fields in wording.expected or ():
        bodies = [p.body for p in proposals if p.kind == kind]
        if fields is None:
            passed &= not bodies
        else:
            passed &= any(all(_same(k, v, b.get(k)) for k, v in fields.items()) for b in bodies)
    return Outcome(wording, proposed, passed)


def main() -> None:
    report({"conventions": WORDINGS}, judge, verbose_flag(__doc__ or ""))


if __name__ == "__main__":
    main()
