"""list orders: three indexes made to hold what their pages filter and sort on

- One indicator's figures by value, `ix_trade_figures_indicator_value`, gains the period: a page of
  a window of years sorted by value walks the index and tests each entry's period in it, reading from
  the table only the page's rows, not every entry it passes (nor, for a narrow window, every figure of
  the window, read and sorted).
- The event link rows' `ix_<link>_dates` put the event before `date_end`: a page of a country's events
  by date is `ORDER BY date_start, event_id`, which the old order (date_start, date_end, event_id) met
  only with a sort of each day's ties.
- Events by host country, `ix_events_host_country_id`, gain (date_start, id): a page by date reads the
  host's events in order and stops at the page's end instead of sorting them all.

Each index keeps its name and its leading columns, so every query it served before it serves still.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 08:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# name: (table, columns before, columns after)
CHANGED = {
    "ix_trade_figures_indicator_value": (
        "trade_figures",
        ["indicator", "value", "id"],
        ["indicator", "value", "id", "period_start", "period_end"],
    ),
    **{
        f"ix_{link}_dates": (
            link,
            [column, "date_start", "date_end", "event_id"],
            [column, "date_start", "event_id", "date_end"],
        )
        for link, column in (
            ("event_countries", "country_id"),
            ("event_people", "person_id"),
            ("event_organizations", "organization_id"),
        )
    },
    "ix_events_host_country_id": ("events", ["host_country_id"], ["host_country_id", "date_start", "id"]),
}


def _build(which: int) -> None:
    bind = op.get_bind()
    for name, (table, *columns) in CHANGED.items():
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns[which], unique=False)
        # SQLite drops an index's statistics with it; without them its planner guesses, and may
        # prefer another index. A table analyzed before (an import's end) is analyzed for it again.
        if bind.dialect.name == "sqlite" and _analyzed(table):
            op.execute(f"ANALYZE {name}")


def _analyzed(table: str) -> bool:
    bind = op.get_bind()
    if not bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        return False
    return bind.exec_driver_sql("SELECT 1 FROM sqlite_stat1 WHERE tbl = ?", (table,)).first() is not None


def upgrade() -> None:
    _build(1)


def downgrade() -> None:
    _build(0)
