"""rules-21 events: English wordings by kind, as wire copy and press services write them: who met whom
by a verb and its object ("received the visiting minister", "sat down with his counterpart"), a day
told by the event before ("On the same day"); from sentences of our own (issue 12)."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

PUBLISHED = date(2025, 12, 5)  # a Friday: "on Wednesday" is 3 December


def events(text: str) -> list[dict[str, Any]]:
    return checked_bodies(text, "en", "event", PUBLISHED)


def rows(text: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return sorted(
        (body["type"], body.get("status", "held"), body["date"], tuple(body["countries"]))
        for body in events(text)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The President of Uzbekistan received the visiting Turkish foreign minister in Tashkent on "
            "Dec. 3.",
            [("talks", "held", "2025-12-03", ("TR", "UZ"))],
        ),
        (
            "The Kyrgyz prime minister welcomed a Kazakh government delegation led by the deputy prime "
            "minister in Bishkek on Wednesday.",
            [("talks", "held", "2025-12-03", ("KG", "KZ"))],
        ),
        (
            "In Ankara on Thursday, the Turkish foreign minister sat down with his Uzbek counterpart to "
            "review last year's roadmap.",
            [("ministerial_meeting", "held", "2025-12-04", ("TR", "UZ"))],
        ),
        (
            "Uzbekistan's leader met the Turkish president in Ankara on Thursday.",
            [("talks", "held", "2025-12-04", ("TR", "UZ"))],
        ),
        (
            "A meeting between the Kazakh and Kyrgyz prime ministers took place in Bishkek on Wednesday.",
            [("talks", "held", "2025-12-03", ("KG", "KZ"))],
        ),
    ],
)
def test_who_met_whom_told_by_a_verb_and_the_person_met(
    text: str, expected: list[tuple[str, str, str, tuple[str, ...]]]
) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In November Georgia received 40,000 tonnes of Kazakh wheat through its Black Sea ports.",
        "The Kazakh and Uzbek leaders welcomed the launch in August of a new rail freight service.",
        "Kazakhstan met its target for grain exports to Azerbaijan in 2024.",
    ],
)
def test_a_verb_of_meeting_without_a_person_met_is_no_event(text: str) -> None:
    assert events(text) == []


def test_a_meeting_on_the_same_day_is_dated_by_the_event_before() -> None:
    text = (
        "On 3 December the Turkmen foreign minister, who is in Azerbaijan on a working visit, held talks "
        "with his Azerbaijani counterpart in Baku.\n\nThe sides also discussed the summit of the two "
        "presidents, which is scheduled to take place in Ashgabat next year.\n\nOn the same day, the "
        "Turkmen minister was received by the President of Azerbaijan."
    )
    assert rows(text) == [
        ("summit", "planned", "2026", ("AZ", "TM")),
        ("working_visit", "held", "2025-12-03", ("AZ", "TM")),
    ]


@pytest.mark.parametrize(
    ("text", "session"),
    [
        (
            "The foreign ministers of Uzbekistan and Kazakhstan met in Tashkent on Wednesday and discussed "
            "the work of the intergovernmental commission, whose next session is scheduled for May in "
            "Astana.",
            ("intergovernmental_commission", "planned", "2026-05", "KZ"),
        ),
        (
            "The economy ministers of Georgia and Azerbaijan met in Tbilisi on Tuesday to review the agenda "
            "of the joint commission, which will next meet in Baku in March.",
            ("intergovernmental_commission", "planned", "2026-03", "AZ"),
        ),
    ],
)
def test_a_body_s_next_session_told_in_a_relative_clause_is_planned_at_its_own_time_and_place(
    text: str, session: tuple[str, str, str, str]
) -> None:
    found = sorted(
        (body["type"], body.get("status", "held"), body["date"], body.get("host_country"))
        for body in events(text)
    )
    meeting = found[1]
    assert found[0] == session
    assert meeting[0] == "ministerial_meeting" and meeting[1] == "held" and meeting[2].startswith("2025-12-0")


def hosted(text: str) -> list[tuple[str, str, str | None, tuple[str, ...]]]:
    return sorted(
        (body["type"], body["date"], body.get("host_country"), tuple(body["countries"]))
        for body in events(text)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The presidents of Uzbekistan and Azerbaijan met on the sidelines of a regional summit in "
            "Dushanbe on Dec. 2.",
            [("talks", "2025-12-02", "TJ", ("AZ", "TJ", "UZ"))],
        ),
        (
            "ASTANA, Dec 3 (Reuters) - Kazakhstan's president held talks with the visiting Uzbek foreign "
            "minister on Wednesday.",
            [("talks", "2025-12-03", "KZ", ("KZ", "UZ"))],
        ),
        (
            "BAKU, 3 December - The presidents of Azerbaijan and Georgia held talks on Wednesday.",
            [("talks", "2025-12-03", "AZ", ("AZ", "GE"))],
        ),
        (
            "The Kazakh foreign minister travelled to Baku on Monday for talks with his Azerbaijani "
            "counterpart.",
            [("ministerial_meeting", "2025-12-01", "AZ", ("AZ", "KZ"))],
        ),
        (
            "The Uzbek president received the Azerbaijani foreign minister in the Uzbek capital on Tuesday.",
            [("talks", "2025-12-02", "UZ", ("AZ", "UZ"))],
        ),
    ],
)
def test_where_a_meeting_was_held_told_by_a_dateline_a_journey_or_the_capital(
    text: str, expected: list[tuple[str, str, str | None, tuple[str, ...]]]
) -> None:
    assert hosted(text) == expected


def test_a_dateline_does_not_host_a_meeting_told_at_a_place_of_its_own_or_a_call() -> None:
    text = (
        "ASTANA, Dec 3 (Reuters) - Kazakhstan's deputy foreign minister held consultations with his "
        "Chilean counterpart in Valparaiso on Tuesday. On Wednesday the President of Kazakhstan held a "
        "telephone conversation with the President of Azerbaijan."
    )
    assert [body.get("host_country") for body in events(text)] == [None, None]


def test_a_ministers_meeting_told_apart_from_a_visit_is_an_event_of_its_own() -> None:
    text = (
        "The Kazakh president will pay a state visit to Azerbaijan in February, the two foreign ministers "
        "said after their meeting in Astana on Tuesday."
    )
    assert rows(text) == [
        ("ministerial_meeting", "held", "2025-12-02", ("AZ", "KZ")),
        ("state_visit", "planned", "2026-02", ("AZ", "KZ")),
    ]
    assert sorted(body.get("host_country") for body in events(text)) == ["AZ", "KZ"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Uzbek prime minister is in Baku on an official visit that began on Thursday.",
            [("official_visit", "held", "2025-12-04", ("AZ", "UZ"))],
        ),
        (
            "A state visit by the Mongolian president to Kazakhstan is planned for the spring.",
            [("state_visit", "planned", "2026-03/2026-05", ("KZ", "MN"))],
        ),
        (
            "The prime ministers of Kyrgyzstan and Uzbekistan are to meet in Bishkek later this month.",
            [("talks", "planned", "2025-12", ("KG", "UZ"))],
        ),
        (
            "Talks between the prime ministers of Azerbaijan and Georgia, held in Baku on Monday and "
            "Tuesday, focused on energy.",
            [("talks", "held", "2025-12-01/2025-12-02", ("AZ", "GE"))],
        ),
        (
            "TASHKENT, Dec 4 (Reuters) - Uzbekistan and Azerbaijan signed 12 agreements on Thursday during "
            "a state visit by the Azerbaijani president.",
            [("state_visit", "held", "2025-12-04", ("AZ", "UZ"))],
        ),
    ],
)
def test_wire_wordings_of_a_visit_s_course_an_arrangement_and_two_days(
    text: str, expected: list[tuple[str, str, str, tuple[str, ...]]]
) -> None:
    assert rows(text) == expected


def test_a_country_that_hosts_a_meeting_is_its_host() -> None:
    text = "Uzbekistan will host the next round of talks with Kyrgyzstan on border delimitation in January."
    assert hosted(text) == [("talks", "2026-01", "UZ", ("KG", "UZ"))]


def test_a_season_with_its_own_year_or_told_as_held_keeps_its_year() -> None:
    assert (
        rows("The Kazakh president paid a state visit to Mongolia in the spring.")[0][2] == "2025-03/2025-05"
    )
    planned = "A state visit by the Mongolian president to Kazakhstan is planned for the spring of 2025."
    assert rows(planned)[0][2] == "2025-03/2025-05"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "BAKU, Dec 5 - Azerbaijan and Uzbekistan will hold the next session of their intergovernmental "
            "commission in Baku in the first half of 2026, the economy ministry said on Friday. The previous "
            "session was held in Tashkent in October 2024.",
            [
                ("intergovernmental_commission", "2024-10", "UZ", ("AZ", "UZ")),
                ("intergovernmental_commission", "2026-01/2026-06", "AZ", ("AZ", "UZ")),
            ],
        ),
        (
            "Kyrgyzstan and Kazakhstan held the 20th meeting of their intergovernmental commission in "
            "Bishkek on Nov. 27-28. The next meeting is planned for autumn 2026 in Astana.",
            [
                ("intergovernmental_commission", "2025-11-27/2025-11-28", "KG", ("KG", "KZ")),
                ("intergovernmental_commission", "2026-09/2026-11", "KZ", ("KG", "KZ")),
            ],
        ),
    ],
)
def test_a_body_s_sessions_before_and_after_each_dated_by_its_own_clause(
    text: str, expected: list[tuple[str, str, str | None, tuple[str, ...]]]
) -> None:
    assert hosted(text) == expected


def test_a_journey_of_someone_named_by_office_is_a_visit_and_of_goods_no_event() -> None:
    assert rows("The Georgian prime minister will travel to Azerbaijan next week.") == [
        ("visit", "planned", "2025-12-08/2025-12-14", ("AZ", "GE"))
    ]
    assert events("Kazakh grain will travel to Iran next month through Turkmenistan.") == []


def test_talks_told_a_day_after_an_arrival_on_a_visit_are_the_visit_s() -> None:
    text = (
        "The President of Azerbaijan arrived in Tashkent on Wednesday on a state visit. On Thursday the two "
        "presidents held talks in narrow and expanded formats."
    )
    assert hosted(text) == [("state_visit", "2025-12-03/2025-12-04", "UZ", ("AZ", "UZ"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Turkish and Azerbaijani presidents spoke by telephone on Thursday and agreed to meet in "
            "Ankara in January.",
            [("phone_call", "2025-12-04", None, ("AZ", "TR")), ("talks", "2026-01", "TR", ("AZ", "TR"))],
        ),
        (
            "The presidents of Azerbaijan and Bulgaria discussed gas in a telephone call on Thursday, and "
            "energy ministers are due to meet in Baku on 15 December.",
            [
                ("ministerial_meeting", "2025-12-15", "AZ", ("AZ", "BG")),
                ("phone_call", "2025-12-04", None, ("AZ", "BG")),
            ],
        ),
        (
            "The Turkmen foreign minister wrapped up his visit to Baku on Thursday after two days of talks.",
            [("ministerial_meeting", "2025-12-03/2025-12-04", "AZ", ("AZ", "TM"))],
        ),
    ],
)
def test_a_meeting_to_come_told_after_another_event_and_a_visit_s_place(
    text: str, expected: list[tuple[str, str, str | None, tuple[str, ...]]]
) -> None:
    assert hosted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "No date has been set for the Kyrgyz president's state visit to Tajikistan.",
        "Стороны подтвердили намерение провести в Бишкеке киргизско-таджикский деловой форум, однако его "
        "сроки пока не определены.",
    ],
)
def test_a_gathering_whose_date_is_not_set_is_no_event(text: str) -> None:
    language = "ru" if "Стороны" in text else "en"
    assert checked_bodies(text, language, "event", PUBLISHED) == []
