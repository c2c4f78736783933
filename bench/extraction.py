"""The extraction benchmark: how many annotated facts `app.extraction.extract` proposes, and how well.

Gold facts come from the seed article (its hand-curated YAML) and from an annotated corpus
(bench/extraction/corpus/ by default: articles the team wrote, see bench/extraction/README.md, which
also states the matching rules). Prints, as Markdown tables: precision and recall per kind of fact,
the share of correct fields among matched facts, issue 12's targets with PASS/FAIL, and speed.

    .venv/bin/python -m bench.extraction [--corpus DIR] [--json FILE] [--verbose] [--min-confidence T]

By default it scores what the API proposes: the server's confidence floor applies (0 unless
BILATERAL_EXTRACTION_CONFIDENCE_MIN says otherwise: every proposal; `--min-confidence 0.45` scores
what that floor keeps).
"""

import argparse
import itertools
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from bench.extraction_score import (
    CORPUS_DIR,
    REPO_ROOT,
    RIGHT_FIELDS,
    Article,
    ArticleScore,
    ProposalLike,
    fact_label,
    load_corpus,
    load_seed,
    proposal_body,
    proposal_kind,
    quote_problem,
    ratio,
    score_article,
    summarize,
)

# --- running the extractor ---

Extract = Callable[..., Sequence[ProposalLike]]


def run(extract: Extract, articles: Sequence[Article], min_confidence: float = 0.0) -> list[ArticleScore]:
    """Each article scored on what the extractor proposes with the confidence floor `min_confidence`
    (app.extraction.floor: what adding the article as a source with that floor offers for review,
    or what a reviewer accepting "all above" it takes)."""
    from app.extraction import apply_floor

    return [
        score_article(
            article,
            apply_floor(
                extract(article.text, language=article.language, published=article.published), min_confidence
            ).kept,
        )
        for article in articles
    ]


def long_text(articles: Sequence[Article], language: str, size: int = 10_000) -> str:
    """At least `size` characters of one language: whole articles joined as paragraphs, taken again
    from the first when the corpus is shorter."""
    texts = [a.text.strip() for a in articles if a.language == language]
    parts: list[str] = []
    for text in itertools.cycle(texts) if texts else ():
        if sum(len(part) + 2 for part in parts) >= size:
            break
        parts.append(text)
    return "\n\n".join(parts)


def measure_speed(extract: Extract, articles: Sequence[Article], import_seconds: float) -> dict[str, Any]:
    """Each language's first call (what loads its models, Russian first), then a text of at least
    10,000 characters per language: best and median of 3, since other work shares this machine."""
    languages = sorted({a.language for a in articles}, key=lambda language: language != "ru")
    speed: dict[str, Any] = {"import_s": import_seconds, "first_call_s": {}, "long_article": {}}
    for language in languages:
        first = next(a for a in articles if a.language == language)
        started = time.perf_counter()
        extract(first.text, language=language, published=first.published)
        speed["first_call_s"][language] = time.perf_counter() - started
    for language in languages:
        text = long_text(articles, language)
        published = next(a.published for a in articles if a.language == language)
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            extract(text, language=language, published=published)
            runs.append(time.perf_counter() - started)
        speed["long_article"][language] = {
            "characters": len(text),
            "best_s": min(runs),
            "median_s": statistics.median(runs),
        }
    return speed


def by_language(scores: Sequence[ArticleScore]) -> dict[str, dict[str, Any]]:
    languages = sorted({s.article.language for s in scores})
    return {
        language: summarize([s for s in scores if s.article.language == language]) for language in languages
    }


# --- printing ---


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def kind_table(summary: Mapping[str, Any]) -> list[str]:
    lines = ["| kind | gold | proposed | matched | precision | recall |", "|---|---|---|---|---|---|"]
    for kind, row in summary["per_kind"].items():
        lines.append(
            f"| {kind} | {row['gold']} | {row['proposed']} | {row['matched']} | "
            f"{_share(row['precision'])} | {_share(row['recall'])} |"
        )
    lines.append(
        f"| all | {summary['gold']} | {summary['proposed']} | {summary['matched']} | "
        f"{_share(ratio(summary['matched'], summary['proposed']))} | "
        f"{_share(ratio(summary['matched'], summary['gold']))} |"
    )
    return lines


def language_table(summaries: Mapping[str, Mapping[str, Any]]) -> list[str]:
    lines = [
        "| language | articles | gold | proposed | matched | right | precision | recall | right / gold |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for language, row in summaries.items():
        lines.append(
            f"| {language} | {row['articles']} | {row['gold']} | {row['proposed']} | {row['matched']} | "
            f"{row['facts_right']} | {_share(ratio(row['matched'], row['proposed']))} | "
            f"{_share(ratio(row['matched'], row['gold']))} | {_share(row['facts_right_share'])} |"
        )
    return lines


def field_table(summary: Mapping[str, Any]) -> list[str]:
    lines = ["| field | matched facts with it | correct | share |", "|---|---|---|---|"]
    for name, row in summary["per_field"].items():
        lines.append(f"| {name} | {row['matched']} | {row['correct']} | {_share(row['share'])} |")
    return lines


def targets(
    seed: Mapping[str, Any], corpus: Mapping[str, Any], speed: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Issue 12's targets, each with what was measured and whether it passes."""

    def share_row(name: str, part: int, whole: int, goal: float) -> dict[str, Any]:
        share = ratio(part, whole)
        return {
            "target": name,
            "measured": f"{part}/{whole} = {_share(share)}",
            "goal": f"≥ {goal:.0%}",
            "pass": share is not None and share >= goal,
        }

    bad = len(seed["bad_quotes"]) + len(corpus["bad_quotes"])
    quotes = seed["quotes"] + corpus["quotes"]
    slowest = max((row["median_s"] for row in speed["long_article"].values()), default=None)
    return [
        share_row(
            "seed: facts proposed with the right kind, key fields, bound, status and period kind",
            seed["seed_facts_right"],
            seed["gold"],
            0.80,
        ),
        share_row(
            "corpus: facts proposed with correct value, unit, period (date), bound and status",
            corpus["facts_right"],
            corpus["gold"],
            0.70,
        ),
        share_row("corpus: proposals correct", corpus["facts_right"], corpus["proposed"], 0.80),
        {
            "target": "quotes: text[start:end] is a quote and, when matched, overlaps the fact's sentence",
            "measured": f"{quotes - bad}/{quotes} good",
            "goal": "all",
            "pass": bad == 0,
        },
        {
            "target": "speed: a 10,000-character article (median of 3, slowest language)",
            "measured": "—" if slowest is None else f"{slowest:.2f} s",
            "goal": "< 1 s",
            "pass": slowest is not None and slowest < 1.0,
        },
    ]


def target_table(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    lines = ["| target | measured | goal | result |", "|---|---|---|---|"]
    for row in rows:
        lines.append(
            f"| {row['target']} | {row['measured']} | {row['goal']} | {'PASS' if row['pass'] else 'FAIL'} |"
        )
    return lines


def details(scores: Sequence[ArticleScore]) -> list[str]:
    """Each article's misses and unmatched proposals, to see what to fix."""
    lines = []
    for score in scores:
        text = score.article.text
        wrong = [m for m in score.matches if not m.right(RIGHT_FIELDS)]
        if not (score.missed or score.unmatched or wrong):
            continue
        lines.append(f"\n{score.article.name}:")
        lines += [f"  missed   {fact_label(fact)}" for fact in score.missed]
        for m in wrong:
            bad = [name for name, ok in m.fields.items() if not ok]
            lines.append(f"  wrong    {fact_label(m.fact)}: {', '.join(bad)} = {proposal_body(m.proposal)}")
        for p in score.unmatched:
            quote = text[p.start : p.end][:70] if not quote_problem(text, p) else "?"
            lines.append(f"  extra    {proposal_kind(p)} {proposal_body(p)} «{quote}»")
    return lines


def _commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO_ROOT
    )
    return result.stdout.strip() or "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR, help="a folder of NAME.txt + NAME.yaml")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    parser.add_argument("--verbose", action="store_true", help="list misses and unmatched proposals")
    parser.add_argument(
        "--min-confidence",
        type=float,
        help="the confidence floor: score only what the extractor proposes with it (0: every proposal) "
        "[default: the server's, BILATERAL_EXTRACTION_CONFIDENCE_MIN]",
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        from app.extraction import EXTRACTOR_VERSION, extract
    except ImportError as exc:
        print(f"bench/extraction: app.extraction is not importable here ({exc})", file=sys.stderr)
        return 2
    import_seconds = time.perf_counter() - started
    if args.min_confidence is None:
        from app.config import get_settings

        args.min_confidence = get_settings().extraction_confidence_min

    seed_article, corpus = load_seed(), load_corpus(args.corpus)
    if not corpus:
        print(f"bench/extraction: no annotated articles (NAME.yaml) in {args.corpus}", file=sys.stderr)
        return 2
    speed = measure_speed(extract, corpus, import_seconds)
    seed_scores = run(extract, [seed_article], args.min_confidence)
    corpus_scores = run(extract, corpus, args.min_confidence)
    seed, scored = summarize(seed_scores), summarize(corpus_scores)
    rows = targets(seed, scored, speed)

    languages = ", ".join(sorted({a.language for a in corpus}))
    above = f" | confidence floor {args.min_confidence}"
    print(f"\n{date.today()} | extractor {EXTRACTOR_VERSION} at {_commit()} | corpus {args.corpus}{above}")
    print(f"\n### Seed article ({len(seed_article.facts)} gold facts)\n")
    print("\n".join([*kind_table(seed), "", *field_table(seed)]))
    print(f"\n### Corpus ({scored['articles']} articles: {languages}; {scored['gold']} gold facts)\n")
    print("\n".join([*kind_table(scored), "", *field_table(scored)]))
    languages_summary = by_language(corpus_scores)
    print("\n" + "\n".join(language_table(languages_summary)))
    print(f"\nunmatched proposals quoting an annotated distractor: {scored['distractor_hits']}")
    print("\n### Targets (issue 12)\n")
    print("\n".join(target_table(rows)))
    print(
        f"\nspeed: import {speed['import_s']:.2f} s, first call "
        + ", ".join(f"{language} {seconds:.2f} s" for language, seconds in speed["first_call_s"].items())
        + "; "
        + "; ".join(
            f"{language} {row['characters']:,} characters: "
            f"best {row['best_s']:.3f} s, median {row['median_s']:.3f} s"
            for language, row in speed["long_article"].items()
        )
    )
    if args.verbose:  # each names an article and quotes it: nothing of a blind set is shown without it
        for problem in (seed["bad_quotes"] + scored["bad_quotes"])[:20]:
            print(f"  quote: {problem}")
        print("\n".join(details(seed_scores + corpus_scores)))
    if args.json:
        numbers = {
            "date": date.today().isoformat(),
            "extractor_version": EXTRACTOR_VERSION,
            "commit": _commit(),
            "corpus": str(args.corpus),
            "min_confidence": args.min_confidence,
            "seed": seed,
            "corpus_scores": scored,
            "corpus_by_language": languages_summary,
            "targets": rows,
            "speed": speed,
        }
        args.json.write_text(json.dumps(numbers, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
