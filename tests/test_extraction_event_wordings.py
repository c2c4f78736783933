"""The catalogue of kinds of wording by which texts tell events the rules missed (bench/
extraction_event_wordings.py, sentences of our own): each sentence proposes the one event an annotator
would write, with its status, date and host country."""

import pytest

from bench.extraction_event_wordings import EVENT_WORDINGS, judge
from bench.extraction_wordings import Wording


@pytest.mark.parametrize(
    "wording", EVENT_WORDINGS, ids=[f"{w.kind}:{w.language}:{w.text[:40]}" for w in EVENT_WORDINGS]
)
def test_each_kind_of_wording_tells_its_event(wording: Wording) -> None:
    outcome = judge(wording)
    assert outcome.passed, f"expected {wording.expected}, proposed {outcome.proposed}"
