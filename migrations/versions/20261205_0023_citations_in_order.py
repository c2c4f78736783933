"""citations in a record's order: an index over (<record>_id, char_start, id) per kind of record

A page's records carry their citations ordered by char_start, then id. The unique index of each kind
(record, source, char_start, char_end) finds a record's citations but not in that order, so SQLite
sorted each record's citations in a temporary B-tree, a sort per row of the page (and per figure of
the export lines with several citations). In this index a record's citations come in the list's
order. Partial, as the unique ones (a kind's index holds only its own citations), but for the trade
figures': nearly every citation is a figure's, and a whole index is one a large import drops and builds
again at its end (app.imports.store) instead of keeping it row by row.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-05 19:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The citations' columns, one per kind of cited record (app.models.CITED_RECORD_COLUMNS as of 0023).
COLUMNS = (
    "event_id",
    "agreement_id",
    "trade_figure_id",
    "project_id",
    "country_id",
    "organization_id",
    "person_id",
    "place_id",
)


def upgrade() -> None:
    for column in COLUMNS:
        condition = None if column == "trade_figure_id" else sa.text(f"{column} IS NOT NULL")
        op.create_index(
            f"ix_citations_{column}_in_order",
            "citations",
            [column, "char_start", "id"],
            sqlite_where=condition,
            postgresql_where=condition,
        )


def downgrade() -> None:
    for column in COLUMNS:
        op.drop_index(f"ix_citations_{column}_in_order", table_name="citations")
