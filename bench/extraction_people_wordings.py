"""Kinds of wording that put capitalised phrases beside people's names: offices and state titles
("the Federal Chancellor", "Islamic Republic of Iran", "Председатель Правительства"), bodies after a
role ("Speaker of the National Assembly"), beside real-looking invented names that must stay people
(in English and Russian, and names of other languages transliterated). Leaders appear in our texts
only by office, so every person proposed should be a named person (issue 12; see
docs/benchmarks/2026-12-04-extraction-people-projects.md).

    .venv/bin/python -m bench.extraction_people_wordings [--verbose]

A sentence passes when the people the extractor finds in it (`app.extraction.people`, whose people
become events' participants and the person proposals) are exactly the expected names, in the text's
language and the nominative. Every sentence and name was written for this catalogue; none comes
from a development set or an article. The runner is bench/extraction_wordings.py's.
"""

from app.extraction.analysis import Reading
from app.extraction.text import read
from bench.extraction_wordings import PUBLISHED, Outcome, Wording, report, verbose_flag


def _p(kind: str, language: str, text: str, *names: str) -> Wording:
    return Wording(kind, language, text, tuple(sorted(names)))


def judge(wording: Wording) -> Outcome:
    reading = Reading(read(wording.text, wording.language), PUBLISHED, ())
    proposed = sorted(person.name for facts in reading.facts for person in facts.people)
    return Outcome(wording, proposed, tuple(proposed) == wording.expected)


OFFICE = "office or state title, no person"
BODY = "a body or company after a role"
NAMED = "a named person beside an office"
SCRIPTS = "a name of another language, transliterated"

PEOPLE_WORDINGS: tuple[Wording, ...] = (
    # Offices and state titles written as proper-looking capitalised phrases: nobody is named.
    _p(OFFICE, "en", "The Federal Chancellor arrived in Astana on Monday for talks on energy."),
    _p(OFFICE, "en", "The Federal Chancellor of Germany and the President of Kazakhstan discussed hydrogen."),
    _p(OFFICE, "en", "The President of the Islamic Republic of Iran received the Armenian delegation."),
    _p(OFFICE, "en", "President of the Islamic Republic of Iran held talks with the Armenian side."),
    _p(OFFICE, "en", "The Prime Minister of Uzbekistan received the Emir of Qatar in Tashkent."),
    _p(OFFICE, "en", "The Emir of the State of Qatar arrived in Ashgabat on a state visit."),
    _p(OFFICE, "en", "The President of the United Arab Emirates held talks with the Kyrgyz leader."),
    _p(OFFICE, "en", "The Prime Minister of the Russian Federation chaired the commission."),
    _p(OFFICE, "en", "The President of the Republic of Korea met the Prime Minister of Kazakhstan."),
    _p(OFFICE, "en", "The Crown Prince of Abu Dhabi visited the Navoi free economic zone."),
    _p(OFFICE, "en", "The Supreme Leader of Iran received the President of Tajikistan."),
    _p(OFFICE, "en", "The Prime Minister's Office said the Grand Duke of Luxembourg would visit in June."),
    _p(OFFICE, "en", "The Vice President of the People's Republic of China arrived in Bishkek."),
    _p(
        OFFICE,
        "en",
        "The Head of State of Turkmenistan welcomed the President of the Republic of Azerbaijan.",
    ),
    _p(
        OFFICE,
        "ru",
        "Председатель Правительства Российской Федерации провёл переговоры с премьер-министром Узбекистана.",
    ),
    _p(OFFICE, "ru", "Федеральный канцлер Германии прибыл в Астану с официальным визитом."),
    _p(OFFICE, "ru", "Федеральный канцлер провёл переговоры с Президентом Казахстана."),
    _p(OFFICE, "ru", "Президент Исламской Республики Иран принял министра иностранных дел Армении."),
    _p(OFFICE, "ru", "Эмир Государства Катар посетил Ташкент."),
    _p(OFFICE, "ru", "Наследный принц Абу-Даби прибыл в Ташкент."),
    _p(OFFICE, "ru", "Президент Объединённых Арабских Эмиратов провёл переговоры с Президентом Кыргызстана."),
    _p(OFFICE, "ru", "Премьер-министр Республики Корея встретился с Премьер-министром Казахстана."),
    _p(OFFICE, "ru", "Верховный лидер Ирана принял Президента Таджикистана."),
    # A body or a company right after a role: a chamber, a committee, a railway.
    _p(BODY, "en", "The Speaker of the National Assembly of Armenia visited Tehran."),
    _p(BODY, "en", "The Chairman of the State Committee for Investments said the park would open in May."),
    _p(BODY, "en", "The Chairman of Kazakhstan Temir Zholy met the head of Azerbaijan Railways."),
    _p(BODY, "en", "The Chairman of the Supreme Council of Kyrgyzstan arrived in Baku."),
    _p(BODY, "en", "The Minister of Foreign Affairs of the Kyrgyz Republic arrived in Baku."),
    _p(BODY, "ru", "Председатель Мажилиса Парламента Казахстана встретился с армянскими коллегами."),
    _p(BODY, "ru", "Председатель правления АО «Казахстан темир жолы» посетил порт Алят."),
    _p(BODY, "ru", "Спикер Национального собрания Армении посетил Тегеран."),
    _p(BODY, "ru", "Председатель Государственного комитета по инвестициям сообщил о запуске парка."),
    # Invented people named beside their office: they stay people.
    _p(
        NAMED,
        "en",
        "Kazakh Deputy Prime Minister Arman Seitkali met the Federal Chancellor's adviser.",
        "Arman Seitkali",
    ),
    _p(
        NAMED,
        "en",
        "Minister of Foreign Affairs of the Kyrgyz Republic Azamat Ormonov arrived in Baku.",
        "Azamat Ormonov",
    ),
    _p(
        NAMED,
        "en",
        "Armenian Foreign Minister Levon Harutyunyan met the Speaker of the National Assembly.",
        "Levon Harutyunyan",
    ),
    _p(
        NAMED, "en", "Ambassador of Georgia Nino Beridze presented a copy of her credentials.", "Nino Beridze"
    ),
    _p(
        NAMED,
        "en",
        "Uzbek Energy Minister Bakhrom Tursunov visited the Islamic Republic of Iran.",
        "Bakhrom Tursunov",
    ),
    _p(
        NAMED,
        "ru",
        "Министр иностранных дел Кыргызской Республики Азамат Ормонов прибыл в Баку.",
        "Азамат Ормонов",
    ),
    _p(NAMED, "ru", "Вице-премьер Казахстана Арман Сейткали встретился с послом Германии.", "Арман Сейткали"),
    _p(NAMED, "ru", "Посол Грузии Нино Беридзе вручила копии верительных грамот.", "Нино Беридзе"),
    _p(
        NAMED,
        "ru",
        "Министр энергетики Узбекистана Бахром Турсунов посетил Исламскую Республику Иран.",
        "Бахром Турсунов",
    ),
    # Names of other languages, transliterated into the text's script.
    _p(
        SCRIPTS, "en", "Chinese Ambassador Li Wenjun said the railway would be finished in 2027.", "Li Wenjun"
    ),
    _p(
        SCRIPTS,
        "en",
        "Korean Minister of Trade Park Ji-hoon met Uzbek officials in Tashkent.",
        "Park Ji-hoon",
    ),
    _p(SCRIPTS, "en", "Iranian Foreign Minister Mohammad Rezaei arrived in Yerevan.", "Mohammad Rezaei"),
    _p(
        SCRIPTS, "en", "Japanese Ambassador Kenji Morisawa opened the exhibition in Astana.", "Kenji Morisawa"
    ),
    _p(
        SCRIPTS,
        "ru",
        "Посол Китая Ли Вэньцзюнь заявил, что дорога будет достроена в 2027 году.",
        "Ли Вэньцзюнь",
    ),
    _p(SCRIPTS, "ru", "Министр иностранных дел Ирана Мохаммад Резаи прибыл в Ереван.", "Мохаммад Резаи"),
    _p(SCRIPTS, "ru", "Посол Японии Кэндзи Морисава открыл выставку в Астане.", "Кэндзи Морисава"),
)


def main() -> None:
    report({"people": PEOPLE_WORDINGS}, judge, verbose_flag(__doc__ or ""))


if __name__ == "__main__":
    main()
