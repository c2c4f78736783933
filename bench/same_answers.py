"""Every answer of a set of read URLs, written to a file, to compare two versions of the code byte for
byte: status, headers (the request id aside) and body. Lists of every kind with their variants
(language, `fields`, `sort`, `include`, totals, facets, exports, the pages a cursor leads to) and one
record of each kind. The requests go straight into the ASGI app, as `bench/overhead.py` sends them.

    .venv/bin/python bench/same_answers.py --db /tmp/answers.db --out /tmp/after.jsonl
    cd /tmp/before    # the code before, from `git archive`
    .venv/bin/python bench/same_answers.py --db /tmp/answers.db --reuse --out /tmp/before.jsonl
    .venv/bin/python bench/same_answers.py --compare /tmp/before.jsonl /tmp/after.jsonl
    .venv/bin/python bench/same_answers.py --db bench/results/data-200000-50000-seed5/bench.db \
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bilateral_bench --out /tmp/pg.jsonl
    .venv/bin/python bench/same_answers.py --db bench/results/data-200000-50000-seed5/bench.db --reuse \
        --mix --out /tmp/mix.jsonl     # every URL of the random mix instead (bench/overhead.py --mix's)
"""

import argparse
import asyncio
import base64
import hashlib
import json
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(".").resolve()))

from bench.overhead import Driver

# Per list: its path, a filter that selects some of it, sorts, fields (with a relation), inclusions.
LISTS: dict[str, dict[str, Any]] = {
    "/v1/trade-figures": {
        "filters": ["reporter=AM&partner=GE", "indicator=exports&period_from=2000&period_to=2010"],
        "sorts": ["period", "-period", "value", "-value", "-id"],
        "fields": ["id,reporter,citations", "id,value,support,source_count", "projects,contested"],
        "include": [],
        "facets": ["indicator"],
    },
    "/v1/events": {
        "filters": ["country=AZ&date_from=2000&date_to=2024", "country=KZ&date_from=2015", "q=visit"],
        "sorts": ["date", "-date", "title", "-title", "-id"],
        "fields": ["id,title,countries", "id,citations,support"],
        "include": ["countries", "people,location"],
        "facets": ["type"],
    },
    "/v1/agreements": {
        "filters": [
            "country=KZ",
            "status=signed&date_from=2025&date_to=2025-12",
            "sector=industry&sector=agriculture",
            "q=agreement&date_match=within&date_from=2025",
        ],
        "sorts": ["-id"],
        "fields": ["id,sectors,countries"],
        "include": ["countries"],
        "facets": [],
    },
    "/v1/infrastructure-projects": {
        "filters": ["country=KZ", "kind=port&status=expanding", "country=KZ&country=AZ&q=port"],
        "sorts": ["-id"],
        "fields": ["id,countries"],
        "include": ["countries"],
        "facets": [],
    },
    "/v1/sources": {
        "filters": ["language=en", "kind=article&q=a"],
        "sorts": ["-id"],
        "fields": ["id,title"],
        "include": [],
        "facets": [],
    },
    "/v1/countries": {
        "filters": ["cited=true", "cited=false&q=ka"],
        "sorts": ["-id"],
        "fields": ["id,name"],
        "include": [],
        "facets": [],
    },
    "/v1/organizations": {
        "filters": ["q=org"],
        "sorts": ["-id"],
        "fields": ["id"],
        "include": [],
        "facets": [],
    },
    "/v1/people": {
        "filters": ["country=KZ", "q=a"],
        "sorts": ["-id"],
        "fields": ["id,country"],
        "include": ["country"],
        "facets": [],
    },
    "/v1/places": {
        "filters": ["kind=city&country=KZ", "q=a"],
        "sorts": ["-id"],
        "fields": ["id,country"],
        "include": ["country"],
        "facets": [],
    },
}
PAGES_FOLLOWED = 3
RECORDS_PER_KIND = 5


def urls_of(db: Path) -> list[str]:
    urls = [
        # The documents beside the lists: a series, searches (their cursors followed), the change feed,
        # a record's revisions, a dossier and the pairs of a country.
        "/v1/trade-figures/series?reporter=AM&partner=GE&indicator=exports",
        "/v1/trade-figures/series?reporter=GE&partner=AM&indicator=imports&period_kind=quarter&lang=ru",
        "/v1/trade-figures/series?reporter=AM&partner=GE&indicator=exports&status=reported&unit=USD",
        "/v1/search?q=visit&type=event&limit=20",
        "/v1/search?q=energy%20port&limit=10",
        "/v1/changes?limit=50",
        "/v1/changes?since=10&record_type=trade_figure&limit=100",
        "/v1/relations/GE/AM",
        "/v1/relations?country=AM&sort=-records&limit=5",
    ]
    for path, shape in LISTS.items():
        queries = ["", "limit=7", "lang=ru&limit=7", "count=true&limit=3"]
        queries += [f"{f}&limit=20" for f in shape["filters"]]
        queries += [f"{f}&lang=ru&limit=20" for f in shape["filters"]]
        queries += [f"sort={s}&limit=9" for s in shape["sorts"]]
        queries += [f"fields={f}&limit=9" for f in shape["fields"]]
        queries += [f"include={i}&limit=4" for i in shape["include"]]
        queries += [f"facets={f}&limit=2" for f in shape["facets"]]
        queries += ["format=csv", "format=ndjson&lang=ru"]
        urls += [f"{path}?{query}" if query else path for query in queries]
    tables = {
        "/v1/trade-figures": "trade_figures",
        "/v1/events": "events",
        "/v1/agreements": "agreements",
        "/v1/infrastructure-projects": "projects",
        "/v1/sources": "sources",
    }
    with sqlite3.connect(db) as conn:
        for path, table in tables.items():
            for (record_id,) in conn.execute(
                f"SELECT id FROM {table} ORDER BY id LIMIT ?", (RECORDS_PER_KIND,)
            ):
                urls += [f"{path}/{record_id}", f"{path}/{record_id}?lang=ru"]
        for (title,) in conn.execute("SELECT title_en FROM events ORDER BY id LIMIT 3"):
            urls.append(f"/v1/search?q={title.split()[-1]}&type=event&limit=5")
        for (figure_id,) in conn.execute("SELECT id FROM trade_figures ORDER BY id LIMIT 2"):
            urls.append(f"/v1/trade-figures/{figure_id}/revisions")
    return urls


def mix_urls(db: Path) -> list[str]:
    """Every URL of the random mix (`bench/overhead.py --mix`'s, written beside the database)."""
    from bench.overhead import mix_urls as by_kind

    return [url for urls in by_kind(db, 5).values() for url in urls]


async def answers(
    database_url: str, urls: list[str], headers: list[tuple[bytes, bytes]]
) -> list[dict[str, Any]]:
    from app.config import Settings
    from app.main import create_app

    settings = Settings(
        _env_file=None,
        database_url=database_url,
        rate_limit_per_minute=0,
        response_cache_mb=0,
        log_level="warning",
    )
    app = create_app(settings)
    driver = Driver(app)
    found = []
    async with app.router.lifespan_context(app):
        for first in urls:
            url: str | None = first
            for _ in range(PAGES_FOLLOWED):
                assert url is not None
                status, sent, body = await driver.get(url, headers)
                kept = [(k.decode(), v.decode()) for k, v in sent if k.lower() != b"x-request-id"]
                found.append(
                    {"url": url, "status": status, "headers": kept, "body": base64.b64encode(body).decode()}
                )
                url = _next(url, kept)
                if url is None:
                    break
    app.state.engine.dispose()
    return found


def _next(url: str, headers: list[tuple[str, str]]) -> str | None:
    for name, value in headers:
        if name.lower() == "link" and 'rel="next"' in value:
            link = urlsplit(value.split(">", 1)[0].lstrip("<"))
            return f"{link.path}?{link.query}"
    return None


def compare(before: Path, after: Path) -> int:
    a = [json.loads(line) for line in before.read_text().splitlines()]
    b = [json.loads(line) for line in after.read_text().splitlines()]
    differ = [(x["url"], y["url"]) for x, y in zip(a, b, strict=False) if x != y]
    size = sum(len(base64.b64decode(x["body"])) for x in a)
    print(f"{len(a)} answers before, {len(b)} after ({size:,} body bytes before); {len(differ)} differ")
    for pair in differ[:20]:
        print("  differs:", *pair)
    return 0 if len(a) == len(b) and not differ else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "bilateral-answers.db")
    parser.add_argument("--reuse", action="store_true", help="use --db as an earlier run built it")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument(
        "--mix", action="store_true", help="the random mix's URLs over --db (bench/run.py's), plain headers"
    )
    parser.add_argument(
        "--database-url",
        help="answer from this database (PostgreSQL) with --db's rows, as `bench/run.py --database "
        "postgresql` builds the two; --db then only names the URLs",
    )
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if not (args.reuse and args.db.exists()) and args.database_url is None:
        from bench.explorer import build

        build(args.db, 2_000, 500, 1)
    urls = mix_urls(args.db) if args.mix else urls_of(args.db)
    found = []
    database_url = args.database_url or f"sqlite:///{args.db}"
    variants = [[]] if args.mix else [[], [(b"accept-language", b"ru")], [(b"accept-encoding", b"gzip")]]
    for headers in variants:
        found += await_answers(database_url, urls, [(b"host", b"127.0.0.1:8000"), *headers])
    args.out.write_text("".join(json.dumps(answer) + "\n" for answer in found))
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()[:16]
    print(f"{len(found)} answers of {len(urls)} URLs to {args.out} (sha256 {digest})")
    return 0


def await_answers(
    database_url: str, urls: list[str], headers: list[tuple[bytes, bytes]]
) -> list[dict[str, Any]]:
    return asyncio.run(answers(database_url, urls, headers))


if __name__ == "__main__":
    raise SystemExit(main())
