"""trade figures by value within an indicator: an index over (indicator, value, id)

A list of one indicator's figures sorted by value (`indicator=…&sort=-value`, a window of years
besides) read every figure of the indicator in the window and sorted them; in this index's order it
reads the figures by value and stops at the page's end. A range of values of one indicator
(`indicator=…&value_min=…&value_max=…`) is one range of it too.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 02:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_trade_figures_indicator_value", "trade_figures", ["indicator", "value", "id"])


def downgrade() -> None:
    op.drop_index("ix_trade_figures_indicator_value", table_name="trade_figures")
