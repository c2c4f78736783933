"""wrk runs: a Lua script per cell whose threads each seed their own random generator, and the
connection split between the server's worker processes sampled while it runs."""

import json
import subprocess
import time
from pathlib import Path

from bench.servers import connection_split

# `setup` numbers the threads; each thread's `init` seeds its own generator with its number, so
# the threads neither start at the same URL nor walk the same random sequence.
LUA = """
local paths = {%(paths)s}
local pick_at_random = %(random)s
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end
function init(args)
  math.randomseed(%(seed)d * 1000 + thread_number)
  i = math.random(#paths) - 1
end
function request()
  if pick_at_random then
    return wrk.format("GET", paths[math.random(#paths)])
  end
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))
end
"""

BALANCE_WARNING = 0.75  # one worker holding more than this share of the connections


def lua(paths: list[str], seed: int, at_random: bool) -> str:
    listed = ", ".join(json.dumps(p) for p in paths)
    return LUA % {"paths": listed, "random": "true" if at_random else "false", "seed": seed}


def run(
    exe: str,
    base: str,
    paths: list[str],
    *,
    duration: int,
    connections: int,
    seed: int,
    script: Path,
    server_pid: int,
    port: int,
    at_random: bool = False,
) -> dict:
    """One cell: `paths` cycled in order from a random start per thread (or, `at_random`, each
    request a random one), for `duration` seconds at `connections` connections."""
    script.write_text(lua(paths, seed, at_random))
    cmd = [exe, "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", str(script), base]
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # wrk opens its connections at the start and keeps them; a server slow to accept lags behind, so
    # the sample that saw the most connections is kept.
    samples = []
    for _ in range(3):
        time.sleep(duration * 0.25)
        samples.append(connection_split(port, server_pid))
    split = max(samples, key=sum)
    stdout, stderr = process.communicate(timeout=duration + 60)
    line = next((x for x in stdout.splitlines() if x.startswith("RESULT")), None)
    if line is None:
        raise SystemExit(f"wrk failed: {stdout}\n{stderr}")
    requests, duration_us, p50, p99, errors, non2xx = map(int, line.split()[1:])
    return {
        "req_s": requests / (duration_us / 1e6),
        "p50_ms": p50 / 1000,
        "p99_ms": p99 / 1000,
        "requests": requests,
        "errors": errors,
        "non_2xx": non2xx,
        "split": split,
    }


def unbalanced(split: list[int]) -> bool:
    return len(split) > 1 and sum(split) > 0 and split[0] / sum(split) > BALANCE_WARNING
