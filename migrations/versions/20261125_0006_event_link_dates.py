"""event link dates: the rows linking an event to a country, person or organization carry its dates

"Events of country C between two dates, by date" was answered by reading every event of C by id
(thousands of rows on a large dataset) and testing its dates. With the event's dates on the link rows,
an index on (country, date_start, date_end, event) gives just the events of C in the window. Triggers
keep the copies equal to the event's dates on both engines, whoever writes: the ORM (which inserts link
rows with only the two ids), bulk inserts, or SQL.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 06:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# link table: the column naming what the event is linked to
LINKS = {
    "event_countries": "country_id",
    "event_people": "person_id",
    "event_organizations": "organization_id",
}


def _sqlite_trigger(link: str) -> str:
    # SQLite cannot change NEW in a BEFORE trigger: the row is completed just after its insert.
    return (
        f"CREATE TRIGGER {link}_dates AFTER INSERT ON {link} BEGIN "
        f"UPDATE {link} SET (date_start, date_end) = "
        "(SELECT date_start, date_end FROM events WHERE id = new.event_id) "
        f"WHERE event_id = new.event_id AND {LINKS[link]} = new.{LINKS[link]}; END"
    )


SQLITE_EVENT_TRIGGER = (
    "CREATE TRIGGER events_link_dates AFTER UPDATE OF date_start, date_end ON events BEGIN "
    + " ".join(
        f"UPDATE {link} SET date_start = new.date_start, date_end = new.date_end WHERE event_id = new.id;"
        for link in LINKS
    )
    + " END"
)

POSTGRESQL_FUNCTIONS = [
    "CREATE FUNCTION event_link_dates() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "SELECT date_start, date_end INTO NEW.date_start, NEW.date_end FROM events WHERE id = NEW.event_id; "
    "RETURN NEW; END $$",
    "CREATE FUNCTION events_link_dates() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    + " ".join(
        f"UPDATE {link} SET date_start = NEW.date_start, date_end = NEW.date_end WHERE event_id = NEW.id;"
        for link in LINKS
    )
    + " RETURN NULL; END $$",
]


def _postgresql_trigger(link: str) -> str:
    return (
        f"CREATE TRIGGER {link}_dates BEFORE INSERT OR UPDATE OF event_id ON {link} "
        "FOR EACH ROW EXECUTE FUNCTION event_link_dates()"
    )


POSTGRESQL_EVENT_TRIGGER = (
    "CREATE TRIGGER events_link_dates AFTER UPDATE OF date_start, date_end ON events FOR EACH ROW "
    "WHEN (OLD.date_start IS DISTINCT FROM NEW.date_start OR OLD.date_end IS DISTINCT FROM NEW.date_end) "
    "EXECUTE FUNCTION events_link_dates()"
)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for link, column in LINKS.items():
        with op.batch_alter_table(link) as batch:
            batch.add_column(sa.Column("date_start", sa.Date(), nullable=True))
            batch.add_column(sa.Column("date_end", sa.Date(), nullable=True))
        op.execute(
            f"UPDATE {link} SET date_start = (SELECT date_start FROM events WHERE events.id = {link}.event_id), "
            f"date_end = (SELECT date_end FROM events WHERE events.id = {link}.event_id)"
        )
        op.create_index(
            f"ix_{link}_dates", link, [column, "date_start", "date_end", "event_id"], unique=False
        )
    if sqlite:
        for link in LINKS:
            op.execute(_sqlite_trigger(link))
        op.execute(SQLITE_EVENT_TRIGGER)
    else:
        for statement in POSTGRESQL_FUNCTIONS:
            op.execute(statement)
        for link in LINKS:
            op.execute(_postgresql_trigger(link))
        op.execute(POSTGRESQL_EVENT_TRIGGER)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute("DROP TRIGGER IF EXISTS events_link_dates" + ("" if sqlite else " ON events"))
    for link in LINKS:
        op.execute(f"DROP TRIGGER IF EXISTS {link}_dates" + ("" if sqlite else f" ON {link}"))
    if not sqlite:
        op.execute("DROP FUNCTION IF EXISTS events_link_dates()")
        op.execute("DROP FUNCTION IF EXISTS event_link_dates()")
    for link in LINKS:
        op.drop_index(f"ix_{link}_dates", table_name=link)
        with op.batch_alter_table(link) as batch:
            batch.drop_column("date_end")
            batch.drop_column("date_start")
