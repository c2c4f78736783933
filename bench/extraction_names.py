"""Lists the names in the other language the extractor proposes on every development set (issue
12): the name the text writes beside the one built for the other language, one line each, for a
reader to judge (docs/benchmarks/2026-12-04-extraction-names.md). Never reads holdout-20, the blind set.

    .venv/bin/python -m bench.extraction_names > names.tsv
"""

import sys
from datetime import date
from pathlib import Path

import yaml

from app.extraction import extract

SETS = Path(__file__).parent / "extraction"
BLIND = "holdout-20"
# The kinds whose bodies carry a name in both languages, and its field without the language suffix.
NAMED = {
    "infrastructure_project": "name",
    "place": "name",
    "organization": "name",
    "person": "name",
    "event": "title",
    "agreement": "title",
}


def development_articles() -> list[Path]:
    return sorted(
        text
        for folder in SETS.iterdir()
        if folder.is_dir() and folder.name != BLIND
        for text in folder.glob("*.txt")
    )


def names_of(text_path: Path) -> list[tuple[str, str, str, str]]:
    """(kind, language, the name as the text's language has it, the other language's)"""
    meta = yaml.safe_load(text_path.with_suffix(".yaml").read_text(encoding="utf-8"))["source"]
    published = meta.get("published")
    language = meta["language"]
    other = "en" if language == "ru" else "ru"
    rows = []
    for proposal in extract(
        text_path.read_text(encoding="utf-8"),
        language=language,
        published=published if isinstance(published, date) else None,
    ):
        field = NAMED.get(proposal.kind)
        own, theirs = (proposal.body.get(f"{field}_{lang}") if field else None for lang in (language, other))
        if own or theirs:
            rows.append((proposal.kind, language, str(own), str(theirs)))
    return rows


def main() -> None:
    seen: set[tuple[str, str, str, str]] = set()
    for path in development_articles():
        for row in names_of(path):
            if row not in seen:
                seen.add(row)
                sys.stdout.write("\t".join((*row, f"{path.parent.name}/{path.name}")) + "\n")


if __name__ == "__main__":
    main()
