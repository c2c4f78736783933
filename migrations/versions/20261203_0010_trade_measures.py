"""trade measures: what a Comtrade row means, kept

A trade figure gains its valuation (CIF or FOB), the aggregation level of its commodity code, and,
for a quantity (tonnes of net weight, items, litres…), the value figure it was stated with. A
quantity is its own figure, in its own unit, so the unit joins the natural key: the exports of a
commodity in a year in US dollars and in tonnes are two figures. The indicators gain Comtrade's
other flows (re-exports, re-imports, …), the units its quantity units.

SQLite changes constraints by copying the table; no trigger names `trade_figures`.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 06:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDICATORS = [
    "trade_turnover",
    "exports",
    "imports",
    "transit_volume",
    "trade_turnover_growth",
    "exports_growth",
    "imports_growth",
    "transit_volume_growth",
]
NEW_INDICATORS = [
    "re_exports",
    "re_imports",
    "domestic_exports",
    "foreign_imports",
    "imports_for_inward_processing",
    "exports_after_inward_processing",
    "imports_after_outward_processing",
    "exports_for_outward_processing",
]
UNITS = [
    "USD",
    "EUR",
    "tonnes",
    "percent",
    "teu",
    "containers",
    "barrels_per_day",
    "cubic_metres",
    "km",
    "RUB",
    "KZT",
    "AZN",
    "CNY",
]
NEW_UNITS = [
    "items",
    "pairs",
    "dozens",
    "thousand_items",
    "packages",
    "litres",
    "metres",
    "square_metres",
    "carats",
    "thousand_kwh",
]
VALUATIONS = ["cif", "fob"]
KEY = ["reporter_id", "partner_id", "indicator", "commodity", "period_start", "period_end", "status"]


def _in(column: str, values: list[str]) -> sa.TextClause:
    return sa.text(f"{column} IN ({', '.join(repr(v) for v in values)})")


def _vocabularies(batch_op: "op.BatchOperations", indicators: list[str], units: list[str]) -> None:
    for name, column, values in (("indicator", "indicator", indicators), ("unit", "unit", units)):
        batch_op.drop_constraint(op.f(f"ck_trade_figures_{name}"), type_="check")
        batch_op.create_check_constraint(op.f(f"ck_trade_figures_{name}"), _in(column, values))


def upgrade() -> None:
    with op.batch_alter_table("trade_figures") as batch_op:
        batch_op.add_column(sa.Column("valuation", sa.String(length=40), nullable=True))
        batch_op.create_check_constraint(op.f("ck_trade_figures_valuation"), _in("valuation", VALUATIONS))
        batch_op.add_column(sa.Column("aggregate_level", sa.SmallInteger(), nullable=True))
        batch_op.add_column(sa.Column("value_figure_id", sa.String(length=120), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_trade_figures_value_figure_id_trade_figures"),
            "trade_figures",
            ["value_figure_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_check_constraint(
            op.f("ck_trade_figures_aggregate_level_range"), sa.text("aggregate_level BETWEEN 0 AND 12")
        )
        batch_op.create_check_constraint(
            op.f("ck_trade_figures_value_figure_other"), sa.text("value_figure_id <> id")
        )
        _vocabularies(batch_op, INDICATORS + NEW_INDICATORS, UNITS + NEW_UNITS)
        batch_op.drop_constraint("uq_trade_figures_natural_key", type_="unique")
        batch_op.create_unique_constraint("uq_trade_figures_natural_key", [*KEY, "unit"])
    op.create_index(
        "ix_trade_figures_value_figure_id",
        "trade_figures",
        ["value_figure_id"],
        sqlite_where=sa.text("value_figure_id IS NOT NULL"),
        postgresql_where=sa.text("value_figure_id IS NOT NULL"),
    )


def downgrade() -> None:
    # While two figures differ only by unit, or use a new indicator or unit, the narrowed constraints
    # refuse them: the downgrade stops.
    op.drop_index("ix_trade_figures_value_figure_id", table_name="trade_figures")
    with op.batch_alter_table("trade_figures") as batch_op:
        batch_op.drop_constraint("uq_trade_figures_natural_key", type_="unique")
        batch_op.create_unique_constraint("uq_trade_figures_natural_key", KEY)
        _vocabularies(batch_op, INDICATORS, UNITS)
        batch_op.drop_constraint(op.f("ck_trade_figures_value_figure_other"), type_="check")
        batch_op.drop_constraint(op.f("ck_trade_figures_aggregate_level_range"), type_="check")
        batch_op.drop_constraint(op.f("ck_trade_figures_valuation"), type_="check")
        batch_op.drop_constraint(op.f("fk_trade_figures_value_figure_id_trade_figures"), type_="foreignkey")
        batch_op.drop_column("value_figure_id")
        batch_op.drop_column("aggregate_level")
        batch_op.drop_column("valuation")
