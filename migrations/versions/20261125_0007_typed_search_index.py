"""typed search index (PostgreSQL): one GIN index over the record type and the stems

A search limited to some record types (`/v1/search?q=…&type=event`) was planned as the GIN index on
the stems ANDed with the btree index on (record_type, record_id): a bitmap of every document of the
type (200,000 events: 20 ms), whatever the word. PostgreSQL estimates prefix matches (`'word':*`) at a
fixed share of the table, so it cannot tell a rare word from a common one. One GIN index over both
columns (btree_gin, a contrib extension that PostgreSQL 13+ trusts any database owner to create)
answers typed and untyped searches alike, from the entries of the word alone: on the benchmark's 1.2M
documents, a rare word in one type 24 → 1.2 ms, a word common in another type 241 → 64 ms. It takes
the place of `search_fts_gin`. SQLite's FTS5 table is unchanged.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 06:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VECTOR = sa.text("to_tsvector('simple', stems)")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    op.create_index(
        "search_fts_typed", "search_documents", [sa.text("record_type"), VECTOR], postgresql_using="gin"
    )
    op.drop_index("search_fts_gin", table_name="search_documents")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_index("search_fts_gin", "search_documents", [VECTOR], postgresql_using="gin")
    op.drop_index("search_fts_typed", table_name="search_documents")
    # The extension stays: other objects of the database may use it by now.
