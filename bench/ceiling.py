"""The bare-ASGI ceiling: an app that answers every request with the same small JSON, served by the
API's uvicorn with the API's workers, so that a cell's req/s can be read as a fraction of what the
server, the HTTP parser and the machine allow at all (bench/run.py)."""

from typing import Any

BODY = b'{"items":[],"next_cursor":null}'
HEADERS = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    elif scope["type"] == "http":
        await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
        await send({"type": "http.response.body", "body": BODY})
