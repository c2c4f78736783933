# ruff: noqa: E501 -- a catalogue of whole sentences, one to a line, reads better unbroken
"""Kinds of wording by which wire reports tell events the rules still missed (a postponement told with
only its old time, a summit in a city no place list knows), each kind told by sentences of our own,
with the event an annotator following bench/extraction/README.md would write: run through the
extractor, it prints how many of each kind it gets right (issue 12; see
docs/benchmarks/2026-12-04-extraction-events-split.md).

    .venv/bin/python -m bench.extraction_event_wordings [--verbose]

A sentence passes when the extractor proposes one event, matched as the benchmark matches
(bench/extraction_score.py), with the expected status, date and host country (None: the text names
no host the rules can know without inventing one). Every sentence was written for this catalogue;
none comes from a development set or an article. The runner is bench/extraction_wordings.py's.
"""

from typing import Any, NamedTuple

from bench.extraction_score import matches
from bench.extraction_wordings import Outcome, Wording, proposals_of, report, verbose_flag


class Event(NamedTuple):
    type: str
    status: str
    date: str
    host_country: str | None
    countries: str  # ISO codes, space-separated


def _e(kind: str, language: str, text: str, expected: Event | None) -> Wording:
    return Wording(kind, language, text, expected)


def _key(body: dict[str, Any]) -> tuple[Any, ...]:
    return (
        body["type"],
        body.get("status", "held"),
        body["date"],
        body.get("host_country"),
        " ".join(sorted(body["countries"])),
    )


def judge(wording: Wording) -> Outcome:
    proposals = proposals_of(wording, "event")
    proposed = [_key(b) for b in proposals]
    if wording.expected is None:
        return Outcome(wording, proposed, not proposals)
    expected = Event(*wording.expected)
    gold = {"type": expected.type, "date": expected.date, "countries": expected.countries.split()}
    passed = (
        len(proposals) == 1
        and matches("event", gold, proposals[0])
        and proposed[0][1:4] == (expected.status, expected.date, expected.host_country)
    )
    return Outcome(wording, proposed, passed)


CANCELLED = "cancelled"
PLANNED = "planned"
HELD = "held"

EVENT_WORDINGS: tuple[Wording, ...] = (
    # Postponed, told with the time it was to take place and no new one: the `cancelled` event alone,
    # on its old dates (README: a postponed or moved event); a month with no year is the one nearest
    # the report, before or after it (holdout-11: "postponed from December", told in March).
    _e(
        "postponed: old time alone",
        "en",
        "The state visit of the Kyrgyz president to Tajikistan was postponed from June.",
        Event("state_visit", CANCELLED, "2026-06", "TJ", "KG TJ"),
    ),
    _e(
        "postponed: old time alone",
        "en",
        "The session of the intergovernmental commission of Kazakhstan and Uzbekistan has been postponed from 10 June.",
        Event("intergovernmental_commission", CANCELLED, "2026-06-10", None, "KZ UZ"),
    ),
    _e(
        "postponed: old time alone",
        "en",
        "Ilham Aliyev was due to pay an official visit to Uzbekistan. The visit was postponed from June.",
        Event("official_visit", CANCELLED, "2026-06", "UZ", "AZ UZ"),
    ),
    _e(
        "postponed: old time alone",
        "ru",
        "Государственный визит президента Туркменистана в Турцию перенесён с марта.",
        Event("state_visit", CANCELLED, "2026-03", "TR", "TM TR"),
    ),
    _e(
        "postponed: old time alone",
        "ru",
        "Заседание межправительственной комиссии Азербайджана и Казахстана отложено с 15 июня.",
        Event("intergovernmental_commission", CANCELLED, "2026-06-15", None, "AZ KZ"),
    ),
    _e(
        "postponed: old time alone",
        "ru",
        "Президент Казахстана должен был посетить Монголию с официальным визитом. Визит перенесён с октября.",
        Event("official_visit", CANCELLED, "2026-10", "MN", "KZ MN"),
    ),
    # A summit in a city no place list knows: the summit all the same, its host left empty unless the
    # text names the city's country (a host guessed from the pair or a dateline would be invented).
    _e(
        "summit: city not in the place list",
        "en",
        "The trilateral summit of Azerbaijan, Türkiye and Turkmenistan will be held in Avaza in August.",
        Event("summit", PLANNED, "2026-08", None, "AZ TM TR"),
    ),
    _e(
        "summit: city not in the place list",
        "en",
        "The leaders of Kazakhstan, Uzbekistan and Kyrgyzstan will meet for a trilateral summit in Osh on 12 June.",
        Event("summit", PLANNED, "2026-06-12", None, "KG KZ UZ"),
    ),
    _e(
        "summit: city not in the place list",
        "en",
        "Uzbekistan and Tajikistan held a summit in Termez on 15 May.",
        Event("summit", HELD, "2026-05-15", None, "TJ UZ"),
    ),
    _e(
        "summit: city not in the place list",
        "ru",
        "Саммит глав государств Казахстана, Кыргызстана и Таджикистана пройдёт в Худжанде 5 июня.",
        Event("summit", PLANNED, "2026-06-05", None, "KG KZ TJ"),
    ),
    _e(
        "summit: city not in the place list",
        "ru",
        "Трёхсторонний саммит Азербайджана, Турции и Туркменистана состоялся в Авазе 14 мая.",
        Event("summit", HELD, "2026-05-14", None, "AZ TM TR"),
    ),
    _e(
        "summit: city told with its country",
        "en",
        "The summit of Uzbekistan and Kyrgyzstan will take place in the Kyrgyz city of Osh on 10 June.",
        Event("summit", PLANNED, "2026-06-10", "KG", "KG UZ"),
    ),
    _e(
        "summit: city told with its country",
        "ru",
        "Саммит Узбекистана и Кыргызстана пройдёт в кыргызском городе Ош 10 июня.",
        Event("summit", PLANNED, "2026-06-10", "KG", "KG UZ"),
    ),
    _e(
        "summit: city in the place list",
        "en",
        "The trilateral summit of Kazakhstan, Uzbekistan and Azerbaijan will be held in Samarkand on 8 June.",
        Event("summit", PLANNED, "2026-06-08", "UZ", "AZ KZ UZ"),
    ),
)


# Written after the rules for EVENT_WORDINGS were, before they were run on them: the same kinds in
# other words, to see how far the rules carry.
FRESH: tuple[Wording, ...] = (
    _e(
        "postponed: old time alone",
        "en",
        "The meeting of the Kazakh-Kyrgyz intergovernmental commission, set for 3 June, has been postponed.",
        Event("intergovernmental_commission", CANCELLED, "2026-06-03", None, "KG KZ"),
    ),
    _e(
        "postponed: old time alone",
        "ru",
        "Визит президента Азербайджана в Казахстан, намеченный на июль, отложен.",
        Event("visit", CANCELLED, "2026-07", "KZ", "AZ KZ"),
    ),
    _e(
        "summit: city not in the place list",
        "en",
        "A summit of Turkmenistan, Iran and Azerbaijan will take place in the resort town of Avaza on 21 August.",
        Event("summit", PLANNED, "2026-08-21", None, "AZ IR TM"),
    ),
    _e(
        "summit: city not in the place list",
        "ru",
        "Саммит Казахстана, Узбекистана и Туркменистана состоится в Туркестане в сентябре.",
        Event("summit", PLANNED, "2026-09", None, "KZ TM UZ"),
    ),
    _e(
        "summit: city told with its country",
        "en",
        "The presidents of Tajikistan and Kyrgyzstan held a summit in the Tajik city of Khujand on 16 May.",
        Event("summit", HELD, "2026-05-16", "TJ", "KG TJ"),
    ),
)


def main() -> None:
    report({"catalogue": EVENT_WORDINGS, "fresh": FRESH}, judge, verbose_flag(__doc__ or ""))


if __name__ == "__main__":
    main()
