"""The catalogue of the annotation conventions settled across the development sets
(bench/extraction_conventions.py, sentences of our own): each sentence proposes the facts an annotator
following bench/extraction/README.md's "Conventions settled" would write."""

import pytest

from bench.extraction_conventions import WORDINGS, judge
from bench.extraction_wordings import Wording
from tests.catalogue import catalogue_params

KNOWN_FAILING: set[str] = set()


@pytest.mark.parametrize("wording", catalogue_params(WORDINGS, KNOWN_FAILING))
def test_each_settled_convention_gives_the_annotated_facts(wording: Wording) -> None:
    outcome = judge(wording)
    assert outcome.passed, f"expected {wording.expected}, proposed {outcome.proposed}"
