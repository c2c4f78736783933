"""list indexes: filter, then sort, then id

Each list query by its filters and sort is one index range scan, in order, with no sort step: the
index holds the filter columns, the sort column, then the id that breaks ties (and that keyset
cursors compare).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 02:55:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# name: (columns before, columns after); no columns before means the index is new.
CHANGED = {
    "ix_trade_figures_pair_period": ([], ["reporter_id", "partner_id", "period_start", "id"]),
    "ix_trade_figures_partner": (["partner_id", "period_start"], ["partner_id", "period_start", "id"]),
    "ix_trade_figures_commodity": (["commodity", "period_start"], ["commodity", "period_start", "id"]),
    "ix_trade_figures_period_kind": (["period_kind", "period_start"], ["period_kind", "period_start", "id"]),
}


# Events of a country are found by id (event_countries): their dates come from this index, not the rows.
EVENT_DATES = ("ix_events_id_dates", ["id", "date_start", "date_end"])


def upgrade() -> None:
    for name, (before, after) in CHANGED.items():
        if before:
            op.drop_index(name, table_name="trade_figures")
        op.create_index(name, "trade_figures", after, unique=False)
    op.create_index(EVENT_DATES[0], "events", EVENT_DATES[1], unique=False)


def downgrade() -> None:
    op.drop_index(EVENT_DATES[0], table_name="events")
    for name, (before, _after) in CHANGED.items():
        op.drop_index(name, table_name="trade_figures")
        if before:
            op.create_index(name, "trade_figures", before, unique=False)
