"""extraction floor: the confidence floor a source was read with, and how many proposals it held back

`sources.confidence_min` and `sources.held_back`, beside `extractor_version` and `extraction_note`:
what the last reading of the source did (app.extraction.floor). Null for sources no extractor read.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch_op:
        batch_op.add_column(sa.Column("confidence_min", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("held_back", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch_op:
        batch_op.drop_column("held_back")
        batch_op.drop_column("confidence_min")
