"""How long `bilateral sources add` takes for many articles: issue 12's "1,000 articles added by the
CLI in under 10 minutes".

The articles are the team-written corpus (bench/extraction/corpus/*.txt), each written out many times
under its own file name with a numbered headline, into a fresh SQLite database migrated and seeded
here. One command adds them all, as a user would, with its progress bar; the table gives the wall
time, the rate and the candidates proposed.

    .venv/bin/python -m bench.sources_cli [--articles 1000] [--keep DIR]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path

from bench.extraction_score import CORPUS_DIR, REPO_ROOT

TARGET_SECONDS = 600


def write_articles(folder: Path, count: int) -> int:
    """`count` files from the corpus's articles; their total size in characters."""
    texts = sorted(CORPUS_DIR.glob("*.txt"))
    size = 0
    for n, path in zip(range(count), cycle(texts), strict=False):
        text = f"Report {n + 1}: {path.stem}\n\n{path.read_text(encoding='utf-8').strip()}\n"
        (folder / f"{n + 1:05d}-{path.stem}.txt").write_text(text, encoding="utf-8")
        size += len(text)
    return size


def bilateral(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).with_name("bilateral")), *args]
    environment = os.environ | {"DATABASE_URL": database_url}
    return subprocess.run(
        command, env=environment, capture_output=True, text=True, check=False, cwd=REPO_ROOT
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000, help="how many files to add")
    parser.add_argument("--keep", type=Path, help="write the files and database here, and keep them")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = options.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        articles = folder / "articles"
        articles.mkdir(exist_ok=True)
        characters = write_articles(articles, options.articles)
        database_url = f"sqlite:///{folder / 'sources.db'}"
        for step in (("db", "upgrade"), ("seed",)):
            done = bilateral(database_url, *step)
            if done.returncode:
                raise SystemExit(f"{' '.join(step)} failed:\n{done.stderr}")
        files = sorted(str(path) for path in articles.glob("*.txt"))
        started = time.perf_counter()
        added = bilateral(
            database_url, "sources", "add", *files, "--kind", "wire_report", "--published", "2025-12"
        )
        seconds = time.perf_counter() - started
        summary = added.stdout.strip().splitlines()[-1] if added.stdout.strip() else added.stderr[-500:]
        print("| articles | characters | wall time | per article | articles / minute | result | target |")
        print("|---|---|---|---|---|---|---|")
        verdict = "PASS" if added.returncode == 0 and seconds < TARGET_SECONDS else "FAIL"
        each = seconds / options.articles * 1000
        rate = options.articles / seconds * 60
        print(
            f"| {options.articles:,} | {characters:,} | {seconds:.1f} s | {each:.0f} ms | {rate:.0f} "
            f"| {summary} | {verdict} (< {TARGET_SECONDS} s) |"
        )


if __name__ == "__main__":
    main()
