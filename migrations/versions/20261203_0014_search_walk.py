"""search walk (PostgreSQL): a stored tsvector, and the documents of a type in id order

A search ranks its matches a block at a time, the first matches in document id order
(app.search.repository). The GIN index yields every match of a word, unordered: a word that 75,000
documents hold cost all 75,000 for a block of 500. A search for a common word now walks the
documents in id order instead, tests each against its stored tsvector and stops when the block is
full:

- `search_fts_vector`, a generated column `to_tsvector('simple', stems)`, so that the walk tests a
  document without parsing its stems; the typed GIN index moves onto it (the same entries, computed
  once per write instead of twice).
- `search_fts_type_order`, a btree over (record_type, id): the documents of one type in id order.

Like the other engine-specific search objects, both are outside the SQLAlchemy metadata (their names
start with `search_fts`). SQLite: nothing (FTS5 reads its matches in rowid order already).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VECTOR = sa.text("to_tsvector('simple', stems)")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE search_documents ADD COLUMN search_fts_vector tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple', stems)) STORED"
    )
    op.drop_index("search_fts_typed", table_name="search_documents")
    op.create_index(
        "search_fts_typed",
        "search_documents",
        [sa.text("record_type"), sa.text("search_fts_vector")],
        postgresql_using="gin",
    )
    op.create_index("search_fts_type_order", "search_documents", ["record_type", "id"])


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("search_fts_type_order", table_name="search_documents")
    op.drop_index("search_fts_typed", table_name="search_documents")
    op.drop_column("search_documents", "search_fts_vector")
    op.create_index(
        "search_fts_typed", "search_documents", [sa.text("record_type"), VECTOR], postgresql_using="gin"
    )
