"""trade figures by partner, then period kind: an index over (partner_id, period_kind, period_start, id)

A country's figures of one period kind (`/v1/trade-figures?country=…&period_kind=…`) are read from
each side's index apart. On the partner's side PostgreSQL ANDed the partner's figures with every
figure of that kind (some 40,000 of 200,000 index entries for `year`) instead of testing the
partner's thousand figures' rows; in this index the partner's figures of one kind come together,
in period order.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 16:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_trade_figures_partner_kind",
        "trade_figures",
        ["partner_id", "period_kind", "period_start", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_trade_figures_partner_kind", table_name="trade_figures")
