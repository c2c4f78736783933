"""events by host country, then title: an index over (host_country_id, title_en, id)

A host's events sorted by title (`/v1/events?host_country=…&sort=title`) had no index in that order:
PostgreSQL walked the title index of every event and tested each one's host, thousands of rows for a
page of ten when the host's events sort late; SQLite read the host's events and sorted them. In this
index a host's events come together, in title order.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05 18:40:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_events_host_title", "events", ["host_country_id", "title_en", "id"])


def downgrade() -> None:
    op.drop_index("ix_events_host_title", table_name="events")
