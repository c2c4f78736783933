"""Start-up: from launching `bilateral serve` to its first answer, and what that is made of in CPU time.

    .venv/bin/python bench/startup.py                      # both measures, 3 runs each, 2 workers
    .venv/bin/python bench/startup.py --launch-only --runs 5
    .venv/bin/python bench/startup.py --app-root /tmp/base  # A/B: the code of another checkout

The database: a SQLite file migrated to head and seeded (`bilateral db upgrade`, `bilateral seed`),
built once at `--db`. Two measures, each a fresh process per run:

- launch: `bilateral serve --workers N` as the README runs it (migrations on), through the checkout's
  own `bilateral` script (as pip writes it from `[project.scripts]`: the spawned workers run that
  script again as their main module, so what it imports each worker imports), timed from the launch
  to the first 200 of `/v1/countries?limit=1` (polled every 10 ms, as bench/servers.py polls), and
  the CPU time each process had used by then (`/proc/PID/stat`): the supervisor, which checks the
  database and spawns the workers, and each worker, which imports the app, starts it and (one of
  them) answers. Wall time depends on the machine's load, printed beside it; CPU time much less.
- phases: one worker's start-up in process, CPU time (`time.process_time`) per step: the interpreter,
  uvicorn (as a worker imports it), the factory's module (`app.worker`), `app.main`, the app built,
  its lifespan started, the first request, the same request again, then the first and a later
  request of each URL of a small mix (what the "first minute" pays once), with the response cache
  off.

- instructions (`--instructions`, needs valgrind): the instructions a worker executes to start (uvicorn
  imported, the app built), and to its first answer (then its lifespan and the probe), and those the
  supervisor executes before it spawns the workers (the command line imported, the check at head),
  counted by callgrind: unlike CPU time, a count that does not move with the machine's load, so a
  change's effect shows on a busy machine. Slow (a minute or two each under valgrind).

`--app-root` puts another checkout's `app` package first on the path of every process measured.
"""

import argparse
import functools
import importlib.util
import json
import os
import statistics
import subprocess
import tempfile
import time
import tomllib
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"
PROBE = "/v1/countries?limit=1"
TICKS = os.sysconf("SC_CLK_TCK")

# One URL per kind of read, each distinct from the probe: what a client's first minute asks.
MIX = [
    "/v1/events?limit=20",
    "/v1/agreements?limit=20",
    "/v1/trade-figures?limit=20",
    "/v1/infrastructure-projects?limit=20",
    "/v1/organizations?limit=20",
    "/v1/sources?limit=5",
    "/v1/search?q=summit",
    "/v1/relations/AZ/KZ",
    "/v1/changes?limit=20",
    "/v1/conflicts",
    "/v1/trade-figures?format=csv&limit=50",
    "/openapi.json",
]

PHASES = r"""
import json, sys, time
marks = {"interpreter": time.process_time()}
def mark(name):
    marks[name] = time.process_time() - sum(marks.values())
import gc
import uvicorn.config, uvicorn.server, uvicorn.protocols.http.httptools_impl, uvloop
mark("uvicorn")
from uvicorn.importer import import_from_string
import os
# Code from before app/worker.py built the app with app.cli's factory.
factory_module = "app.worker" if os.path.exists("app/worker.py") else "app.cli"
factory = import_from_string(factory_module + ":create_app")
mark("import factory")
gc.disable()  # as the factory does before it imports app.main
import app.main
mark("import app.main")
assert app.main.__file__.startswith(os.getcwd()), app.main.__file__  # the code asked for
app = factory()
mark("build app")
import asyncio
from bench.overhead import Driver
driver = Driver(app)
async def requests():
    async with app.router.lifespan_context(app):
        mark("lifespan")
        for step in ("first request", "second request"):
            status, _, _ = await driver.get(PROBE, [(b"host", b"127.0.0.1")])
            assert status == 200, (PROBE, status)
            mark(step)
        for url in MIX:
            first = time.process_time()
            status, _, _ = await driver.get(url, [(b"host", b"127.0.0.1")])
            assert status == 200, (url, status)
            middle = time.process_time()
            await driver.get(url, [(b"host", b"127.0.0.1")])
            marks.setdefault("mix", {})[url] = [middle - first, time.process_time() - middle]
uvloop.run(requests())
print(json.dumps(marks))
"""


WORKER_START = """
import os, runpy
runpy.run_path(SCRIPT, run_name="__mp_main__")  # what multiprocessing's spawn does first in a worker
import uvicorn.config, uvicorn.server, uvicorn.protocols.http.httptools_impl, uvloop
from uvicorn.importer import import_from_string
factory_module = "app.worker" if os.path.exists("app/worker.py") else "app.cli"
app = import_from_string(factory_module + ":create_app")()
"""

# The worker's start, then its lifespan and the first answer (the probe, asked straight into the app).
WORKER_FIRST_ANSWER = (
    WORKER_START
    + """
from bench.overhead import Driver
async def first_answer():
    async with app.router.lifespan_context(app):
        status, _, _ = await Driver(app).get(PROBE, [(b"host", b"127.0.0.1")])
        assert status == 200, status
uvloop.run(first_answer())
"""
)

# `bilateral serve` as the entry point runs it, up to the call that starts the workers.
SUPERVISOR_START = """
import sys, uvicorn
def run(*args, **options):
    import uvicorn.config, uvicorn.supervisors.multiprocess
uvicorn.run = run
sys.argv = ["bilateral", "serve"]
runpy.run_path(SCRIPT, run_name="__main__")
"""


@functools.cache
def entry_script(root: Path) -> Path:
    """The `bilateral` script as pip writes it for the checkout at root (its `[project.scripts]`), so
    that each code is launched, and its workers spawned, through its own entry point."""
    scripts = tomllib.loads((root / "pyproject.toml").read_text())["project"]["scripts"]
    module, function = scripts["bilateral"].split(":")
    script = Path(tempfile.mkdtemp(prefix="bilateral-startup-")) / "bilateral"
    script.write_text(
        f"import sys\nfrom {module} import {function}\n"
        f"if __name__ == '__main__':\n    sys.exit({function}())\n"
    )
    return script


def instructions(env: dict[str, str], root: Path, code: str) -> int:
    """Instructions executed by `python -c code`, counted by callgrind."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", str(BIN / "python"), "-c", code],
        cwd=root,
        env={**env, "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
    )
    counted = [line for line in done.stderr.splitlines() if "Collected :" in line]
    if done.returncode or not counted:
        raise SystemExit(f"callgrind failed:\n{done.stderr[-2000:]}")
    return int(counted[0].rsplit(":", 1)[1])


def cpu_seconds(pid: int) -> float:
    """utime + stime of one process (all its threads), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def workers_of(pid: int) -> list[int]:
    """uvicorn's worker processes (multiprocessing's spawn), not its resource tracker."""
    found = []
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(int(child))
        except FileNotFoundError:
            continue
    return found


def seeded(env: dict[str, str]) -> bool:
    """Whether the database is at head, seeded and indexed (what `serve` checks before it starts)."""
    code = "from app.cli import _ready\nfrom app.config import get_settings\n"
    code += "print(_ready(get_settings().database_url))"
    done = subprocess.run([str(BIN / "python"), "-c", code], env=env, capture_output=True, text=True)
    return done.stdout.strip() == "True"


def build(db: Path | None, env: dict[str, str]) -> None:
    if db is not None:
        db.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(BIN / "bilateral"), "db", "upgrade"], env=env, check=True, capture_output=True)
    subprocess.run([str(BIN / "bilateral"), "seed"], env=env, check=True, capture_output=True)
    subprocess.run([str(BIN / "bilateral"), "reindex"], env=env, check=True, capture_output=True)


def launch(env: dict[str, str], root: Path, port: int, workers: int, migrate: bool) -> dict[str, object]:
    cmd = [str(BIN / "python"), str(entry_script(root)), "serve"]
    cmd += ["--host", HOST, "--port", str(port), "--workers", str(workers)]
    if not migrate:
        cmd.append("--no-migrate")
    load = os.getloadavg()[0]
    launched = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if process.poll() is not None:
                raise SystemExit(f"serve exited ({process.returncode})")
            if time.perf_counter() - launched > 120:
                raise SystemExit("serve did not answer in 120 s")
            try:
                if httpx.get(f"http://{HOST}:{port}{PROBE}", timeout=5).status_code == 200:
                    wall = time.perf_counter() - launched
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.01)
        supervisor = cpu_seconds(process.pid)
        per_worker = sorted((cpu_seconds(pid) for pid in workers_of(process.pid)), reverse=True)
    finally:
        process.terminate()
        process.wait(30)
    return {"wall_s": wall, "load": load, "supervisor_cpu_s": supervisor, "worker_cpu_s": per_worker}


def phases(env: dict[str, str], root: Path) -> dict[str, object]:
    code = f"PROBE = {PROBE!r}\nMIX = {MIX!r}\n" + PHASES
    done = subprocess.run(
        [str(BIN / "python"), "-c", code], cwd=root, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"the phases failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "results" / "startup" / "seeded.db")
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL database instead of the SQLite file (migrated and seeded if empty)",
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8610)
    parser.add_argument("--no-migrate", action="store_true", help="launch with `serve --no-migrate`")
    parser.add_argument("--launch-only", action="store_true")
    parser.add_argument("--phases-only", action="store_true")
    parser.add_argument("--instructions", action="store_true", help="only count instructions (valgrind)")
    parser.add_argument("--app-root", help="a checkout whose app package the processes run instead")
    args = parser.parse_args()
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url or f"sqlite:///{args.db.resolve()}",
        "BILATERAL_LOG_LEVEL": "warning",
        "PYTHONPATH": os.pathsep.join(filter(None, [args.app_root, str(ROOT)])),
    }
    if args.database_url and not seeded(env):
        build(None, env)
    elif not args.database_url and not args.db.exists():
        build(args.db, env)
    # `python -c` puts its working directory first on the path: the code measured is that directory's.
    root = Path(args.app_root or ROOT).resolve()
    main_py = root / "app" / "main.py"
    cached = Path(importlib.util.cache_from_source(str(main_py))).exists()
    no_write = os.environ.get("PYTHONDONTWRITEBYTECODE")
    print(f"load average {os.getloadavg()[0]:.2f}; the app's bytecode (app/__pycache__) is", end=" ")
    print(f"{'there' if cached else 'not there'}; PYTHONDONTWRITEBYTECODE={no_write}")
    if args.instructions:
        script = f"SCRIPT = {str(entry_script(root))!r}\nPROBE = {PROBE!r}\n"
        worker = instructions(env, root, script + WORKER_START)
        answered = instructions(env, root, script + WORKER_FIRST_ANSWER)
        supervisor = instructions(env, root, script + "import runpy\n" + SUPERVISOR_START)
        print(
            f"instructions (millions): worker start {worker / 1e6:,.0f}, to its first answer"
            f" {answered / 1e6:,.0f}, supervisor {supervisor / 1e6:,.0f}"
        )
        return
    if not args.phases_only:
        runs = [launch(env, root, args.port, args.workers, not args.no_migrate) for _ in range(args.runs)]
        print(f"launch → first 200 of {PROBE}, {args.workers} workers (CPU: seconds used by then)")
        print(f"{'wall s':>7} {'load':>5} {'supervisor':>10}  workers")
        for run in runs:
            workers = " / ".join(f"{cpu:.2f}" for cpu in run["worker_cpu_s"])  # type: ignore[attr-defined]
            print(f"{run['wall_s']:7.2f} {run['load']:5.2f} {run['supervisor_cpu_s']:10.2f}  {workers}")
    if not args.launch_only:
        env_cold = {**env, "BILATERAL_RESPONSE_CACHE_MB": "0"}
        results = [phases(env_cold, root) for _ in range(args.runs)]
        print("\none worker's start-up, CPU seconds per step (median, min of the runs)")
        for step in results[0]:
            if step == "mix":
                continue
            values = [float(result[step]) for result in results]  # type: ignore[arg-type]
            print(f"{step:>16} {statistics.median(values):6.3f} {min(values):6.3f}")
        print("\nthe mix after start-up, CPU ms of the first and the second request (median of the runs)")
        for url in MIX:
            first = statistics.median(result["mix"][url][0] for result in results)  # type: ignore[index]
            second = statistics.median(result["mix"][url][1] for result in results)  # type: ignore[index]
            print(f"{first * 1000:8.1f} {second * 1000:8.1f}  {url}")


if __name__ == "__main__":
    main()
