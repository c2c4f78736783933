"""CSV exports written by the database (app/common/export.py) are byte for byte the Python path's
(rows.py `Plan.csv_text`, itself checked against the csv module in tests/test_fast_rows.py): over the
whole seed, every resource that reads rows, both languages, with odd values put in."""

import datetime as dt
import math
import random
import struct
from dataclasses import replace
from types import SimpleNamespace
from typing import Any

import pytest
from pydantic import BaseModel
from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    Table,
    case,
    delete,
    insert,
    literal_column,
    select,
    update,
)
from sqlalchemy.orm import Session

from app.common import csv_lines, export
from app.common.csv_lines import CsvLine, csv_columns, csv_line
from app.common.export import every_csv_line
from app.common.listing import Listing
from app.common.rows import cell
from app.events.repository import EVENTS
from app.events.schemas import EventRead
from app.models import (
    Citation,
    ContestedValue,
    Country,
    InfrastructureProject,
    TradeFigure,
    project_trade_figures,
)
from app.reference.repository import COUNTRIES
from app.reference.schemas import CountryRead
from app.trade.repository import TRADE_FIGURES
from app.trade.schemas import TradeFigureRead
from tests.test_fast_rows import IDS, READERS


def python_lines(session: Session, listing: Listing[Any], params: Any, lang: str, columns: list[str]) -> str:
    return "".join(listing.every_csv_text(session, select(listing.model), params, lang, columns))


def database_lines(
    session: Session, listing: Listing[Any], params: Any, lang: str, columns: list[str]
) -> str:
    computed = replace(listing, stored_lines=False)  # the lines SQL writes, not those the writers kept
    return "".join(every_csv_line(session, computed, select(listing.model), params, lang, columns))


def first_difference(expected: str, got: str) -> str:
    for want, have in zip(expected.split("\r\n"), got.split("\r\n"), strict=False):
        if want != have:
            return f"want {want!r}\nhave {have!r}"
    return "lengths differ"


def assert_same(session: Session, listing: Listing[Any], schema: type[BaseModel], **query: Any) -> None:
    lang = query.pop("lang", "en")
    params = SimpleNamespace(**{"fields": [], "sort": "id", "cursor": None, **query})
    columns = csv_columns(schema, params.fields)
    expected = python_lines(session, listing, params, lang, columns)
    got = database_lines(session, listing, params, lang, columns)
    assert got == expected, first_difference(expected, got)


@pytest.mark.parametrize(("path", "listing", "schema"), READERS, ids=IDS)
def test_database_lines_are_the_python_lines(
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    listing: Listing[Any],
    schema: type[BaseModel],
) -> None:
    monkeypatch.setattr(export, "SQL_BATCH", 5)  # several batches even on the seed
    monkeypatch.setattr(export, "DATABASE_BUILT", {"sqlite", "postgresql"})
    assert listing.reader is not None
    plan = listing.reader.plan("en")
    assert csv_line(plan, csv_columns(schema), session.get_bind().dialect.name).sql is not None
    for lang in ("en", "ru"):
        assert_same(session, listing, schema, lang=lang)
        assert_same(session, listing, schema, lang=lang, fields=["id", listing.reader.fields[-1]])
        assert_same(session, listing, schema, lang=lang, sort="-id")
        other = next(key for key in listing.sorting.columns if key != "id")
        page = SimpleNamespace(fields=[], sort=f"-{other}", limit=2, cursor=None)
        _, cursor = listing.page_items(session, select(listing.model), page, lang)
        assert_same(session, listing, schema, lang=lang, sort=f"-{other}", cursor=cursor)


ODD_TEXT = ['a,b "c"\nd', "=x\r\ny", "x\n=y", "@", " ünï, None", "-5", "+1", "\tx", "\rx", "'q", "", "a | b"]
ODD_FLOATS = [0.1, 1e20, 533000000.0, -5.0, -0.0, 12.5, 1e-7, 1e16, 1.5e15 + 0.5, 0.1 + 0.2, 123.456, 1e15]
ODD_FLOATS += [2.0**63, -(2.0**70), 9.2e18, 0.0001, 5e-5, 1234567890123.25]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_odd_values_are_written_as_the_python_path_writes_them(
    session: Session, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Quotes, commas, line breaks, formulas, unicode and floats that repr() writes with 16 or 17
    digits or an exponent, in records, references and lists; None where a column allows it."""
    monkeypatch.setattr(export, "SQL_BATCH", 2)
    monkeypatch.setattr(export, "DATABASE_BUILT", {"sqlite", "postgresql"})
    figures = session.scalars(select(TradeFigure).order_by(TradeFigure.id)).all()
    citations = session.scalars(
        select(Citation).where(Citation.trade_figure_id.is_not(None)).order_by(Citation.id)
    ).all()
    for at, citation in enumerate(citations):
        quote = ODD_TEXT[at % len(ODD_TEXT)] or "x"
        session.execute(update(Citation).where(Citation.id == citation.id).values(quote=quote))
    country = session.get(Country, figures[0].reporter_id)
    assert country is not None
    country.name_en = country.name_ru = '=Odd, "name"\n'
    slots = 2 * len(figures)
    for start in range(0, len(ODD_FLOATS), slots):
        values = [*ODD_FLOATS[start : start + slots], None, None]
        for at, figure in enumerate(figures):
            text = ODD_TEXT[(start + at) % len(ODD_TEXT)]
            figure.note_en = figure.note_ru = text if at % 3 else None
            figure.commodity = text or "TOTAL"
            pair = [value for value in values[2 * at : 2 * at + 2] if value is not None]
            figure.value = low = min(pair, default=1.0)
            high = max(pair, default=None)
            figure.value_upper = high if high is not None and high > low else None
            figure.bound = "at_least"  # type: ignore[assignment]
        session.flush()
        session.expire_all()
        for query in ({}, {"sort": "-value"}, {"fields": ["value"]}, {"fields": ["note"]}):
            assert_same(session, TRADE_FIGURES, TradeFigureRead, lang=lang, **query)
    assert_same(session, EVENTS, EventRead, lang=lang)
    assert_same(session, COUNTRIES, CountryRead, lang=lang)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_lists_with_and_without_items_are_written_as_the_python_path_writes_them(
    session: Session, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """A list's subquery runs only for a record with items in it (`CsvLine._cells`): records with
    items in none, some or all of their lists, odd text in the items, the lists alone or among
    other columns."""
    monkeypatch.setattr(export, "SQL_BATCH", 2)
    monkeypatch.setattr(export, "DATABASE_BUILT", {"sqlite", "postgresql"})
    figures = session.scalars(select(TradeFigure.id).order_by(TradeFigure.id)).all()
    source = session.scalars(select(Citation.source_id).order_by(Citation.id).limit(1)).one()
    projects = session.scalars(select(InfrastructureProject.id).order_by(InfrastructureProject.id)).all()
    linked = {tuple(row) for row in session.execute(select(project_trade_figures))}
    when = dt.datetime(2026, 12, 4, tzinfo=dt.UTC)
    for at, figure in enumerate(figures[:8]):
        for n in range(at % 3):  # none, one or two contested values
            text = ODD_TEXT[(at + n) % len(ODD_TEXT)]
            session.add(
                ContestedValue(
                    trade_figure_id=figure, field=text or "value", value=text, source_id=source,
                    quote=text or "x", paragraph=at, char_start=n, char_end=n + 1, created_at=when,
                )
            )  # fmt: skip
        links = [
            {"project_id": project, "trade_figure_id": figure}
            for project in projects[: at % 3]
            if (project, figure) not in linked and (figure, project) not in linked
        ]
        if links:
            session.execute(insert(project_trade_figures), links)
    session.flush()
    for query in ({}, {"fields": ["contested"]}, {"fields": ["projects"]}, {"fields": ["id", "projects"]}):
        assert_same(session, TRADE_FIGURES, TradeFigureRead, lang=lang, **query)
    assert_same(session, EVENTS, EventRead, lang=lang, fields=["countries"])


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_none_one_or_several_citations_are_written_as_the_python_path_writes_them(
    session: Session, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """On SQLite a list of one item is written from the item's row, without the list's aggregate
    (`CsvLine._by_count`): figures of none, one and two citations, odd text and NULLs in them."""
    monkeypatch.setattr(export, "SQL_BATCH", 2)
    monkeypatch.setattr(export, "DATABASE_BUILT", {"sqlite", "postgresql"})
    figures = session.scalars(select(TradeFigure.id).order_by(TradeFigure.id)).all()
    source = session.scalars(select(Citation.source_id).order_by(Citation.id).limit(1)).one()
    for at, figure in enumerate(figures[:9]):
        session.execute(delete(Citation).where(Citation.trade_figure_id == figure))
        for n in range(at % 3):
            text = ODD_TEXT[(at + n) % len(ODD_TEXT)]
            located = at % 2 == 0
            session.add(
                Citation(
                    trade_figure_id=figure, source_id=source, quote=text or "x",
                    paragraph=at if located else None, char_start=n if located else None,
                    char_end=n + 1 if located else None, line=None if located else at + n,
                )
            )  # fmt: skip
    session.flush()
    for query in ({}, {"fields": ["citations"]}, {"fields": ["id", "citations"]}, {"sort": "-id"}):
        assert_same(session, TRADE_FIGURES, TradeFigureRead, lang=lang, **query)


def test_a_computed_value_of_plain_constants_is_written_once() -> None:
    """`support` (a CASE of subqueries) is plain text: the database computes it once per line, not once
    per test of its text; a CASE with a constant the csv module would quote or escape is not."""
    assert csv_lines._constant_outcomes(TradeFigure.support)
    assert not csv_lines._constant_outcomes(TradeFigure.note_en)
    assert not csv_lines._constant_outcomes(
        case((TradeFigure.value > 0, literal_column("'=1'")), else_=literal_column("'x'"))
    )
    assert not csv_lines._constant_outcomes(
        case((TradeFigure.value > 0, literal_column("'a,b'")), else_=literal_column("'x'"))
    )
    assert csv_lines._constant_outcomes(
        case((TradeFigure.value > 0, literal_column("'y'")), else_=literal_column("'x'"))
    )


def random_floats(count: int) -> list[float]:
    """Floats of every shape: any bit pattern, decimals of a few digits (most data), whole numbers up
    to and past 2**63, and the edges of the ranges SQL writes (1e-4, 1e15)."""
    rng = random.Random(16)
    found: list[float] = [0.0, -0.0, 1e-4, -1e-4, 9.999999999999999e-05, 1e15, 1e15 - 0.5, 999999999999999.9]
    found += [2.0**53 + 2, 2.0**63, -(2.0**63), 9.2e18, 9.3e18, 1.7976931348623157e308, 5e-324]
    while len(found) < count:
        shape = rng.randrange(4)
        if shape == 0:
            value = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
        elif shape == 1:
            value = round(rng.uniform(-1e6, 1e6), rng.randrange(8))
        elif shape == 2:
            value = float(rng.randrange(-(2**64), 2**64)) / 10 ** rng.randrange(20)
        else:
            value = rng.random() * 10.0 ** rng.randrange(-8, 18)
        if math.isfinite(value):
            found.append(value)
    return found


def test_a_float_sql_writes_is_the_python_paths_cell(session: Session) -> None:
    """Every float SQL writes (`CsvLine._float`) is `rows.cell`'s text for it; the rest are NULL (the
    Python path writes their lines). The decimals of a few digits that data mostly holds are all
    written by SQL."""
    floats = random_floats(4000)
    table = Table("odd_floats", MetaData(), Column("at", Integer), Column("v", Float), prefixes=["TEMPORARY"])
    table.create(session.connection())
    session.execute(table.insert(), [{"at": at, "v": value} for at, value in enumerate(floats)])
    line = CsvLine(TRADE_FIGURES.reader.plan("en"), ["id"], session.get_bind().dialect.name)
    written = dict(session.execute(select(table.c.at, line._float(table.c.v))).all())
    wrong = [
        (floats[at], text) for at, text in written.items() if text is not None and text != cell(floats[at])
    ]
    assert not wrong
    for at, value in enumerate(floats):
        short = len(repr(value).lstrip("-").replace(".", "").lstrip("0")) <= 15
        if short and ((value.is_integer() and abs(value) < 9.2e18) or 1e-4 <= abs(value) < 1e15):
            assert written[at] is not None, value
