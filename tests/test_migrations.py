"""The migrations are the schema: they run up, down and up again, and match the models exactly."""

import re

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData, Table, inspect

from app.db import Base, make_engine
from app.migrated import alembic_config, head_revision
from app.models import Unit, in_metadata
from tests.conftest import Database


def _tables(database: Database) -> set[str]:
    engine = make_engine(database.url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade(empty_database: Database) -> None:
    config = alembic_config(empty_database.url)
    command.upgrade(config, "head")
    assert set(Base.metadata.tables) <= _tables(empty_database)
    command.downgrade(config, "base")
    assert _tables(empty_database) <= {"alembic_version"}
    command.upgrade(config, "head")
    assert set(Base.metadata.tables) <= _tables(empty_database)


def test_models_match_migrations(empty_database: Database) -> None:
    empty_database.migrate()
    engine = make_engine(empty_database.url)
    try:
        with engine.connect() as connection:
            # The search index (FTS5 tables, the GIN expression index) is outside the models.
            opts = {"compare_type": True, "include_name": in_metadata}
            context = MigrationContext.configure(connection, opts=opts)
            assert context.get_current_revision() == head_revision()
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_the_comparison_would_catch_a_model_without_a_migration(empty_database: Database) -> None:
    empty_database.migrate()
    drifted = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(drifted)
    Table("not_migrated", drifted, Column("id", Integer, primary_key=True))
    engine = make_engine(empty_database.url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_name": in_metadata})
            diff = compare_metadata(context, drifted)
    finally:
        engine.dispose()
    assert [change[0] for change in diff] == ["add_table"]


def _admitted_units(database: Database) -> list[str]:
    engine = make_engine(database.url)
    try:
        checks = inspect(engine).get_check_constraints("trade_figures")
    finally:
        engine.dispose()
    (unit_check,) = [check for check in checks if check["name"] == "ck_trade_figures_unit"]
    return re.findall(r"'([^']+)'", unit_check["sqltext"])


def test_the_unit_check_admits_every_currency_of_the_model_up_and_down(empty_database: Database) -> None:
    """Migration 0015 writes its codes out; when the models' list (app/iso4217.py) moves, this says a
    migration must follow it."""
    config = alembic_config(empty_database.url)
    command.upgrade(config, "0015")
    assert sorted(_admitted_units(empty_database)) == sorted(unit.value for unit in Unit)
    command.downgrade(config, "0014")
    narrowed = _admitted_units(empty_database)
    assert "USD" in narrowed and "tonnes" in narrowed and "JPY" not in narrowed
    command.upgrade(config, "0015")
    assert "JPY" in _admitted_units(empty_database)
