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
        self._stems: dict[str, str] = {}
        # The pieces of titles, with their stems (None: one holds a line break, see _piece_stems).
        self._heads: dict[tuple[Any, str, str], tuple[str, str, str, str] | None] = {}
        self._commodities: dict[str, tuple[str, str] | None] = {}
        self._tails: dict[tuple[date, date, Any], tuple[str, str, str, str] | None] = {}
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
        head = self._head(values["indicator"], values["reporter_id"], values["partner_id"])
        commodity = self._commodity(values["commodity"])
        tail = self._tail(values["period_start"], values["period_end"], values["status"])
        if head is None or commodity is None or tail is None:
            return None
        title_en = head[0] + commodity[0] + tail[0]
        title_ru = head[1] + commodity[0] + tail[1]
        words = [head[2], commodity[1], tail[2]]
        if title_ru != title_en:
            words += (head[3], commodity[1], tail[3])
        lines = [title_en, title_ru] if title_ru != title_en else [title_en]
        known = self._stems.get
        notes = (values.get("note_en"), values.get("note_ru"))
        for part in (*notes, *quotes) if notes != (None, None) else quotes:
            if not part:
                continue
            for line in part.splitlines() if _LINE_BREAK.search(part) else (part,):
                line = line.strip()
                if line and line not in lines:
                    lines.append(line)
                    for piece in line.split(","):
                        found = known(piece)
                        if found is None:
                            found = piece if piece.isdigit() and piece.isascii() else self._stem(piece)
                        words.append(found)
        text = "\n".join(lines)
        return {"title_en": title_en, "title_ru": title_ru, "text": text, "stems": _join(words)}

    def _head(self, indicator: Any, reporter: str, partner: str) -> tuple[str, str, str, str] | None:
        """A title's beginning ("Exports Azerbaijan–Kazakhstan", in both languages) and its stems."""
        key = (indicator, reporter, partner)
        found = self._heads.get(key)
        if found is None and key not in self._heads:
            indicator_en, indicator_ru = search.INDICATOR_TITLES[indicator]
            names = self.names[reporter], self.names[partner]
            en = (indicator_en, names[0].name_en, names[1].name_en)
            ru = (indicator_ru, names[0].name_ru, names[1].name_ru)
            stems_en, stems_ru = self._piece_stems(en), self._piece_stems(ru)
            if stems_en is not None and stems_ru is not None:
                found = (f"{en[0]} {en[1]}–{en[2]}", f"{ru[0]} {ru[1]}–{ru[2]}", stems_en, stems_ru)
            if len(self._heads) < CACHED:
                self._heads[key] = found
        return found

    def _commodity(self, commodity: str) -> tuple[str, str] | None:
        """The commodity as a title shows it (" (2709)", nothing for TOTAL) and its stems."""
        found = self._commodities.get(commodity)
        if found is None and commodity not in self._commodities:
            shown = "" if commodity == "TOTAL" else f" ({commodity})"
            words = self._piece_stems((shown,))
            found = None if words is None else (shown, words)
            if len(self._commodities) < CACHED:
                self._commodities[commodity] = found
        return found

    def _tail(self, start: date, end: date, status: Any) -> tuple[str, str, str, str] | None:
        """A title's end (", 2024 (forecast)", in both languages) and its stems."""
        key = (start, end, status)
        found = self._tails.get(key)
        if found is None and key not in self._tails:
            period = search.period_label(start, end)
            status_en, status_ru = search.STATUS_TITLES[status]
            stems_en = self._piece_stems((period, status_en))
            stems_ru = self._piece_stems((period, status_ru))
            if stems_en is not None and stems_ru is not None:
                found = (f", {period}{status_en}", f", {period}{status_ru}", stems_en, stems_ru)
            if len(self._tails) < CACHED:
                self._tails[key] = found
        return found

    def _piece_stems(self, pieces: Sequence[str]) -> str | None:
        """The stems of a title made of these pieces, joined; None when a piece holds a line break."""
        if any(_LINE_BREAK.search(piece) for piece in pieces):
            return None
        return _join([self._stem(piece) for piece in pieces])

    def _stem(self, piece: str) -> str:
        """The stems of a piece of text, joined by spaces ("" when it has no words)."""
        found = self._stems.get(piece)
        if found is None:
            found = " ".join(stems(piece))
            if len(self._stems) < CACHED:
                self._stems[piece] = found
        return found


def _join(words: list[str]) -> str:
    """Stems joined by spaces, from strings of stems that may be empty."""
    return " ".join(filter(None, words))


def search_text(values: dict[str, Any]) -> str:
    """What Searchable.refresh_search_text stores for a trade figure."""
    parts = (values.get(name) for name in TradeFigure.search_fields)
    return normalize_text(" ".join(str(part) for part in parts if part))
