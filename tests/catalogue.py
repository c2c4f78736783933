"""Pytest parameters for the extraction catalogues of sentences (bench/extraction_*wordings.py,
bench/extraction_conventions.py): one per sentence, those not yet passing marked `xfail`, strict."""

from collections.abc import Iterable, Sequence

import pytest

from bench.extraction_wordings import Wording


def catalogue_params(wordings: Sequence[Wording], known_failing: Iterable[str]) -> list[object]:
    failing = set(known_failing)
    return [
        pytest.param(
            wording,
            marks=[pytest.mark.xfail(strict=True, reason="not yet")] if wording.text in failing else [],
            id=f"{wording.kind}:{wording.language}:{wording.text[:40]}",
        )
        for wording in wordings
    ]
