"""export lines: each record's CSV export line per language, kept by the writers

A CSV export computed every record's line on each export: its support and source count (three
correlated subqueries) and its lists' cells, each a lookup per record. Every write now stores the lines
of the records it changes (app/export_lines.py), and an export reads one stored text per record. The
table starts empty: records without a line are computed when exported until `bilateral
refresh-export-lines` (or their next change) stores them.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 23:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "export_lines",
        sa.Column("record_type", sa.String(40), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("record_id", sa.String(120), nullable=False),
        sa.Column("line", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("record_type", "lang", "record_id", name=op.f("pk_export_lines")),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("export_lines")
