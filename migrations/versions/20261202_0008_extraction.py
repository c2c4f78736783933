"""extraction: sources with publication metadata, candidates for review, wider vocabularies

Adding an article now proposes candidate records for review (`candidates`); accepting one records the
candidate and the extractor's version in its revision (`revisions.origin`). Sources gain their
publisher, publication date with its precision, retrieval date and the extractor that read them. The
vocabularies grow by what wire and press-service reports state: talks, interstate councils and phone
calls; planned and cancelled events (`events.status`); targets; barrels per day, containers, cubic
metres, kilometres and four more currencies; wire reports, press releases and interviews.

SQLite changes a CHECK constraint by copying the table: migration 0006's triggers, which name
`events`, are dropped for the copy and made again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 21:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENT_TYPES = [
    "state_visit",
    "official_visit",
    "working_visit",
    "summit",
    "ministerial_meeting",
    "multilateral_meeting",
    "intergovernmental_commission",
    "forum",
    "other",
]
NEW_EVENT_TYPES = ["talks", "interstate_council", "phone_call"]
UNITS = ["USD", "EUR", "tonnes", "percent", "teu"]
NEW_UNITS = ["containers", "barrels_per_day", "cubic_metres", "km", "RUB", "KZT", "AZN", "CNY"]
FIGURE_STATUSES = ["reported", "preliminary", "estimate", "forecast"]
NEW_FIGURE_STATUSES = ["target"]
SOURCE_KINDS = ["article", "report", "statistics", "dataset", "official_statement", "other"]
NEW_SOURCE_KINDS = ["wire_report", "press_release", "interview"]
DATE_PRECISIONS = ["day", "month", "quarter", "year"]

# Migration 0006's SQLite triggers: they name `events`, which SQLite will not rename a copy to while
# they exist, so they are dropped before the copy and made again after it.
LINKS = {
    "event_countries": "country_id",
    "event_people": "person_id",
    "event_organizations": "organization_id",
}
SQLITE_TRIGGERS = {
    f"{link}_dates": (
        f"CREATE TRIGGER {link}_dates AFTER INSERT ON {link} BEGIN "
        f"UPDATE {link} SET (date_start, date_end) = "
        "(SELECT date_start, date_end FROM events WHERE id = new.event_id) "
        f"WHERE event_id = new.event_id AND {column} = new.{column}; END"
    )
    for link, column in LINKS.items()
} | {
    "events_link_dates": "CREATE TRIGGER events_link_dates AFTER UPDATE OF date_start, date_end ON events BEGIN "
    + " ".join(
        f"UPDATE {link} SET date_start = new.date_start, date_end = new.date_end WHERE event_id = new.id;"
        for link in LINKS
    )
    + " END"
}


def _sqlite_triggers(make: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, statement in SQLITE_TRIGGERS.items():
        op.execute(statement if make else f"DROP TRIGGER IF EXISTS {name}")


def _one_of(column: str, values: list[str]) -> sa.TextClause:
    return sa.text(f"{column} IN ({', '.join(repr(value) for value in values)})")


def _enum(name: str, values: list[str]) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)


def _vocabularies(new: bool) -> None:
    """Widen (new=True) or narrow back the CHECK constraints of the vocabularies that grew."""
    checks = {
        "events": [("ck_events_event_type", "type", EVENT_TYPES, NEW_EVENT_TYPES)],
        "trade_figures": [
            ("ck_trade_figures_unit", "unit", UNITS, NEW_UNITS),
            ("ck_trade_figures_figure_status", "status", FIGURE_STATUSES, NEW_FIGURE_STATUSES),
        ],
        "sources": [("ck_sources_source_kind", "kind", SOURCE_KINDS, NEW_SOURCE_KINDS)],
    }
    for table, constraints in checks.items():
        with op.batch_alter_table(table) as batch_op:
            for name, column, values, added in constraints:
                batch_op.drop_constraint(op.f(name), type_="check")
                batch_op.create_check_constraint(
                    op.f(name), _one_of(column, values + added if new else values)
                )


def _year_end() -> str:
    if op.get_bind().dialect.name == "sqlite":
        return "CASE WHEN publication_year IS NULL THEN NULL ELSE printf('%04d-12-31', publication_year) END"
    return "make_date(publication_year, 12, 31)"


def upgrade() -> None:
    _sqlite_triggers(make=False)
    _vocabularies(new=True)
    with op.batch_alter_table("events") as batch_op:
        batch_op.add_column(
            sa.Column(
                "status",
                _enum("event_status", ["held", "planned", "cancelled"]),
                server_default="held",
                nullable=False,
            )
        )
    _sqlite_triggers(make=True)
    with op.batch_alter_table("sources") as batch_op:
        batch_op.add_column(sa.Column("publication_date", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("publication_date_precision", _enum("date_precision", DATE_PRECISIONS), nullable=True)
        )
        batch_op.add_column(sa.Column("publisher", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("published_by", sa.Date(), nullable=True))
        batch_op.create_index("ix_sources_published_by", ["published_by"])
        batch_op.add_column(sa.Column("retrieved_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("extractor_version", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("extraction_note", sa.String(length=500), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_sources_publication_date_precision"),
            sa.text("(publication_date IS NULL) = (publication_date_precision IS NULL)"),
        )
    # Sources so far knew only a year: the last day of it is when they were published by.
    op.execute("UPDATE sources SET published_by = " + _year_end())
    with op.batch_alter_table("revisions") as batch_op:
        batch_op.add_column(sa.Column("origin", sa.JSON(), nullable=True))
    op.create_table(
        "candidates",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source_id", sa.String(length=120), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column(
            "record_type",
            _enum(
                "candidate_record_type",
                [
                    "event",
                    "agreement",
                    "trade_figure",
                    "infrastructure_project",
                    "organization",
                    "person",
                    "place",
                ],
            ),
            nullable=False,
        ),
        sa.Column("action", _enum("candidate_action", ["create", "corroborate", "contest"]), nullable=False),
        sa.Column("target_id", sa.String(length=120), nullable=True),
        sa.Column("contested_field", sa.String(length=40), nullable=True),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("requires", sa.JSON(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("extractor_version", sa.String(length=40), nullable=False),
        sa.Column("status", _enum("candidate_status", ["pending", "accepted", "rejected"]), nullable=False),
        sa.Column("record_id", sa.String(length=120), nullable=True),
        sa.Column("reviewed_by", sa.String(length=100), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.String(length=1000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("search_text", sa.Text(), server_default="", nullable=False),
        sa.CheckConstraint(
            "confidence >= 0 AND confidence <= 1", name=op.f("ck_candidates_confidence_range")
        ),
        sa.CheckConstraint("char_end > char_start AND char_start >= 0", name=op.f("ck_candidates_offsets")),
        sa.CheckConstraint("(action = 'create') = (target_id IS NULL)", name=op.f("ck_candidates_target")),
        sa.CheckConstraint(
            "(action = 'contest') = (contested_field IS NOT NULL)", name=op.f("ck_candidates_contested_field")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_candidates_source_id_sources"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidates")),
        sa.UniqueConstraint("source_id", "key", name=op.f("uq_candidates_source_id_key")),
    )
    op.create_index("ix_candidates_status", "candidates", ["status", "id"])
    op.create_index("ix_candidates_source", "candidates", ["source_id", "status", "id"])
    arc = {
        "event_id": "events",
        "agreement_id": "agreements",
        "trade_figure_id": "trade_figures",
        "project_id": "projects",
    }
    op.create_table(
        "contested_values",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        *(sa.Column(column, sa.String(length=120), nullable=True) for column in arc),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("source_id", sa.String(length=120), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            " + ".join(f"(CASE WHEN {column} IS NULL THEN 0 ELSE 1 END)" for column in arc) + " = 1",
            name=op.f("ck_contested_values_one_record"),
        ),
        *(
            sa.ForeignKeyConstraint(
                [column],
                [f"{table}.id"],
                name=op.f(f"fk_contested_values_{column}_{table}"),
                ondelete="CASCADE",
            )
            for column, table in arc.items()
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_contested_values_source_id_sources"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_contested_values_candidate_id_candidates"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contested_values")),
    )
    for column in [*arc, "source_id"]:
        op.create_index(f"ix_contested_values_{column}", "contested_values", [column])


def downgrade() -> None:
    op.drop_table("contested_values")
    op.drop_index("ix_candidates_source", table_name="candidates")
    op.drop_index("ix_candidates_status", table_name="candidates")
    op.drop_table("candidates")
    with op.batch_alter_table("revisions") as batch_op:
        batch_op.drop_column("origin")
    with op.batch_alter_table("sources") as batch_op:
        batch_op.drop_constraint(op.f("ck_sources_publication_date_precision"), type_="check")
        batch_op.drop_constraint(op.f("ck_sources_date_precision"), type_="check")
        batch_op.drop_index("ix_sources_published_by")
        for column in (
            "extraction_note",
            "extractor_version",
            "retrieved_on",
            "published_by",
            "publisher",
            "publication_date_precision",
            "publication_date",
        ):
            batch_op.drop_column(column)
    _sqlite_triggers(make=False)
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_constraint(op.f("ck_events_event_status"), type_="check")
        batch_op.drop_column("status")
    # While records use the new values, the narrowed constraints refuse them: the downgrade stops.
    _vocabularies(new=False)
    _sqlite_triggers(make=True)
