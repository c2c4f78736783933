"""PostgreSQL's own time per request of the random mix, by kind, read from the server's log: parse,
bind (where the server plans) and execute, the statements a request sends and the distinct
statement texts. The URLs are `bench/overhead.py --mix`'s, sent into the app in process one at a time;
the app's connections carry `-c log_min_duration_statement=0` (theirs only), and the log's lines of
the URL's database are read back. Needs read access to the server's log file (`--log`).

    .venv/bin/python bench/server_time.py postgresql+psycopg://postgres@127.0.0.1:5432/bench_x
    .venv/bin/python bench/server_time.py $PG --only "search" --repeat 4     # a kind's URLs four times
    .venv/bin/python bench/server_time.py $PG --whole 3      # the mix shuffled, 3 rounds, the last counted
    .venv/bin/python bench/server_time.py $PG --threshold 0 --max 500   # psycopg's prepare settings
    .venv/bin/python bench/server_time.py $PG --texts /tmp/texts.json   # every executed text, counted

`--threshold` / `--max` set psycopg's `prepare_threshold` / `prepared_max` on every connection the app
opens (its pool's and its event-loop reads'), by overriding psycopg's own defaults in this process.
`--fix-limit N` sends every URL with `limit=N`: a simulation of fewer distinct texts, not the same
answers. Results are noisy on a loaded machine (the milliseconds, not the counts): compare
alternated runs.
"""

import argparse
import asyncio
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.overhead import Driver, mix_urls

LOG = Path("/var/log/postgresql/postgresql-15-main.log")
# The default log_line_prefix of Debian's PostgreSQL: `%m [%p] %q%u@%d `.
_LINE = re.compile(r"^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[\d+\] \S*@(\S*) \w+:  (.*)$")
_DURATION = re.compile(r"duration: ([\d.]+) ms  (parse|bind|execute|statement)( [^:]*)?: (.*)$", re.S)
PHASES = ("parse", "bind", "execute", "statement")


def log_messages(text: str, database: str) -> Iterator[str]:
    """The messages (continuation lines joined) the log's `text` holds for `database`."""
    current: str | None = None
    for line in text.split("\n"):
        found = _LINE.match(line)
        if found:
            if current is not None:
                yield current
            current = found.group(2) if found.group(1) == database else None
        elif current is not None:
            current += "\n" + line
    if current is not None:
        yield current


def set_prepare(threshold: int, most: int) -> None:
    """psycopg's prepare settings for every connection opened from now on (the app opens its own)."""
    from psycopg import _preparing

    manager = _preparing.PrepareManager
    # Properties that ignore what `connect()` sets: it passes its own default threshold explicitly.
    manager.prepare_threshold = property(lambda _self: threshold, lambda _self, _value: None)  # type: ignore[assignment]
    manager.prepared_max = property(lambda _self: most, lambda _self, _value: None)  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="the PostgreSQL database bench/run.py built (SQLAlchemy URL)")
    parser.add_argument("--db", type=Path, default=Path("bench/results/data-200000-50000-seed5/bench.db"))
    parser.add_argument("--log", type=Path, default=LOG)
    parser.add_argument("--only", nargs="*", help="only these kinds (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="each kind's URLs this many times")
    parser.add_argument(
        "--whole", type=int, default=0, help="the whole mix shuffled, N rounds, the last counted"
    )
    parser.add_argument("--threshold", type=int, default=5, help="psycopg's prepare_threshold")
    parser.add_argument("--max", type=int, default=100, help="psycopg's prepared_max")
    parser.add_argument("--fix-limit", type=int, help="every URL with this limit (not the same answers)")
    parser.add_argument("--texts", type=Path, help="write every executed text and its count here (JSON)")
    args = parser.parse_args()
    set_prepare(args.threshold, args.max)

    from sqlalchemy import make_url

    from app.config import Settings
    from app.main import create_app

    url = make_url(args.url)
    options = str(url.query.get("options", ""))
    url = url.update_query_dict({"options": f"{options} -c log_min_duration_statement=0".strip()})
    settings = Settings(
        _env_file=None,
        database_url=url.render_as_string(hide_password=False),
        rate_limit_per_minute=0,
        response_cache_mb=0,
        log_level="warning",
    )
    app = create_app(settings)
    driver = Driver(app)
    by_kind = mix_urls(args.db, 5)
    by_kind = {kind: by_kind[kind] for kind in args.only or by_kind}
    if args.fix_limit:
        by_kind = {
            k: [re.sub(r"limit=\d+", f"limit={args.fix_limit}", u) for u in v] for k, v in by_kind.items()
        }
    warm_up: list[str] = []
    if args.whole:
        every = [u for urls in by_kind.values() for u in urls]
        random.Random(1).shuffle(every)
        by_kind = {"whole mix (last round)": every}
        warm_up = every * (args.whole - 1)
    headers = [(b"host", b"127.0.0.1:8000")]
    spans: dict[str, tuple[int, int, int]] = {}

    async def run() -> None:
        async with app.router.lifespan_context(app):
            for url in warm_up:
                await driver.get(url, headers)
            for kind, urls in by_kind.items():
                await asyncio.sleep(0.3)  # the log written up to here
                start = args.log.stat().st_size
                for url in urls * args.repeat:
                    status, _, _ = await driver.get(url, headers)
                    if status != 200:
                        raise SystemExit(f"{url}: {status}")
                await asyncio.sleep(0.3)
                spans[kind] = (start, args.log.stat().st_size, len(urls) * args.repeat)

    asyncio.run(run())
    texts: Counter[str] = Counter()
    total: defaultdict[str, float] = defaultdict(float)
    counts: Counter[str] = Counter()
    print(
        f"{'kind':40} {'req':>5} {'stmt/r':>6} {'parse/r':>7} "
        + " ".join(f"{p:>9}" for p in PHASES)
        + " texts"
    )
    for kind, (start, end, requests) in spans.items():
        with args.log.open("rb") as log:
            log.seek(start)
            chunk = log.read(end - start).decode(errors="replace")
        time: defaultdict[str, float] = defaultdict(float)
        seen: Counter[str] = Counter()
        kind_texts: set[str] = set()
        for message in log_messages(chunk, url.database or ""):
            found = _DURATION.match(message)
            if not found:
                continue
            phase = found.group(2)
            time[phase] += float(found.group(1))
            seen[phase] += 1
            if phase == "parse" and "_pg" in (found.group(3) or ""):
                seen["named parse"] += 1
            if phase in ("execute", "statement"):
                sql = re.sub(r"\s+", " ", found.group(4).split("DETAIL:")[0]).strip()
                texts[sql] += 1
                kind_texts.add(sql)
        for phase, ms in time.items():
            total[phase] += ms
        counts.update(seen)
        statements = (seen["execute"] + seen["statement"]) / requests
        ms = " ".join(f"{time[p] / requests:9.3f}" for p in PHASES)
        parses = seen["parse"] / requests
        print(f"{kind[:40]:40} {requests:5d} {statements:6.2f} {parses:7.2f} {ms} {len(kind_texts):5d}")
    requests = sum(span[2] for span in spans.values())
    print(
        f"server ms a request {sum(total.values()) / requests:.3f} ("
        + ", ".join(f"{p} {total[p] / requests:.3f}" for p in PHASES)
        + f"); named parses {counts['named parse']}; distinct texts {len(texts)}, "
        f"seen once {sum(1 for n in texts.values() if n == 1)}"
    )
    if args.texts:
        args.texts.write_text(json.dumps(texts.most_common(), indent=0))


if __name__ == "__main__":
    main()
