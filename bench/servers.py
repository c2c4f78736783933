"""The servers the benchmark measures: the API, Datasette and the bare-ASGI ceiling, each run by
uvicorn with the same workers, HTTP parser (httptools) and event loop (uvloop), on 127.0.0.1 only."""

import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from importlib.metadata import version
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DS_VENV = ROOT / "bench" / ".venv-datasette"
DATASETTE_VERSION = "0.65.5"
HOST = "127.0.0.1"  # never anything else


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def rss_kb(pid: int) -> dict[str, int]:
    """Resident memory of a server: the process and its worker processes, added up."""
    total = {"VmRSS": 0}
    for process in [pid, *children(pid)]:
        try:
            status = Path(f"/proc/{process}/status").read_text()
        except FileNotFoundError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total["VmRSS"] += int(line.split()[1])
    return total


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except FileNotFoundError:
            continue
    return [descendant for child in found for descendant in (child, *children(child))]


class Service:
    def __init__(self, name: str, cmd: list[str], env: dict, port: int, probe: str, cwd: Path = ROOT) -> None:
        """`cwd`: the working directory, which `python -c` puts first on the path: its `app` is run."""
        self.name, self.cmd, self.env, self.port, self.probe = name, cmd, env, port, probe
        self.cwd = cwd
        self.base = f"http://{HOST}:{port}"
        self.log = (RESULTS / f"bench-{name}.log").open("w")
        self.process: subprocess.Popen | None = None
        self.first_response_s = 0.0

    def __enter__(self) -> "Service":
        launched = time.perf_counter()
        self.process = subprocess.Popen(
            self.cmd, cwd=self.cwd, env=self.env, stdout=self.log, stderr=self.log
        )
        deadline = launched + 120
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} exited ({self.process.returncode}); see {self.log.name}")
            try:
                if httpx.get(self.base + self.probe, timeout=5).status_code == 200:
                    self.first_response_s = time.perf_counter() - launched
                    self.wait_for_every_worker(deadline)
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.02)
        self.__exit__()
        raise SystemExit(f"{self.name} did not answer in 120 s; see {self.log.name}")

    def wait_for_every_worker(self, deadline: float) -> None:
        """Until every worker listens: with a socket per worker, one still starting has none, and the
        connections a cell opens meanwhile would all go to the others."""
        assert self.process is not None
        while (
            not worker_pids(self.process.pid) <= listening_pids(self.port) and time.perf_counter() < deadline
        ):
            time.sleep(0.05)

    def __exit__(self, *_exc: object) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def ensure_datasette() -> Path:
    """Datasette in its own venv, with the HTTP parser and event loop the API's uvicorn uses (at the
    API's versions): without them uvicorn falls back to h11 and asyncio, a handicap of its own."""
    exe = DS_VENV / "bin" / "datasette"
    if not exe.exists():
        print(f"installing datasette=={DATASETTE_VERSION} into {DS_VENV}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(DS_VENV)], check=True, timeout=300)
        subprocess.run(
            [str(DS_VENV / "bin" / "pip"), "install", "-q", f"datasette=={DATASETTE_VERSION}"],
            check=True,
            timeout=600,
        )
    wanted = [f"{name}=={version(name)}" for name in ("uvicorn", "httptools", "uvloop")]
    have = subprocess.run(
        [str(DS_VENV / "bin" / "pip"), "freeze"], capture_output=True, text=True, check=True, timeout=120
    ).stdout.lower()
    missing = [spec for spec in wanted if spec.lower() not in have]
    if missing:
        print(f"installing {' '.join(missing)} into {DS_VENV}", flush=True)
        subprocess.run([str(DS_VENV / "bin" / "pip"), "install", "-q", *missing], check=True, timeout=600)
    return exe


def connection_split(port: int, server_pid: int) -> list[int]:
    """Established connections to `port` per worker process of the server, most first (`ss -tnp`)."""
    workers = worker_pids(server_pid)
    out = subprocess.run(
        ["ss", "-tnpH", "state", "established", f"( sport = :{port} )"],
        capture_output=True,
        text=True,
        timeout=10,
    ).stdout
    held: Counter[int] = Counter()
    for line in out.splitlines():
        for pid in {int(part.split(",")[0]) for part in line.split("pid=")[1:]}:
            if pid in workers:
                held[pid] += 1
    return sorted((held.get(pid, 0) for pid in workers), reverse=True)


def listening_pids(port: int) -> set[int]:
    """The processes that hold a listening socket on `port` (`ss -tlnp`)."""
    out = subprocess.run(
        ["ss", "-tlnpH", f"( sport = :{port} )"], capture_output=True, text=True, timeout=10
    ).stdout
    return {int(part.split(",")[0]) for part in out.split("pid=")[1:]}


def worker_pids(server_pid: int) -> set[int]:
    """The processes uvicorn spawned to serve (not multiprocessing's resource tracker); the server
    itself when it runs one process."""
    spawned = set()
    for pid in children(server_pid):
        try:
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                spawned.add(pid)
        except FileNotFoundError:
            continue
    return spawned or {server_pid}


def ensure_wrk() -> str:
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True, timeout=600)
    return shutil.which("wrk") or "wrk"
