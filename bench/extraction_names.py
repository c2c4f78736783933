"""Lists the names in the other language the extractor proposes on every development set (issue
12): the name the text writes beside the one built for the other language, one line each, for a
reader to judge (docs/benchmarks/2026-12-04-extraction-names.md). Never reads the blind set (BLIND).

    .venv/bin/python -m bench.extraction_names > names.tsv
    .venv/bin/python -m bench.extraction_names --count names.tsv   # how many a reader calls wrong, by kind

A name in the other language is counted *wrong* when it spells a common word of the text's language
letter by letter ("плант", "ин", "Соут"; "zavod", "v", "oblasti"), unless the spelling is that
word in the other language too ("Port" → "Порт", "Форум" → "Forum"), and *as written* when it keeps
the text's own script (a common word with no known pair: the name was left as the text writes it).
"""

import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import yaml

from app.extraction import extract
from app.extraction.morphology import _analyzer
from app.extraction.transliteration import to_cyrillic, to_latin

SETS = Path(__file__).parent / "extraction"
BLIND = "holdout-34"
# The kinds whose bodies carry a name in both languages, and its field without the language suffix.
NAMED = {
    "infrastructure_project": "name",
    "place": "name",
    "organization": "name",
    "person": "name",
    "event": "title",
    "agreement": "title",
}


def development_sets() -> list[str]:
    """Every annotated folder but the blind one, in the order the sets were written (`corpus`,
    `holdout`, `holdout-2`, …)."""
    names = [folder.name for folder in SETS.iterdir() if folder.is_dir() and folder.name != BLIND]
    return sorted(names, key=lambda name: 0 if name == "corpus" else int(name.partition("-")[2] or 1))


def development_articles() -> list[Path]:
    return sorted(text for name in development_sets() for text in (SETS / name).glob("*.txt"))


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


# English words a name capitalises that are common words, not names (the reviewer's judgement).
CAPITALISED_COMMON = frozenset(
    [
        "Port",
        "Ports",
        "Corridor",
        "South",
        "North",
        "East",
        "West",
        "Pipeline",
        "Sea",
        "Transport",
        "Solar",
        "Republic",
        "Logistics",
        "International",
        "Gas",
        "Economic",
        "Black",
        "Road",
        "Pacific",
        "Middle",
        "Gulf",
        "Gateway",
        "Gate",
        "Federal",
        "Europe",
        "Development",
        "Central",
        "Bay",
        "Assembly",
        "Asia",
        "Wind",
        "Valley",
        "Trans",
        "State",
        "Substation",
        "Socialist",
        "Simplified",
        "Segment",
        "Second",
        "Seawater",
        "River",
        "Power",
        "Pharmaceutical",
        "Persian",
        "Passenger",
        "Oil",
        "New",
        "Natural",
        "National",
        "Line",
        "Joint",
        "Hub",
        "Highway",
        "Green",
        "Great",
        "Grand",
        "Grain",
        "Fuel",
        "Free",
        "Five",
        "Eastern",
        "Democratic",
        "Delta",
        "Deep",
        "Customs",
        "Crude",
        "Container",
        "City",
        "Chancellor",
        "Cargo",
        "Bridge",
        "Arctic",
        "Arab",
    ]
)
_PROPER = {"Geox", "Name", "Surn", "Patr", "Orgn", "Abbr", "Trad", "UNKN"}
_PREPOSITIONS = {"в", "во", "на", "при", "под", "для", "по", "у", "около", "близ"}


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


def _russian_common(word: str) -> bool:
    if word.lower() in _PREPOSITIONS:
        return True
    parse = _analyzer().parse(word)[0]
    known = _analyzer().word_is_known(word.lower())
    return known and len(word) > 2 and not (_PROPER & set(parse.tag.grammemes))


# English words spelled as Russian ones are: their transliteration is their translation.
ENGLISH_COGNATES = frozenset(
    {"port", "forum", "memorandum", "plan", "terminal", "interconnector", "hub", "complex", "park", "zone"}
)


def verdict(language: str, own: str, other: str) -> str:
    """ "wrong", "as written" or "right" for the name `other` built from `own` (see the module)."""
    spelled = {w.lower() for w in _words(other)}
    if language == "en":
        if re.search("[A-Za-z]", other):
            return "as written"
        common = [w for w in _words(own) if w.islower() or w in CAPITALISED_COMMON]
        spellings = {to_cyrillic(w).lower() for w in common}
        gibberish = {c for c in spellings & spelled if not _analyzer().word_is_known(c)}
        return "wrong" if gibberish else "right"
    if re.search("[А-Яа-яЁё]", other):
        return "as written"
    spellings = {to_latin(w).lower() for w in _words(own) if _russian_common(w)}
    return "wrong" if (spellings & spelled) - ENGLISH_COGNATES else "right"


def count(path: Path) -> None:
    counts: Counter[tuple[str, str, str]] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        kind, language, own, other, _ = line.split("\t")
        counts[(kind, language, verdict(language, own, other))] += 1
    sys.stdout.write("| kind | text | names | wrong | as written |\n|---|---|---|---|---|\n")
    for kind, language in sorted({(k, lang) for k, lang, _ in counts}):
        row = [counts[(kind, language, v)] for v in ("right", "wrong", "as written")]
        sys.stdout.write(f"| {kind} | {language} | {sum(row)} | {row[1]} | {row[2]} |\n")


def main() -> None:
    if sys.argv[1:2] == ["--count"]:
        count(Path(sys.argv[2]))
        return
    seen: set[tuple[str, str, str, str]] = set()
    for path in development_articles():
        for row in names_of(path):
            if row not in seen:
                seen.add(row)
                sys.stdout.write("\t".join((*row, f"{path.parent.name}/{path.name}")) + "\n")


if __name__ == "__main__":
    main()
