"""event codes: events imported from event datasets keep the datasets' own codes

An event dataset (GDELT, ICEWS) codes each event in CAMEO: `event_codes` keeps those codes beside the
API's `type`, with the intensity on the Goldstein scale and the article the row was coded from. The
event types gain `visit`, a visit whose rank the source does not give (CAMEO's "make a visit").

SQLite changes a CHECK constraint by copying the table: migration 0006's triggers, which name
`events`, are dropped for the copy and made again (as in migration 0008).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 02:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
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
    "talks",
    "interstate_council",
    "phone_call",
]
NEW_EVENT_TYPES = ["visit"]
# Migration 0006's SQLite triggers, as migration 0008 makes them again.
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


def _event_types(values: list[str]) -> None:
    _sqlite_triggers(make=False)
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_constraint(op.f("ck_events_event_type"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_events_event_type"), sa.text(f"type IN ({', '.join(repr(v) for v in values)})")
        )
    _sqlite_triggers(make=True)


def upgrade() -> None:
    _event_types(EVENT_TYPES + NEW_EVENT_TYPES)
    op.create_table(
        "event_codes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=120), nullable=False),
        sa.Column("scheme", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=True),
        sa.Column("intensity", sa.Float(), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.CheckConstraint(
            "intensity IS NULL OR (intensity >= -10 AND intensity <= 10)",
            name=op.f("ck_event_codes_intensity_range"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_codes_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_codes")),
    )
    op.create_index("ix_event_codes_event_id", "event_codes", ["event_id", "id"])
    op.create_index("ix_event_codes_code", "event_codes", ["scheme", "code"])


def downgrade() -> None:
    op.drop_index("ix_event_codes_code", table_name="event_codes")
    op.drop_index("ix_event_codes_event_id", table_name="event_codes")
    op.drop_table("event_codes")
    # While events are of the new type, the narrowed constraint refuses them: the downgrade stops.
    _event_types(EVENT_TYPES)
