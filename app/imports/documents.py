"""A trade figure's `search_text` and search document, as the model and app.search make them, in bulk.

A title is made of a few pieces an import repeats endlessly (an indicator, two countries' names, a
period), and a word never spans the separators between them (" ", "–", ", ", " (", ")"), the lines
of a text or the commas of a CSV row: so the stems of a text are the stems of its pieces, in order,
and each piece is stemmed once per import. Anything else goes through app.search itself; and the
first document an import builds is also built there and compared, so that should app.search change
its rules, the import follows them (slowly) instead of writing documents of its own.
"""

import re
from collections.abc import Sequence
from datetime import date
from types import SimpleNamespace
from typing import Any

from app.common.text import normalize_text
from app.models import SearchRecordType, TradeFigure
from app.search import repository as search
from app.search.text import stems

# Pieces (and their stems) remembered per import, at most.
CACHED = 100_000
# What str.splitlines splits on: a piece with one of these is left to app.search.
_LINE_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


class FigureDocuments:
    """Builds the search documents of trade figures, given each country's `name_en` and `name_ru`."""

    def __init__(self, names: dict[str, Any]) -> None:
        self.names = names
        self._stems: dict[str, list[str]] = {}
        self._labels: dict[tuple[date, date], str] = {}
        self._search_texts: dict[tuple[str, str], str] = {}
        self._fast = True
        self._checked = False

    def search_text(self, values: dict[str, Any]) -> str:
        """What Searchable.refresh_search_text stores for a trade figure with these column values."""
        if values.get("note_en") or values.get("note_ru"):
            return search_text(values)
        key = (values["indicator"], values["commodity"])
        found = self._search_texts.get(key)
        if found is None:
            found = search_text(values)
            if len(self._search_texts) < CACHED:
                self._search_texts[key] = found
        return found

    def fields(self, values: dict[str, Any], quotes: Sequence[str | None]) -> dict[str, str]:
        """The document (title_en, title_ru, text, stems) of the figure with these column values and
        the quotes of its citations: what app.search.repository.document_fields gives for it."""
        if self._fast:
            found = self._fields(values, quotes)
            if found is not None:
                if self._checked:
                    return found
                self._checked = True
                reference = self.reference(values, quotes)
                if found == reference:
                    return found
                self._fast = False
                return reference
        return self.reference(values, quotes)

    def reference(self, values: dict[str, Any], quotes: Sequence[str | None]) -> dict[str, str]:
        """The document by app.search's own code."""
        figure = SimpleNamespace(
            **values,
            reporter=self.names[values["reporter_id"]],
            partner=self.names[values["partner_id"]],
            citations=[SimpleNamespace(quote=quote) for quote in quotes],
        )
        return search.document_fields(search.KINDS[SearchRecordType.trade_figure], figure)

    def _fields(self, values: dict[str, Any], quotes: Sequence[str | None]) -> dict[str, str] | None:
        reporter, partner = self.names[values["reporter_id"]], self.names[values["partner_id"]]
        commodity = values["commodity"]
        commodity = "" if commodity == "TOTAL" else f" ({commodity})"
        indicator_en, indicator_ru = search.INDICATOR_TITLES[values["indicator"]]
        status_en, status_ru = search.STATUS_TITLES[values["status"]]
        period = self._label(values["period_start"], values["period_end"])
        pieces_en = (indicator_en, reporter.name_en, partner.name_en, commodity, period, status_en)
        pieces_ru = (indicator_ru, reporter.name_ru, partner.name_ru, commodity, period, status_ru)
        stems_en, stems_ru = self._piece_stems(pieces_en), self._piece_stems(pieces_ru)
        if stems_en is None or stems_ru is None:
            return None
        title_en = f"{indicator_en} {reporter.name_en}–{partner.name_en}{commodity}, {period}{status_en}"
        title_ru = f"{indicator_ru} {reporter.name_ru}–{partner.name_ru}{commodity}, {period}{status_ru}"
        lines: dict[str, list[str] | None] = {title_en: stems_en}
        lines.setdefault(title_ru, stems_ru)
        for part in (values.get("note_en"), values.get("note_ru"), *quotes):
            if not part:
                continue
            for line in part.splitlines() if _LINE_BREAK.search(part) else (part,):
                line = line.strip()
                if line:
                    lines.setdefault(line, None)
        words: list[str] = []
        for line, known in lines.items():
            if known is None:
                for piece in line.split(","):
                    words += [piece] if piece.isdigit() and piece.isascii() else self._stem(piece)
            else:
                words += known
        text = "\n".join(lines)
        return {"title_en": title_en, "title_ru": title_ru, "text": text, "stems": " ".join(words)}

    def _piece_stems(self, pieces: Sequence[str]) -> list[str] | None:
        """The stems of a title made of these pieces; None when a piece holds a line break."""
        words: list[str] = []
        for piece in pieces:
            if piece not in self._stems and _LINE_BREAK.search(piece):
                return None
            words += self._stem(piece)
        return words

    def _stem(self, piece: str) -> list[str]:
        found = self._stems.get(piece)
        if found is None:
            found = stems(piece)
            if len(self._stems) < CACHED:
                self._stems[piece] = found
        return found

    def _label(self, start: date, end: date) -> str:
        found = self._labels.get((start, end))
        if found is None:
            found = search.period_label(start, end)
            if len(self._labels) < CACHED:
                self._labels[start, end] = found
        return found


def search_text(values: dict[str, Any]) -> str:
    """What Searchable.refresh_search_text stores for a trade figure."""
    parts = (values.get(name) for name in TradeFigure.search_fields)
    return normalize_text(" ".join(str(part) for part in parts if part))
