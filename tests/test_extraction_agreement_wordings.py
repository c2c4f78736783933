"""The catalogue of kinds of wording by which texts tell agreements (bench/extraction_agreement_wordings.py,
sentences of our own, both groups): each sentence proposes the one agreement an annotator would write,
with its status, date, document count and sectors; or none when it tells no agreement of the pair."""

import pytest

from bench.extraction_agreement_wordings import AGREEMENT_WORDINGS, FRESH, judge
from bench.extraction_wordings import Wording

EVERY = AGREEMENT_WORDINGS + FRESH


@pytest.mark.parametrize("wording", EVERY, ids=[f"{w.kind}:{w.language}:{w.text[:40]}" for w in EVERY])
def test_each_kind_of_wording_tells_its_agreement(wording: Wording) -> None:
    outcome = judge(wording)
    assert outcome.passed, f"expected {wording.expected}, proposed {outcome.proposed}"
