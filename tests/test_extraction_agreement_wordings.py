"""The catalogue of kinds of wording by which texts tell agreements (bench/extraction_agreement_wordings.py,
sentences of our own, every group): each sentence proposes the one agreement an annotator would write,
with its status, date, document count and sectors; or none when it tells no agreement of the pair."""

import pytest

from bench.extraction_agreement_wordings import (
    AGREEMENT_WORDINGS,
    BY_A_TIME,
    BY_A_TIME_FRESH,
    FRESH,
    FROM_MISSES,
    PREPARED,
    PREPARED_FOR_A_SESSION_TOLD_APART,
    RECALLED,
    RECOGNISED_DOCUMENTS,
    SECTOR_WORDS,
    SECTORS_TOLD,
    SIGNED_AT_THE_TALKS,
    SIGNED_THEN,
    SIGNED_UNSAID,
    SIGNING_EXPECTED,
    TOLD_AROUND,
    judge,
)
from bench.extraction_wordings import Wording
from tests.catalogue import catalogue_params

KNOWN_FAILING = {
    # Not yet: a document in the prepositional case with the pair between it and its subject is not
    # counted as one ("о … соглашении между Кыргызстаном и Катаром об избежании …").
    "Президент Кыргызстана напомнил о вступившем в силу в январе соглашении между Кыргызстаном и Катаром "
    "об избежании двойного налогообложения, подписанном в Дохе в сентябре 2024 года, и выразил уверенность, "
    "что документ откроет дорогу инвестициям.",
}


@pytest.mark.parametrize(
    "wording",
    catalogue_params(
        AGREEMENT_WORDINGS
        + FRESH
        + FROM_MISSES
        + BY_A_TIME
        + BY_A_TIME_FRESH
        + SECTORS_TOLD
        + SIGNED_AT_THE_TALKS
        + RECALLED
        + PREPARED
        + SIGNED_UNSAID
        + PREPARED_FOR_A_SESSION_TOLD_APART
        + SIGNING_EXPECTED
        + SIGNED_THEN
        + TOLD_AROUND
        + SECTOR_WORDS
        + RECOGNISED_DOCUMENTS,
        KNOWN_FAILING,
    ),
)
def test_each_kind_of_wording_tells_its_agreement(wording: Wording) -> None:
    outcome = judge(wording)
    assert outcome.passed, f"expected {wording.expected}, proposed {outcome.proposed}"
