"""The catalogue of kinds of wording that put offices, state titles and chambers beside people's names
(bench/extraction_people_wordings.py, sentences of our own): each sentence names exactly the people
an annotator would name, and no office or state as a person."""

import pytest

from bench.extraction_people_wordings import PEOPLE_WORDINGS, judge
from bench.extraction_wordings import Wording
from tests.catalogue import catalogue_params


@pytest.mark.parametrize("wording", catalogue_params(PEOPLE_WORDINGS, ()))
def test_each_kind_of_wording_names_only_its_people(wording: Wording) -> None:
    outcome = judge(wording)
    assert outcome.passed, f"expected {wording.expected}, found {outcome.proposed}"
