"""revisions by type: the change feed of one kind of record, in order

`/v1/changes?record_type=…` reads the revisions of some record types in id order. Without an index
that starts with the type and ends with the id, the database either walks every revision in id order
and skips the other types, or reads all of the type's revisions and sorts them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 06:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_revisions_type", "revisions", ["record_type", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_revisions_type", table_name="revisions")
