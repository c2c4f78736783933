"""export lines keyed by record first: the primary key (record_id, record_type, lang)

PostgreSQL's CSV export joins every figure, in id order, to its stored line by a LEFT JOIN whose
record type and language are constants of the join's condition. Under the key (record_type, lang,
record_id) it could not read the lines in record id order (it does not drop a LEFT JOIN's constant
leading columns from the order), so it sorted every stored line, on disk. Led by the record id, the
key is read in the figures' order: a merge join of two index scans. The writers' delete (a record type
and a set of ids) and upsert (the key's column set) probe it by record id as before. SQLite rebuilds
the table (its key is the table's order: WITHOUT ROWID).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 03:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _key(columns: list[str]) -> None:
    with op.batch_alter_table("export_lines", table_kwargs={"sqlite_with_rowid": False}) as batch_op:
        batch_op.drop_constraint("pk_export_lines", type_="primary")
        batch_op.create_primary_key("pk_export_lines", columns)


def upgrade() -> None:
    _key(["record_id", "record_type", "lang"])


def downgrade() -> None:
    _key(["record_type", "lang", "record_id"])
