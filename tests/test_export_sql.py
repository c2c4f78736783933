"""CSV exports written by the database (app/common/export.py) are byte for byte the Python path's
(rows.py `Plan.csv_text`, itself checked against the csv module in tests/test_fast_rows.py): over the
whole seed, every resource that reads rows, both languages, with odd values put in."""

from types import SimpleNamespace
from typing import Any

import pytest
from pydantic import BaseModel
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.common import export
from app.common.export import csv_columns, csv_line, every_csv_line
from app.common.listing import Listing
from app.models import Citation, Country, TradeFigure
from tests.test_fast_rows import IDS, READERS


def python_lines(session: Session, listing: Listing[Any], params: Any, lang: str, columns: list[str]) -> str:
    return "".join(listing.every_csv_text(session, select(listing.model), params, lang, columns))


def database_lines(
    session: Session, listing: Listing[Any], params: Any, lang: str, columns: list[str]
) -> str:
    return "".join(every_csv_line(session, listing, select(listing.model), params, lang, columns))


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
    session: Session, monkeypatch: pytest.MonkeyPatch, path: str, listing: Listing[Any], schema: type[BaseModel]
) -> None:
    monkeypatch.setattr(export, "SQL_BATCH", 5)  # several batches even on the seed
    assert listing.reader is not None
    plan = listing.reader.plan("en")
    assert csv_line(plan, csv_columns(schema), session.get_bind().dialect.name).sql is not None
    for lang in ("en", "ru"):
        assert_same(session, listing, schema, lang=lang)
        assert_same(session, listing, schema, lang=lang, fields=["id", listing.reader.fields[-1]])
        assert_same(session, listing, schema, lang=lang, sort="-id")
