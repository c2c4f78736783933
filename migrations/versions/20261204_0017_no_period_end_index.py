"""trade figures: no index by period_end

Of the read API's queries, only a window that must hold the whole period with an end date
(`date_match=within&date_to=…`) was planned through it (PostgreSQL), and that filter now also
bounds period_start (implied: a period ends on or after its start), a range of the period_start
index. Every figure inserted kept this index up too.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 10:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_trade_figures_period_end", table_name="trade_figures")


def downgrade() -> None:
    op.create_index("ix_trade_figures_period_end", "trade_figures", ["period_end", "id"])
