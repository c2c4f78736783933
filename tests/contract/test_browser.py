"""/docs works in a real browser, offline: Debian's Chromium, driven by playwright-core
(browser/docs_page.mjs), opens the page, expands `listEvents`, runs it with "Try it out", and no
request leaves this machine."""

import json
import subprocess
from pathlib import Path

from .tools import CHROMIUM, TOOLS, node, node_tool, require_tool

SCRIPT = Path(__file__).parent / "browser" / "docs_page.mjs"


def test_docs_page_renders_and_runs_the_list_endpoint(live_server: str, tmp_path: Path) -> None:
    node_path = node()
    node_tool("playwright-core")
    chromium = require_tool(CHROMIUM, "Chromium", "apt-get install chromium (or set BILATERAL_TEST_CHROMIUM)")
    screenshot = tmp_path / "docs.png"
    result = subprocess.run(
        [str(node_path), str(SCRIPT), live_server, str(chromium), str(TOOLS), str(screenshot)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"the browser script failed:\n{result.stdout}\n{result.stderr}"
    found = json.loads(result.stdout)
    assert found["outside"] == [], "the page asked another host for something"
    assert found["pageErrors"] == [] and found["consoleErrors"] == [], found
    assert found["title"].startswith("Bilateral relations API")
    assert (found["path"], found["summary"]) == ("/v1/events", "List events")
    assert {"country", "date_from", "date_to", "cursor", "limit", "sort"} <= set(found["parameters"])
    assert {"200", "422"} <= set(found["documentedStatuses"])
    assert found["liveStatus"] == "200"
    ids = [item["id"] for item in json.loads(found["liveBody"])["items"]]
    assert "aliyev-state-visit-kazakhstan-2025-11" in ids
    assert screenshot.stat().st_size > 0
