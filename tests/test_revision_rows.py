"""The change feed and a record's revisions read as rows of the revisions table (app/curation/routes.py
`revision_page`) write the bytes the ORM's objects wrote: every revision of the seed, on both engines."""

import json

import orjson
from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from app.curation.routes import revision_json, revision_page
from app.models import Revision


def test_every_revision_of_the_seed_the_same_bytes(session: Session) -> None:
    objects = list(session.scalars(select(Revision).order_by(Revision.id)))
    assert len(objects) > 10
    page = revision_page(session, select(Revision), len(objects), None, "changes")
    assert page["next_cursor"] is None
    assert orjson.dumps(page["items"]) == orjson.dumps([revision_json(revision) for revision in objects])


def test_a_page_and_its_cursor(session: Session) -> None:
    first = revision_page(session, select(Revision), 3, None, "changes")
    assert len(first["items"]) == 3 and first["next_cursor"] is not None
    second = revision_page(session, select(Revision), 3, first["next_cursor"], "changes")
    assert second["items"][0]["id"] > first["items"][-1]["id"]


def test_changes_parsed_as_the_standard_library_parses_their_stored_text(session: Session) -> None:
    """JSON columns are parsed by orjson (app/db.py `make_engine`): the values the standard library
    reads from the same stored text, for every revision of the seed."""
    rows = session.connection().execute(
        select(Revision.changes, cast(Revision.changes, Text), Revision.origin, cast(Revision.origin, Text))
    )
    seen = 0
    for changes, changes_text, origin, origin_text in rows:
        assert changes == json.loads(changes_text)
        assert origin == (None if origin_text is None else json.loads(origin_text))
        seen += 1
    assert seen > 10
