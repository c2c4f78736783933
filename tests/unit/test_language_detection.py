"""A source's language, detected when not given, is a two-letter ISO 639-1 code."""

import pytest

from app.sources.documents import NoText, detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A short English sentence that the model's full list of languages reads as Nigerian Pidgin.
        ("The presidents of Azerbaijan and Kazakhstan held talks in Astana on 20 October 2025.", "en"),
        ("Президенты провели переговоры в Астане.", "ru"),
        ("Azərbaycan və Qazaxıstan prezidentləri danışıqlar apardılar.", "az"),
    ],
)
def test_detected_language_is_a_two_letter_code(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_a_text_without_letters_has_no_language() -> None:
    with pytest.raises(NoText):
        detect_language("2025 — 533 000 000 $")
