"""search vocabulary (SQLite): the words of the FTS5 index, to name a prefix's words whole

`search_fts_vocab`, an fts5vocab table over `search_fts`: the index's words in order. A search turns
a prefix term that begins few words into those words (app.search.repository.longer_words), which
FTS5 reads one match at a time, where a prefix query reads every match first. Like `search_fts`, it
is outside the SQLAlchemy metadata (its name starts with `search_fts`). PostgreSQL: nothing.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 09:40:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts_vocab")
