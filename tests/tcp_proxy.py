"""A TCP proxy a test can take down and bring back: a database that goes away and returns, without
touching the database server itself."""

import asyncio
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from sqlalchemy.engine import make_url

Mode = Literal["forward", "stall"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class TcpProxy:
    """Listens on 127.0.0.1:`port` and forwards to `target` in a thread of its own.

    `stop()` closes the listener and cuts every open connection (connections are refused until
    `start()`); in `stall` mode it accepts connections and never answers, like a host that vanished.
    `freeze()` stalls the connections already open too (a database that hangs: nothing is refused,
    nothing is answered) until `thaw()`, which delivers what was held back.
    """

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = free_port()
        self.mode: Mode = "forward"
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()
        self._flowing = threading.Event()
        self._flowing.set()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    def start(self, mode: Mode = "forward") -> None:
        self.mode = mode
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(5)

    def freeze(self) -> None:
        self.mode = "stall"
        self._flowing.clear()

    def thaw(self) -> None:
        self.mode = "forward"
        self._flowing.set()

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(5)

    def close(self) -> None:
        self.stop()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    async def _start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", self.port, reuse_address=True)

    async def _stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._open):
            writer.transport.abort()
        self._open.clear()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._open.add(writer)
        if self.mode == "stall":
            return  # held open, never answered, until stop()
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self._open.add(upstream_writer)
        await asyncio.gather(
            self._pipe(reader, upstream_writer), self._pipe(upstream_reader, writer), return_exceptions=True
        )

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                while not self._flowing.is_set():
                    await asyncio.sleep(0.02)
                writer.write(data)
                await writer.drain()
        finally:
            writer.transport.abort()
            self._open.discard(writer)


@contextmanager
def proxy_to(database_url: str) -> Iterator[TcpProxy]:
    """A running proxy in front of the database server of `database_url`, closed afterwards."""
    url = make_url(database_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxy.start()
    try:
        yield proxy
    finally:
        proxy.close()


def through(proxy: TcpProxy, database_url: str) -> str:
    """`database_url` with the proxy in front of its server."""
    url = make_url(database_url).set(host="127.0.0.1", port=proxy.port)
    return url.render_as_string(hide_password=False)
