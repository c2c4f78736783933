"""uvicorn with worker processes that each listen on a socket of their own (SO_REUSEPORT).

uvicorn's `--workers` shares one listening socket: whichever worker wakes first accepts, so a burst of
keep-alive connections can land mostly on one worker and stay there, while the other idles. With a
socket per worker, all bound to the same address with SO_REUSEPORT, Linux spreads new connections
across the sockets by a hash of each connection's addresses and ports.

The parent keeps uvicorn's supervisor (signals, graceful shutdown, health checks, restarts) and holds
the address with a socket that is bound but never listens, so that another program cannot take it and
a taken address fails at once, in the parent; each worker binds and listens on its own socket as it
starts, and its socket closes with it, so no socket is ever left in the group without a worker to
accept from it. Imports uvicorn and the standard library only: the benchmark runs other servers'
workers through it, in their own environments (bench/balanced.py).
"""

import logging
import socket
from typing import Any, Literal

WorkerSockets = Literal["own", "shared"]

logger = logging.getLogger("uvicorn.error")


def run(app: str, *, workers: int, sockets: WorkerSockets = "own", **options: Any) -> None:
    """uvicorn.run(app, workers=workers, **options), each worker on its own socket where it can be (more
    than one worker, `sockets="own"`, a system with SO_REUSEPORT); one shared socket otherwise."""
    import uvicorn

    if workers == 1 or sockets == "shared" or not hasattr(socket, "SO_REUSEPORT"):
        uvicorn.run(app, workers=workers, **options)
        return
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(app, workers=workers, **options)
    reserved = _reserve(config.host, config.port)
    try:
        Multiprocess(config, sockets=[reserved]).run()
    finally:
        reserved.close()


class _ReservedAddress(socket.socket):
    """The parent's bound, never listening socket, which a spawned worker receives (pickled) as a
    listening socket of its own on the same address."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (listening_socket, (self.family, self.getsockname()))


def listening_socket(family: int, address: tuple[Any, ...]) -> socket.socket:
    """A socket bound to `address` with SO_REUSEPORT (asyncio makes it listen)."""
    return _bind_shared(socket.socket(family, socket.SOCK_STREAM), address)


def _bind_shared(sock: socket.socket, address: tuple[Any, ...]) -> socket.socket:
    """`sock` bound to `address` in the group of sockets that share it (SO_REUSEPORT): the parent's
    and each worker's alike."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    return sock


def _reserve(host: str, port: int) -> _ReservedAddress:
    """Bind the address for the workers, as uvicorn's `Config.bind_socket` does (the same message),
    with SO_REUSEPORT; a port of 0 becomes the one the system chose, for every worker."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = _ReservedAddress(family, socket.SOCK_STREAM)
    try:
        _bind_shared(sock, (host, port))
    except OSError as exc:
        sock.close()
        from uvicorn.config import STARTUP_FAILURE

        logger.error(exc)
        raise SystemExit(STARTUP_FAILURE) from None
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    logger.info(
        "Uvicorn running on http://%s:%d, a socket per worker (Press CTRL+C to quit)",
        shown,
        sock.getsockname()[1],
    )
    return sock
