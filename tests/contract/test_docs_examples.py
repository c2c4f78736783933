"""Every shell example in README.md and docs/ runs as written, against a live server on a copy of the
seed, so none can go stale.

A document's ```sh blocks run in order in one bash (so `API`, `KEY` and `AUTH` carry from block to
block), from a working directory that holds the checkout's `.venv`, the real data files of
../shared/real-data/ under their own names, and the example files the document itself shows. The
command line writes to the served database (`BILATERAL_DATABASE_URL`). A block passes when every
command succeeds (`set -e`) and every request it sends is answered 2xx or 3xx. An HTML comment on
the line before a block changes that (docs/development.md, "Examples that run"):

    <!-- doc-test: skip: why -->        not run (a server, a benchmark, your own deployment), with the reason
    <!-- doc-test: file NAME -->        this block's text is the file NAME the examples use
    <!-- doc-test: expect 422 404 -->   the block's requests are answered exactly these, in order
    <!-- doc-test: needs real-data -->  (anywhere) the examples use ../shared/real-data's files: without
                                        them beside the checkout, the document is skipped
"""

import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import REPO_ROOT
from app.main import create_app

from .conftest import Template, contract_settings, seeded_copy, serve

DOCS = [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").rglob("*.md"))]
REAL_DATA = REPO_ROOT.parent / "shared" / "real-data"
# The address every example uses; the test puts its own server's in its place.
DOCUMENTED_API = "http://127.0.0.1:8000"
MARK = "/__doc-test__/"
DIRECTIVE = re.compile(r"^<!--\s*doc-test:\s*(?P<verb>skip|file|expect|needs)\b:?\s*(?P<argument>.*?)\s*-->$")
FENCE = re.compile(r"^```(?P<info>\S*)\s*$")


@dataclass(frozen=True)
class Block:
    doc: Path
    line: int  # of the opening fence, 1-based
    info: str  # the fence's language: sh, csv, json, text…
    text: str
    verb: str | None  # the doc-test directive on the line before, if any
    argument: str

    def __str__(self) -> str:
        return f"{self.doc.relative_to(REPO_ROOT)}:{self.line}"


def blocks_of(doc: Path) -> list[Block]:
    found: list[Block] = []
    lines = doc.read_text(encoding="utf-8").splitlines()
    number = 0
    while number < len(lines):
        opening = FENCE.match(lines[number])
        if not opening:
            number += 1
            continue
        end = next(i for i in range(number + 1, len(lines)) if lines[i].startswith("```"))
        previous = next((lines[i].strip() for i in range(number - 1, -1, -1) if lines[i].strip()), "")
        directive = DIRECTIVE.match(previous)
        found.append(
            Block(
                doc=doc,
                line=number + 1,
                info=opening["info"],
                text="\n".join(lines[number + 1 : end]) + "\n",
                verb=directive["verb"] if directive else None,
                argument=directive["argument"] if directive else "",
            )
        )
        number = end + 1
    return found


def runnable(doc: Path) -> list[Block]:
    return [block for block in blocks_of(doc) if block.info == "sh" and block.verb != "skip"]


class Recorder:
    """The app, with every answer's status written down and a marker route between blocks."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.answers: list[tuple[int, str, int]] = []  # (block index, "GET /v1/…", status)
        self.block = -1

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"].startswith(MARK):
            self.block = int(scope["path"].removeprefix(MARK))
            await send({"type": "http.response.start", "status": 204, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        request = f"{scope['method']} {scope['path']}"
        block = self.block

        async def recording(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.answers.append((block, request, message["status"]))
            await send(message)

        await self.app(scope, receive, recording)


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / ".venv").symlink_to(REPO_ROOT / ".venv")
    if REAL_DATA.is_dir():
        for data in REAL_DATA.iterdir():
            (tmp_path / data.name).symlink_to(data)
    return tmp_path


def script(blocks: list[Block], base: str) -> str:
    parts = ["set -e"]
    for index, block in enumerate(blocks):
        parts.append(f"curl -s -o /dev/null '{base}{MARK}{index}'")
        parts.append(f"echo '### {block}' >&2")
        parts.append(block.text.replace(DOCUMENTED_API, base))
    return "\n".join(parts) + "\n"


@pytest.mark.parametrize(
    "doc", [doc for doc in DOCS if runnable(doc)], ids=lambda doc: str(doc.relative_to(REPO_ROOT))
)
def test_shell_examples_run_as_written(doc: Path, seeded_template: Template, workdir: Path) -> None:
    blocks = runnable(doc)
    if "<!-- doc-test: needs real-data -->" in doc.read_text(encoding="utf-8") and not REAL_DATA.is_dir():
        pytest.skip(f"{doc.name}'s examples use ../shared/real-data, which is not beside the checkout")
    for block in blocks_of(doc):
        if block.verb == "file":
            example = workdir / block.argument
            example.parent.mkdir(parents=True, exist_ok=True)
            example.write_text(block.text, encoding="utf-8")

    database = seeded_copy(seeded_template, f"docs-{doc.stem}")
    app = create_app(contract_settings(database))
    recorder = Recorder(app)
    env = {**os.environ, "BILATERAL_DATABASE_URL": database, "BILATERAL_RATE_LIMIT_PER_MINUTE": "0"}
    env.pop("DATABASE_URL", None)
    try:
        with serve(recorder) as base:
            ran = subprocess.run(
                ["bash", "-c", script(blocks, base)],
                cwd=workdir,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
    finally:
        app.state.engine.dispose()

    where = str(blocks[recorder.block]) if recorder.block >= 0 else doc.name
    output = f"--- stdout (last 3000 characters)\n{ran.stdout[-3000:]}\n--- stderr\n{ran.stderr[-3000:]}"
    assert ran.returncode == 0, f"{where}: a command failed (exit {ran.returncode})\n{output}"
    assert "Traceback" not in ran.stderr, f"{where}: a command printed a traceback\n{output}"
    assert recorder.block == len(blocks) - 1, f"{where}: the script stopped before the last block\n{output}"
    for index, block in enumerate(blocks):
        answers = [(request, status) for number, request, status in recorder.answers if number == index]
        statuses = [status for _, status in answers]
        if block.verb == "expect":
            expected = [int(status) for status in block.argument.split()]
            assert statuses == expected, f"{block}: answered {answers}, the doc expects {expected}"
        else:
            failed = [(request, status) for request, status in answers if status >= 400]
            assert not failed, f"{block}: answered {failed}\n{output}"


def test_every_skipped_example_says_why() -> None:
    unexplained = [
        str(block) for doc in DOCS for block in blocks_of(doc) if block.verb == "skip" and not block.argument
    ]
    assert not unexplained, f"skipped without a reason: {unexplained}"


def test_every_shell_example_is_fenced_as_sh() -> None:
    # A block the doc-test would not see: shell written under another fence name.
    other = [
        str(block) for doc in DOCS for block in blocks_of(doc) if block.info in {"bash", "shell", "console"}
    ]
    assert not other, f"shell examples fenced as something else than sh: {other}"


def _directives(doc: Path) -> Iterator[str]:
    for line in doc.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("<!-- doc-test"):
            yield line.strip()


def test_every_directive_is_understood() -> None:
    wrong = [line for doc in DOCS for line in _directives(doc) if not DIRECTIVE.match(line)]
    assert not wrong, f"doc-test directives that are not skip, file, expect or needs: {wrong}"
