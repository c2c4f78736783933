"""`/v1/relations` writes each pair without validating it (app/relations/repository.py `pair_json`):
the bytes RelationPair's schema dumps, for every pair of the seed, in both languages."""

import orjson
import pytest
from sqlalchemy.orm import Session

from app.relations.repository import filter_pairs, list_pairs, pair_json
from app.relations.schemas import RelationFilters, RelationPair


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_pair_the_bytes_the_schema_writes(session: Session, lang: str) -> None:
    filters = RelationFilters.model_validate({"limit": 100})
    pairs, _ = list_pairs(session, filter_pairs(session, filters), filters)
    assert pairs
    schema = [
        RelationPair.model_validate(pair, context={"lang": lang}).model_dump(mode="json") for pair in pairs
    ]
    assert orjson.dumps([pair_json(pair, lang) for pair in pairs]) == orjson.dumps(schema)
