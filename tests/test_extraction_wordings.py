"""The catalogue of kinds of wording by which texts name infrastructure projects and their status
(bench/extraction_wordings.py, sentences of our own, both groups): each sentence proposes the project
an annotator would write, with its status, and nothing else; or no project at all when it names none."""

import pytest

from bench.extraction_wordings import FRESH, WORDINGS, Wording, judge

EVERY = WORDINGS + FRESH


@pytest.mark.parametrize("wording", EVERY, ids=[f"{w.kind}:{w.language}:{w.text[:40]}" for w in EVERY])
def test_each_kind_of_wording_names_its_project(wording: Wording) -> None:
    outcome = judge(wording)
    assert outcome.passed, f"expected {wording.expected}, proposed {outcome.proposed}"
