"""bench/index_plans.py explains statements with some indexes dropped, inside a transaction it rolls
back: the database it is pointed at must come out as it went in."""

from sqlalchemy import create_engine, inspect

from bench import index_plans
from tests.conftest import Database

BY_VALUE = "SELECT id FROM trade_figures WHERE value > 5 ORDER BY value"


def indexes(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return {index["name"] for index in inspect(engine).get_indexes("trade_figures") if index["name"]}
    finally:
        engine.dispose()


def test_plans_without_an_index_leave_it_in_place(migrated_database: Database) -> None:
    url = migrated_database.url
    before = indexes(url)
    assert "ix_trade_figures_value" in before
    [item] = index_plans.plans(url, [(BY_VALUE, ())], ["ix_trade_figures_value"], repeat=1)
    assert "ix_trade_figures_value" not in index_plans.INDEX_NAME.findall(item["plan_after"])
    if migrated_database.engine_name == "sqlite":  # PostgreSQL may scan an empty table instead
        assert index_plans.INDEX_NAME.findall(item["plan_before"]) == ["ix_trade_figures_value"]
    assert indexes(url) == before
