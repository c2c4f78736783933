"""`/v1/relations` writes each pair without validating it (app/relations/repository.py `pair_json`):
the bytes RelationPair's schema dumps for the same pair read through the ORM, for every pair of the
seed, in both languages."""

import orjson
import pytest
from sqlalchemy.orm import Session

from app.common.language import Language
from app.models import Country
from app.relations.repository import KINDS, list_pairs, pair_json
from app.relations.schemas import RelationFilters, RelationPair


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_pair_the_bytes_the_schema_writes(session: Session, lang: Language) -> None:
    filters = RelationFilters.model_validate({"limit": 100})
    pairs, _ = list_pairs(session, filters)
    assert pairs
    schema = [
        RelationPair.model_validate(
            {
                "id": f"{pair.a}/{pair.b}",
                "countries": [session.get(Country, pair.a), session.get(Country, pair.b)],
                "counts": {name: getattr(pair, name) for name in (*KINDS, "records")},
            },
            context={"lang": lang},
        ).model_dump(mode="json")
        for pair in pairs
    ]
    assert orjson.dumps([pair_json(pair, lang) for pair in pairs]) == orjson.dumps(schema)
