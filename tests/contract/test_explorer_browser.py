"""The explorer in a real browser (browser/explorer_pages.mjs): Debian's Chromium opens every page
type on the seed and on the benchmark's pair, checks what is drawn (a year-long span, a hatched
forecast, a quote at its offsets), clicks timeline → record → source, accepts a candidate with an
edit and rejects another in the review queue with a write key, and axe-core finds no violation on
any page. Screenshots are left in the test's tmp_path."""

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from app import datastate
from app.db import make_engine, make_sessionmaker
from app.explorer import reads
from bench import explorer as bench

from .conftest import Template, served_copy
from .tools import CHROMIUM, TOOLS, node, node_tool, require_tool

SCRIPT = Path(__file__).parent / "browser" / "explorer_pages.mjs"
# Invented for this test: a report the extractor proposes candidates from.
WIRE = (
    "BAKU, 3 March. Trade turnover between Azerbaijan and Kazakhstan reached about 610 million dollars "
    "in 2023, the ministry said.\n\n"
    "Exports of Kazakhstan to Azerbaijan amounted to 250 million dollars in 2023."
)


def add_benchmark_pair(database: Path, tmp_path: Path) -> None:
    """bench/explorer.py's pair (AM/GE), smaller: 3,000 figures through `bilateral import`, 1,000 events."""
    url = f"sqlite:///{database}"
    csv_path = tmp_path / "pair.csv"
    bench.write_trade_csv(csv_path, 3000, seed=1)
    command = [str(Path(sys.executable).parent / "bilateral"), "import", "trade-figures", str(csv_path)]
    imported = subprocess.run(
        command, env={**os.environ, "DATABASE_URL": url}, capture_output=True, text=True, timeout=300
    )
    assert imported.returncode == 0, imported.stderr
    bench.insert_events(url, 1000, seed=1)
    engine = make_engine(url)
    with make_sessionmaker(engine).begin() as session:
        datastate.bump(session)
    engine.dispose()


def test_explorer_pages_in_chromium(
    seeded_template: Template, write_headers: dict[str, str], tmp_path: Path
) -> None:
    # A server of its own: this test adds a source, candidates and the benchmark's pair, which the
    # other contract checks, reading the shared live server, must not see.
    with served_copy(seeded_template, "explorer") as server:
        explore(server, seeded_template.path.with_name("explorer.db"), write_headers, tmp_path)


def explore(live_server: str, database: Path, write_headers: dict[str, str], tmp_path: Path) -> None:
    node_path = node()
    node_tool("playwright-core")
    require_tool(TOOLS / "node_modules" / "axe-core" / "axe.min.js", "axe-core", "run scripts/tools")
    chromium = require_tool(CHROMIUM, "Chromium", "apt-get install chromium (or set BILATERAL_TEST_CHROMIUM)")
    source = {"title": "An invented wire", "kind": "wire_report", "text": WIRE, "publication_date": "2024-03"}
    created = httpx.post(f"{live_server}/v1/sources", json=source, headers=write_headers, timeout=60)
    assert created.status_code == 201, created.text
    add_benchmark_pair(database, tmp_path)
    key = write_headers["Authorization"].removeprefix("Bearer ")
    result = subprocess.run(
        [str(node_path), str(SCRIPT), live_server, str(chromium), str(TOOLS), str(tmp_path), key],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"the browser script failed:\n{result.stdout}\n{result.stderr}"
    found = json.loads(result.stdout)
    assert found["outside"] == [], "a page asked another host for something"
    assert found["pageErrors"] == [] and found["consoleErrors"] == [], found
    assert {page: v for page, v in found["axe"].items() if v} == {}, json.dumps(found["axe"], indent=1)
    assert len(found["axe"]) == 9

    assert found["homePairs"] >= 5
    # A year-precision event spans the year; one dated to November spans November.
    assert found["monthWidth"] / found["yearWidth"] == pytest.approx(30 / 365, rel=0.02)
    # The forecast is hatched, the reported value solid, the part of a year pale.
    assert found["forecastFill"].startswith('url("#hatch-') and found["reportedFill"].startswith("rgb(")
    assert float(found["partialOpacity"]) < 1
    assert sorted(found["chartUnits"]) == ["USD", "percent", "tonnes"]
    assert all(call.startswith("/v1/") for call in found["panelCalls"])

    assert found["recordPath"] == "/events/aliyev-state-visit-kazakhstan-2025-11"
    assert found["recordTitle"] == "State visit of President Ilham Aliyev to Kazakhstan"
    quote = found["clickedQuote"]
    assert found["sourceHash"] == f"#q-{quote['start']}-{quote['end']}"
    assert found["clickedOffset"] == quote["start"]
    assert found["clickedText"] == found["sourceQuote"]
    assert found["misplaced"]["count"] > 10 and found["misplaced"]["wrong"] == []

    assert found["searchHits"] > 0
    assert found["russianTitle"] == "Азербайджан – Казахстан"

    assert found["disabledBeforeKey"] is True
    assert found["keyInSession"] is True and found["keyInLocal"] == 0
    # Accepted with the reviewer's edit (the extractor said "about"), the other rejected with a reason.
    assert found["accepted"] == "accepted" and found["acceptedRecordLink"].startswith("/trade-figures/")
    assert found["acceptedBound"] == "exact"
    assert found["rejected"] == ["rejected", "Invented for the test."]
    # The benchmark's pair: its latest events on the timeline, the next page linked; each series'
    # latest figures drawn as paths, per unit, and the series cut short linked in full.
    assert found["benchBars"] == reads.TIMELINE_EVENTS
    assert found["benchMoreEvents"].startswith("/v1/events?") and "cursor=" in found["benchMoreEvents"]
    assert found["benchCutSeries"] > 0
    assert found["benchCharts"] >= 3 and found["benchChartPaths"] > 0 and found["benchUnits"] == ["USD"]
    assert found["benchForecastPaths"] > 0

    for screenshot in found["screenshots"]:
        assert Path(screenshot).stat().st_size > 0
