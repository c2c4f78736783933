"""The import's fast paths give what the slow ones give: RowChecker as check_row, FigureDocuments as
app.search's document_fields and the model's search_text. No database."""

import random
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from app.imports.documents import FigureDocuments, search_text
from app.imports.trade import COLUMNS, FigureRow, RowChecker, RowErrors, check_row
from app.models import Bound, FigureStatus, Indicator, SearchRecordType
from app.search.repository import KINDS, document_fields

COUNTRIES = frozenset({"AZ", "KZ", "UZ", "TR"})
# Per column, spellings a file may hold: good, odd (whitespace, case, JSON types) and bad.
CELLS: dict[str, list[Any]] = {
    "id": [None, "", "az-kz-1", " az-kz-2", "Not A Slug", "x" * 121, 5, True],
    "reporter": ["AZ", "az", " KZ", "XX", "", None, 1, True],
    "partner": ["KZ", "uz", "AZ ", "", "TR", None],
    "indicator": ["exports", "imports", " exports", "export", "", None, True],
    "commodity": [None, "", "TOTAL", "2709", " 27 ", "   ", "x" * 41, "a\nb", 27, True],
    "period": ["2024", "2025-01/2025-09", " 2024", "2024-13", "2025/2024", "", None, 2024, "2024-02-30"],
    "period_start": [None, "", "2024-01", " "],
    "period_end": [None, "", "2024-03"],
    "value": ["1", "6.5", "5.33e8", " 7 ", "1,5", "nan", "inf", "", None, 12, 1.5, True, float("inf")],
    "value_upper": [None, "", "20", "0.5", "x", 30],
    "unit": ["USD", "tonnes", " USD", "RUB", "", None],
    "bound": ["exact", "range", "at_least", "at_most", "approximate", "", "nope"],
    "status": ["reported", "forecast", "", "guessed", None],
    "compared_period": [None, "", "2023", "2023-01/2023-09", "bad"],
    "compared_period_start": [None, "", "2023-01"],
    "compared_period_end": [None, "", "2023-09"],
    "note_en": [None, "", "  ", "About 120 million.", " two\nlines ", 5, False],
    "note_ru": [None, "", "Около 120 млн."],
    "citation_source_id": [None, "", "a-source"],
    "citation_quote": [None, "", "a quote"],
    "citation_paragraph": [None, "", "2", "x"],
}
GOOD = {
    "reporter": "AZ",
    "partner": "KZ",
    "indicator": "exports",
    "period": "2024",
    "value": "1",
    "unit": "USD",
    "bound": "exact",
    "status": "reported",
}


def outcome(check: Any, fields: dict[str, Any]) -> FigureRow | list[tuple[str, str]]:
    try:
        return check(7, "the line", fields)  # type: ignore[no-any-return]
    except RowErrors as exc:
        return exc.errors


def slow(line: int, text: str, fields: dict[str, Any]) -> FigureRow:
    return check_row(line, text, fields, COUNTRIES)


@pytest.mark.parametrize("seed", range(4))
def test_the_row_checker_gives_what_check_row_gives(seed: int) -> None:
    rng = random.Random(seed)
    checker = RowChecker(COUNTRIES)
    for _ in range(3000):
        fields = dict(GOOD)
        for name in rng.sample(list(CELLS), rng.randint(0, 3)):
            value = rng.choice(CELLS[name])
            if value is None and rng.random() < 0.5:
                fields.pop(name, None)  # a column the file does not have
            else:
                fields[name] = value
        assert outcome(checker.check, fields) == outcome(slow, fields), fields


def test_the_row_checker_takes_plain_rows_the_fast_way() -> None:
    checker = RowChecker(COUNTRIES)
    assert set(GOOD) < set(COLUMNS)
    for fields in (GOOD, GOOD | {"period": "2025-01/2025-03", "value": 5.0, "note_en": "n", "id": "a-b"}):
        fast = checker._fast(7, "the line", dict(fields))
        assert fast is not None and fast == slow(7, "the line", dict(fields))


def test_errors_still_name_each_field() -> None:
    fields = GOOD | {"reporter": "XX", "value": "1,5", "status": "guessed"}
    with pytest.raises(RowErrors) as raised:
        RowChecker(COUNTRIES).check(3, "", fields)
    assert [name for name, _ in raised.value.errors] == ["reporter", "value", "status"]
    assert "decimal separator" in raised.value.errors[1][1]


NAMES = {
    "AZ": SimpleNamespace(name_en="Azerbaijan", name_ru="Азербайджан"),
    "KZ": SimpleNamespace(name_en="Kazakhstan", name_ru="Казахстан"),
    "TR": SimpleNamespace(name_en="Türkiye", name_ru="Турция"),
    "XA": SimpleNamespace(name_en="Korea, Republic of", name_ru="Корея,\nРеспублика"),
}


def figure(**changes: Any) -> dict[str, Any]:
    values = {
        "reporter_id": "AZ",
        "partner_id": "KZ",
        "indicator": Indicator.exports,
        "commodity": "TOTAL",
        "period_start": date(2024, 1, 1),
        "period_end": date(2024, 12, 31),
        "status": FigureStatus.reported,
        "bound": Bound.exact,
        "note_en": None,
        "note_ru": None,
    }
    return values | changes


def reference(values: dict[str, Any], quotes: list[str | None]) -> dict[str, str]:
    record = SimpleNamespace(
        **values,
        reporter=NAMES[values["reporter_id"]],
        partner=NAMES[values["partner_id"]],
        citations=[SimpleNamespace(quote=quote) for quote in quotes],
    )
    return document_fields(KINDS[SearchRecordType.trade_figure], record)


CASES = [
    (figure(), ["AZ,KZ,exports,2024,120000000,USD,exact,reported"]),
    (figure(), ['AZ,KZ,exports,2024,"1,5",USD,exact,reported']),
    (figure(commodity="2709", status=FigureStatus.forecast), ["Türkiye,İstanbul,ПОРТ,12.5,1e9"]),
    (figure(partner_id="TR", period_end=date(2024, 3, 31)), ["a row\non two lines", None, ""]),
    (figure(note_en="About 120 million.", note_ru="Около\n120 млн."), ["q", "q", "  "]),
    (figure(reporter_id="XA", commodity="27 (crude)"), ["x"]),  # a name on two lines
    (figure(period_start=date(2024, 1, 15), period_end=date(2025, 2, 28)), ["AZ,,KZ,, ,٣"]),
    (figure(), ["Exports Azerbaijan–Kazakhstan, 2024"]),  # a quote that is the title
    (figure(), []),
]


@pytest.mark.parametrize(("values", "quotes"), CASES)
def test_documents_are_those_app_search_builds(values: dict[str, Any], quotes: list[str | None]) -> None:
    documents = FigureDocuments(NAMES)
    expected = reference(values, quotes)
    assert documents.fields(values, quotes) == expected
    assert documents.fields(values, quotes) == expected  # from what it remembers, the second time
    assert documents._fields(values, quotes) in (None, expected)
    assert documents.search_text(values) == search_text(values)


def test_documents_follow_app_search_should_it_change_its_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = FigureDocuments(NAMES)
    # As if app.search built documents another way now: the first document shows the difference.
    values, quotes = figure(), ["q"]
    monkeypatch.setattr(FigureDocuments, "reference", lambda self, v, q: {"title_en": "theirs"})
    assert documents.fields(values, quotes) == {"title_en": "theirs"}
    assert documents.fields(values, quotes) == {"title_en": "theirs"}
