import pytest

from app.sources.quotes import QuoteNotFound, locate_quote, paragraph_spans

TEXT = "First paragraph. Alpha.\n\nSecond paragraph, Alpha again.\n\n\nThird: Омега и ёж.\n"


def test_paragraphs_are_blocks_between_blank_lines() -> None:
    spans = paragraph_spans(TEXT)
    assert [TEXT[start:end] for start, end in spans] == [
        "First paragraph. Alpha.",
        "Second paragraph, Alpha again.",
        "Third: Омега и ёж.\n",
    ]


def test_offsets_slice_the_quote_out_of_the_text() -> None:
    where = locate_quote(TEXT, "Омега и ёж", 3)
    assert (where.paragraph, TEXT[where.char_start : where.char_end]) == (3, "Омега и ёж")


def test_paragraph_narrows_an_ambiguous_quote() -> None:
    with pytest.raises(QuoteNotFound, match="occurs 2 times"):
        locate_quote(TEXT, "Alpha")
    assert locate_quote(TEXT, "Alpha", 2).paragraph == 2


@pytest.mark.parametrize(
    ("quote", "paragraph", "message"),
    [
        ("Alpha", 3, "not a verbatim part of paragraph 3"),
        ("alpha", None, "not a verbatim part"),  # case matters: quotes are verbatim
        ("Alpha", 9, "paragraph 9 does not exist"),
        ("  ", None, "empty"),
    ],
)
def test_quotes_that_are_not_verbatim_are_refused(quote: str, paragraph: int | None, message: str) -> None:
    with pytest.raises(QuoteNotFound, match=message):
        locate_quote(TEXT, quote, paragraph)
