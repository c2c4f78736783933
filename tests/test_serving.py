"""`bilateral serve --workers N`: a listening socket per worker (app/serving.py), one shared socket
where that cannot be or is not wanted; start-up, restarts and SIGTERM as uvicorn's supervisor does."""

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from app import serving
from app.config import REPO_ROOT
from tests.conftest import Database
from tests.tcp_proxy import free_port
from tests.test_faults import answers, wait_for

sqlite_only = pytest.mark.parametrize("empty_database", ["sqlite"], indirect=True)


def listeners(port: int) -> dict[int, int]:
    """The listening TCP sockets on `port`, each socket's inode → the process that holds it."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                inodes.add(int(fields[9]))
    held = {}
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:[") and int(target[8:-1]) in inodes:
            held[int(target[8:-1])] = int(fd.parent.parent.name)
    return held


@contextmanager
def served(database: Database, tmp_path: Path, port: int, **env: str) -> Iterator[subprocess.Popen[bytes]]:
    command = [sys.executable, "-m", "app", "serve", "--no-migrate", "--port", str(port), "--workers", "2"]
    environment = {**os.environ, "DATABASE_URL": database.url, "BILATERAL_LOG_FORMAT": "json", **env}
    with (tmp_path / "stderr").open("wb") as stderr:
        server = subprocess.Popen(command, cwd=REPO_ROOT, env=environment, stdout=stderr, stderr=stderr)
        try:
            yield server
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()


def log_lines(tmp_path: Path) -> list[str]:
    """The server's log: the parent's lines in uvicorn's format, the workers' as JSON."""
    return (tmp_path / "stderr").read_text().splitlines()


@sqlite_only
def test_each_worker_listens_on_a_socket_of_its_own_and_a_replacement_on_a_new_one(
    cli_database: Database, tmp_path: Path
) -> None:
    port = free_port()
    with served(cli_database, tmp_path, port) as server:
        wait_for(lambda: len(listeners(port)) == 2, 60, "both workers to listen")
        wait_for(lambda: answers(f"http://127.0.0.1:{port}/healthz"), 20, "an answer")
        first = listeners(port)
        assert len(set(first.values())) == 2 and server.pid not in first.values()
        # A worker that dies takes its socket with it: none is left without a worker to accept.
        os.kill(next(iter(first.values())), signal.SIGKILL)
        wait_for(lambda: len(listeners(port)) == 2 and listeners(port) != first, 60, "a replacement")
        assert all(answers(f"http://127.0.0.1:{port}/healthz") for _ in range(20))
        server.send_signal(signal.SIGTERM)
        assert server.wait(30) in (0, -signal.SIGTERM)
    messages = log_lines(tmp_path)
    assert any("a socket per worker" in message for message in messages)
    assert sum("Finished server process" in message for message in messages) == 2  # not the one killed
    assert any("Stopping parent process" in message for message in messages)


@sqlite_only
def test_shared_worker_sockets_is_uvicorns_one_socket(cli_database: Database, tmp_path: Path) -> None:
    port = free_port()
    with served(cli_database, tmp_path, port, BILATERAL_WORKER_SOCKETS="shared") as server:
        wait_for(lambda: answers(f"http://127.0.0.1:{port}/healthz"), 60, "an answer")
        assert len(listeners(port)) == 1
        server.send_signal(signal.SIGTERM)
        assert server.wait(30) in (0, -signal.SIGTERM)


def test_an_address_in_use_stops_the_parent_at_once() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(SystemExit) as stopped:
            # log_config=None: uvicorn leaves the test process's logging as it is.
            serving.run("app.worker:create_app", workers=2, host="127.0.0.1", port=port, log_config=None)
    assert stopped.value.code == 3  # uvicorn's STARTUP_FAILURE


@pytest.mark.parametrize(
    ("workers", "sockets", "reuseport"), [(1, "own", True), (2, "shared", True), (2, "own", False)]
)
def test_one_shared_socket_for_one_worker_when_asked_or_without_reuseport(
    monkeypatch: pytest.MonkeyPatch, workers: int, sockets: serving.WorkerSockets, reuseport: bool
) -> None:
    started: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.update(app=app, **options))
    if not reuseport:
        monkeypatch.delattr(socket, "SO_REUSEPORT")
    serving.run("app.worker:create_app", workers=workers, sockets=sockets, factory=True, port=8123)
    assert started == {"app": "app.worker:create_app", "workers": workers, "factory": True, "port": 8123}
