"""The catalogue of kinds of wording by which texts tell events the rules missed (bench/
extraction_event_wordings.py, sentences of our own): each sentence proposes the one event an annotator
would write, with its status, date and host country."""

import pytest

from bench.extraction_event_wordings import EVENT_WORDINGS, judge
from bench.extraction_wordings import Wording
from tests.catalogue import catalogue_params


@pytest.mark.parametrize("wording", catalogue_params(EVENT_WORDINGS, ()))
def test_each_kind_of_wording_tells_its_event(wording: Wording) -> None:
    outcome = judge(wording)
    assert outcome.passed, f"expected {wording.expected}, proposed {outcome.proposed}"
