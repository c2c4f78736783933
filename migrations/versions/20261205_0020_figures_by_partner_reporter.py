"""trade figures by partner, then reporter: an index over (partner_id, reporter_id)

A country's pairs (`/v1/relations?country=…`) count its figures as partner grouped by the reporter;
`ix_trade_figures_partner` (partner, period, id) lacks the reporter, so each figure's row was read for
it (PostgreSQL) or the reporter-led index was skip-scanned (SQLite). In this index's order the
figures come grouped, from the index alone.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 09:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_trade_figures_partner_reporter", "trade_figures", ["partner_id", "reporter_id"])


def downgrade() -> None:
    op.drop_index("ix_trade_figures_partner_reporter", table_name="trade_figures")
