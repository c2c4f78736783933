"""The next page's URL (`api.next_page_url`) is Starlette's `include_query_params(cursor=…)`, whatever
the query: a plain one by its shortcut, any other through Starlette."""

import pytest
from starlette.requests import Request

from app.common.api import next_page_url

QUERIES = [
    "indicator=trade_turnover&period_from=2015&period_to=2016&sort=-period&limit=50",
    "cursor=old&limit=50",
    "a=1&cursor=old&b=2&cursor=older",
    "country=AM&country=GE&sort=value",
    "q=two+words&limit=5",
    "q=%D0%BC%D0%B8%D1%80",
    "flag&limit=5",
    "a=1&&b=2",
    "lang=ru;x=1",
    "q=a.b~c-d_e",
    "",
]
CURSORS = ["eyJsaXN0IjoidHJhZGUifQ.uIEZMy-_GJ", "padded==", "with space"]
HOSTS = [b"127.0.0.1:8000", b"example.org", b"[::1]:8080"]


def _request(query: str, host: bytes) -> Request:
    return Request(
        {
            "type": "http",
            "method": "GET",
            "scheme": "http",
            "server": ("127.0.0.1", 8000),
            "root_path": "",
            "path": "/v1/trade-figures",
            "query_string": query.encode(),
            "headers": [(b"host", host)],
        }
    )


@pytest.mark.parametrize("host", HOSTS)
@pytest.mark.parametrize("cursor", CURSORS)
@pytest.mark.parametrize("query", QUERIES)
def test_the_next_page_url_is_starlettes(query: str, cursor: str, host: bytes) -> None:
    expected = str(_request(query, host).url.include_query_params(cursor=cursor))
    assert next_page_url(_request(query, host), cursor) == expected
