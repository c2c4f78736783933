"""A source's text with every quote cited from it marked where it stands."""

import itertools
from typing import Any

from markupsafe import Markup, escape


def quote_id(char_start: int, char_end: int) -> str:
    """The anchor of a quote in its source's page: `/sources/{id}#q-1066-1378`."""
    return f"q-{char_start}-{char_end}"


def marked_text(text: str, citations: list[dict[str, Any]]) -> Markup:
    """The text, escaped, with `<mark>` over each stretch some quote covers. Quotes may overlap: the
    text is cut at every quote's ends, and each piece marked with the quotes covering it; the first
    piece of each distinct quote carries its anchor."""
    spans = sorted({(c["char_start"], c["char_end"]) for c in citations if c.get("char_start") is not None})
    cuts = sorted({0, len(text), *(at for span in spans for at in span)})
    anchored: set[tuple[int, int]] = set()
    parts: list[str] = []
    for start, end in itertools.pairwise(cuts):
        piece = escape(text[start:end])
        covering = [span for span in spans if span[0] <= start and end <= span[1]]
        if not covering:
            parts.append(str(piece))
            continue
        anchors = [span for span in covering if span[0] == start and span not in anchored]
        anchored.update(anchors)
        ids = "".join(f'<span class="anchor" id="{quote_id(*span)}"></span>' for span in anchors)
        quoted = " ".join(quote_id(*span) for span in covering)
        depth = min(len(covering), 3)
        parts.append(
            f'{ids}<mark class="depth-{depth}" data-start="{start}" data-end="{end}" '
            f'data-quotes="{quoted}">{piece}</mark>'
        )
    return Markup("".join(parts))
