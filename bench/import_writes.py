"""Every write of an import, as digests: to check that two trees write the same on each engine.

    .venv/bin/python bench/import_writes.py --engine sqlite > after.txt
    .venv/bin/python bench/import_writes.py --engine sqlite --tree /path/to/other/checkout > before.txt
    diff before.txt after.txt

A fresh database (SQLite: a temporary file; PostgreSQL: a schema of its own in
BILATERAL_TEST_POSTGRES_URL, dropped afterwards), migrated and seeded, imports in turn: a generated file
of --rows rows (twice), the same rows with every other value changed in a file of another name (an
update of each), the file grown by half again (stored rows and new ones in one batch), and the real
trade files of ../shared/real-data/ (read there, never copied). Then prints a digest of each table an
import writes (trade_figures, citations, revisions but their commit time, search_documents, sources,
export_lines; SQLite's full-text rows and a match), the indexes and triggers, and each report's
counts. `--tree` runs the code of another checkout (its `app` package) with this one's environment.
"""

import argparse
import hashlib
import io
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

REAL_FILES = (
    "china_usa_hs8542_semiconductor_trade.csv",
    "comtradr_chn_arg_deu_2010_HS-60a6ad.json",
    "legacy_comtrade_china_sitc4_2010-2014.csv",
    "thailand_hs8542_TradeData.csv",
)
TABLES = {
    "trade_figures": "SELECT * FROM trade_figures ORDER BY id",
    "citations": "SELECT * FROM citations ORDER BY id",
    "revisions": (
        "SELECT id, record_type, record_id, action, actor, changes, origin FROM revisions ORDER BY id"
    ),
    "search_documents": "SELECT * FROM search_documents ORDER BY id",
    "sources": "SELECT * FROM sources ORDER BY id",
    "export_lines": "SELECT * FROM export_lines ORDER BY record_type, lang, record_id",
}
SQLITE_ONLY = {
    "search_fts": "SELECT rowid, stems FROM search_fts ORDER BY rowid",
    "search_fts match": "SELECT rowid FROM search_fts WHERE search_fts MATCH 'export' ORDER BY rowid",
    "schema": "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name",
}
POSTGRESQL_ONLY = {
    "schema": "SELECT tablename, indexname, regexp_replace(indexdef, ' ON \\S+\\.', ' ON ') FROM pg_indexes "
    "WHERE schemaname = current_schema() ORDER BY indexname",
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--tree", type=Path, help="the checkout whose code imports (default: this one)")
    args = parser.parse_args()
    if args.tree is not None:
        sys.path.insert(0, str(args.tree.resolve()))
    from alembic import command
    from sqlalchemy import text
    from sqlalchemy.orm import sessionmaker

    from app.config import REPO_ROOT
    from app.db import make_engine
    from app.imports.repository import ImportOptions, import_file
    from app.imports.schemas import ImportLayout
    from app.migrated import alembic_config
    from app.seeding import seed_all
    from bench import import_rows

    real_data = Path(__file__).resolve().parent.parent.parent / "shared" / "real-data"
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        generated = tmp / "generated.csv"
        import_rows.write_file(generated, args.rows, ImportLayout.generic)
        lines = generated.read_text().splitlines(keepends=True)
        changed = [lines[0]] + [
            line.replace(",USD,", "1,USD,", 1) if n % 2 else line for n, line in enumerate(lines[1:])
        ]
        grown = tmp / "grown.csv"
        import_rows.write_file(grown, args.rows * 3 // 2, ImportLayout.generic)
        files = [
            ("generated.csv", generated.read_bytes()),
            ("generated.csv", generated.read_bytes()),
            ("changed.csv", "".join(changed).encode()),
            ("grown.csv", grown.read_bytes()),
            *((name, (real_data / name).read_bytes()) for name in REAL_FILES),
        ]
        url, schema = import_rows.database(args.engine, tmp)
        try:
            command.upgrade(alembic_config(url), "head")
            engine = make_engine(url)
            print(f"code of {Path(import_file.__code__.co_filename).parent.parent.parent}", file=sys.stderr)
            with sessionmaker(engine).begin() as session:
                seed_all(session, REPO_ROOT / "seed")
            for name, content in files:
                options = ImportOptions(file_name=name, actor=f"import:{name}")
                with sessionmaker(engine).begin() as session:
                    report = import_file(session, io.BytesIO(content), options)
                counts = (report.applied, report.inserted, report.updated, report.unchanged, report.rejected)
                print(f"report {name}: applied, inserted, updated, unchanged, rejected = {counts}")
            queries = TABLES | (SQLITE_ONLY if args.engine == "sqlite" else POSTGRESQL_ONLY)
            with engine.connect() as connection:
                for table, query in queries.items():
                    digest, count = hashlib.sha256(), 0
                    for row in connection.execute(text(query)):
                        digest.update(repr(tuple(row)).encode())
                        count += 1
                    print(f"{table}: {count} rows, sha256 {digest.hexdigest()[:16]}")
            engine.dispose()
        finally:
            if schema:
                import psycopg

                with psycopg.connect(import_rows._libpq(import_rows.POSTGRES_URL), autocommit=True) as conn:
                    conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


if __name__ == "__main__":
    main()
