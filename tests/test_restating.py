"""The citation rule of a writer that states a record again from one source (app.curation.restating):
the rule itself, and its SQL form for the trade importer's batches, which must agree with it."""

from typing import Any

import pytest
from sqlalchemy import delete, text
from sqlalchemy.orm import Session

from app.curation import restating
from app.imports.store import Store
from app.models import Citation, Source, SourceKind
from tests.figures import year_figure

FILE, OTHER_FILE, ARTICLE = "dataset-file", "dataset-other-file", "velizade-2025-az-kz-relations"


def row(source_id: str, line: int, quote: str = "AZ,UZ,exports,2024,5") -> dict[str, Any]:
    return {"source_id": source_id, "quote": quote, "line": line, "char_start": None, "char_end": None}


def quote(start: int, quote: str = "a quoted sentence") -> dict[str, Any]:
    where = {"char_start": start, "char_end": start + len(quote)}
    return {"source_id": ARTICLE, "quote": quote, "line": None} | where


def test_a_restated_record_keeps_what_other_sources_say() -> None:
    stated, other_row, article = row(FILE, 2), row(OTHER_FILE, 5), quote(10)
    current = [dict(stated), other_row, article]
    after = restating.restated(current, [stated], FILE)
    # The stated citation the record has already is kept as it is (not written anew).
    assert after == current and after[0] is current[0]
    # The values changed: another file's row quoted those replaced, an article's quote stays.
    assert restating.restated(current, [stated], FILE, values_changed=True) == [current[0], article]
    # The file is stated again whole: its own row of another line goes.
    assert restating.restated([row(FILE, 3), article], [stated], FILE) == [stated, article]
    # A writer of every source (the seed): the record cites what it states.
    assert restating.restated(current, [stated], None) == [current[0]]


def test_citations_are_the_same_by_source_quote_and_place() -> None:
    assert restating.identity(row(FILE, 2)) == restating.identity(dict(row(FILE, 2)))
    different = [row(OTHER_FILE, 2), row(FILE, 3), row(FILE, 2, "AZ,UZ,exports,2024,6"), quote(10)]
    assert len({restating.identity(c) for c in [row(FILE, 2), *different]}) == 5
    citation = Citation(source_id=ARTICLE, quote="a quoted sentence", paragraph=1, char_start=10, char_end=27)
    assert restating.identity(citation) == restating.identity(quote(10))


# (the record's citations, the one a row states): whether the row leaves them as they are.
CASES = [
    ([row(FILE, 2)], row(FILE, 2)),
    ([row(FILE, 2), row(OTHER_FILE, 5), quote(10)], row(FILE, 2)),
    ([row(FILE, 2, "AZ,UZ,exports,2024,6")], row(FILE, 2)),
    ([row(FILE, 3)], row(FILE, 2)),
    ([row(FILE, 2), row(FILE, 3)], row(FILE, 2)),
    ([row(OTHER_FILE, 2)], row(FILE, 2)),
    ([quote(10)], quote(10)),
    ([quote(10), row(OTHER_FILE, 4)], quote(10)),
    ([quote(10), row(FILE, 4)], quote(10)),
    ([quote(30)], quote(10)),
    ([quote(10, "another sentence")], quote(10)),
    ([], row(FILE, 2)),
]


@pytest.mark.parametrize(("current", "stated"), CASES)
def test_the_sql_form_agrees_with_the_rule(
    session: Session, current: list[dict[str, Any]], stated: dict[str, Any]
) -> None:
    """Store.stored_matches asks the database what `restated` would leave unchanged; on both engines
    it answers as the rule does."""
    for source_id in (FILE, OTHER_FILE):
        session.add(
            Source(id=source_id, title=source_id, language="en", kind=SourceKind.dataset, text="rows")
        )
    figure = year_figure(
        "az-uz-exports-2024",
        2024,
        5.0,
        partner_id="UZ",
        citations=[Citation(**c, paragraph=None if c["line"] else 1) for c in current],
    )
    session.add(figure)
    session.flush()
    if not current:
        session.execute(delete(Citation).where(Citation.trade_figure_id == figure.id))
    names = {name: f":stated_{name}" for name in restating.IDENTITY}
    store = Store(session)
    condition = restating.unchanged_sql("trade_figure_id", ":figure", names, ":writer", store._same)
    parameters = {f"stated_{name}": value for name, value in stated.items()}
    unchanged = session.scalar(
        text(f"SELECT CASE WHEN {condition} THEN 1 ELSE 0 END"),
        parameters | {"figure": figure.id, "writer": FILE},
    )
    expected = {restating.identity(c) for c in restating.restated(current, [stated], FILE)}
    assert bool(unchanged) == (expected == {restating.identity(c) for c in current})
