"""A date window over events bounds their start by the longest event (app/events/repository.py
`_starts_from`): an event that began long before the window and runs into it is still found, also
when it is longer than any event was when the bound was last read."""

from datetime import date

import httpx
import pytest
from sqlalchemy.orm import Session

from app.common.dates import DatePrecision
from app.events.repository import _LONGEST_SEEN
from app.models import Event, EventType

pytestmark = pytest.mark.anyio


def long_event(event_id: str, start: date, end: date) -> Event:
    return Event(
        id=event_id,
        type=EventType.forum,
        title_en="A long forum",
        title_ru="Долгий форум",
        date_start=start,
        date_end=end,
        date_precision=DatePrecision.day,
    )


async def ids(client: httpx.AsyncClient, **params: str) -> list[str]:
    response = await client.get("/v1/events", params={"type": "forum", "limit": "100", **params})
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


async def test_an_event_that_began_years_before_the_window_is_in_it(
    client: httpx.AsyncClient, session: Session
) -> None:
    window = {"date_from": "2031-06", "date_to": "2031-06"}
    assert await ids(client, **window) == []  # the bound is read for this data version
    session.add(long_event("test-forum-2028-2031", date(2028, 1, 10), date(2031, 6, 20)))
    session.commit()  # the data version moves at commit (app/revisions.py)
    for sort in ("date", "-date", "id"):
        assert await ids(client, sort=sort, **window) == ["test-forum-2028-2031"]
    assert await ids(client, date_from="2031-07") == []
    assert "test-forum-2028-2031" in await ids(client, date_from="2028-01-10", date_to="2028-01-10")
    # The bound was read again for the new data version: the new event is the longest now.
    assert (date(2031, 6, 20) - date(2028, 1, 10)).days in {
        longest for longest in _LONGEST_SEEN.values() if longest is not None
    }
