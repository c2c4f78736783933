"""The head revision of the migrations this code ships, read without Alembic: Alembic imports every
migration and the models to find it, a second of a command's start. And the command line's error
for a database that is not at it, which every command catches: here, where catching it imports
neither SQLAlchemy nor FastAPI (`serve`'s parent process uses neither)."""

import re

from app.config import REPO_ROOT


class DatabaseNotReady(Exception):
    """The command line's database is missing, unreachable or not migrated; the message says what to run."""


_REVISION_LINE = re.compile(r'^(revision|down_revision)\b[^=\n]*=\s*"([^"]+)"', re.MULTILINE)


def shipped_head() -> str | None:
    """The one revision no other revises, from the version files' `revision` and `down_revision`
    lines; None where the files leave it unclear (a branch, a file written otherwise)."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in (REPO_ROOT / "migrations" / "versions").glob("*.py"):
        for kind, name in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            (revisions if kind == "revision" else revised).add(name)
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None
