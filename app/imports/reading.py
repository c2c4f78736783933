"""A file, record by record: the line each record starts on, its text verbatim, and its fields.

Only one record is in memory at a time. Bytes are decoded line by line, so a line that is not UTF-8,
holds a NUL or is longer than MAX_LINE_BYTES is reported as that line's error and reading goes on.
CSV: the first row names the columns; a quoted cell may span lines (the record starts on the first).
NDJSON: one JSON object per line; blank lines are ignored.
"""

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

import orjson

from app.imports.schemas import FileFormat

MAX_LINE_BYTES = 1024 * 1024
_CHUNK = 1024 * 1024
_BOM = "\ufeff"
# CSV lines are read this many bytes at a time where they can (see FileReader._plain_block); a block
# stays under the csv module's 128 KiB limit on a cell, so no cell of one can be over it.
_BLOCK = 32 * 1024
_BLOCK_MAX = csv.field_size_limit() - 1


@dataclass(frozen=True, slots=True)
class Record:
    line: int
    text: str
    # CSV: column → cell (str); NDJSON: key → str, int, float, bool or None.
    fields: dict[str, Any]


@dataclass(frozen=True, slots=True)
class LineError:
    line: int
    field: str
    detail: str


def file_digest(stream: IO[bytes]) -> tuple[str, int]:
    """SHA-256 (hex) and size of the whole stream; leaves it rewound."""
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    stream.seek(0)
    return digest.hexdigest(), size


def sniff_format(stream: IO[bytes]) -> FileFormat:
    """NDJSON when the first thing in the file is `{`, else CSV; leaves the stream rewound."""
    start = stream.read(4096).decode("utf-8", "replace").lstrip(_BOM + " \t\r\n")
    stream.seek(0)
    return "ndjson" if start.startswith("{") else "csv"


@dataclass(slots=True)
class _Line:
    number: int
    text: str  # with its line terminator
    error: str | None = None


@dataclass
class FileReader:
    """Iterate to get `Record`s and `LineError`s in file order; `header` is set once CSV's is read."""

    stream: IO[bytes]
    format: FileFormat
    header: list[str] | None = None
    header_text: str | None = None
    header_line: int = 1
    _taken: list[_Line] = field(default_factory=list)
    _number: int = 0
    # Bytes read before the block of plain lines being read (if any); that block's lines (without
    # their line feeds), how many of them were handed out, and whether they are all ASCII.
    _bytes: int = 0
    _block: list[str] | None = None
    _block_taken: int = 0
    _block_ascii: bool = True
    _block_size: int = 0
    # Where the lines of a block found not plain end: up to there, lines are read one at a time.
    _slow_until: int = 0

    @property
    def bytes_read(self) -> int:
        """The bytes of the records handed out so far (and of the lines read to make them)."""
        if self._block is None:
            return self._bytes
        taken = self._block[: self._block_taken]
        size = sum(map(len, taken)) if self._block_ascii else sum(len(line.encode()) for line in taken)
        # The line feeds (the last line of a file may have none); carriage returns are still in the lines.
        return self._bytes + min(size + len(taken), self._block_size)

    def __iter__(self) -> Iterator[Record | LineError]:
        return self._csv() if self.format == "csv" else self._ndjson()

    # --- physical lines ---

    def _lines(self) -> Iterator[_Line]:
        while raw := self.stream.readline(MAX_LINE_BYTES + 1):
            self._number += 1
            number = self._number
            self._bytes += len(raw)
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while (rest := self.stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                    self._bytes += len(rest)
                self._bytes += len(rest)
                yield _Line(number, "\n", f"the line is longer than {MAX_LINE_BYTES} bytes")
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                bad = raw[exc.start : exc.start + 1].hex()
                detail = f"not UTF-8: byte 0x{bad} at byte {exc.start + 1} of the line"
                yield _Line(number, raw.decode("utf-8", "replace"), detail)
                continue
            if number == 1:
                text = text.removeprefix(_BOM)
            if "\x00" in text:
                yield _Line(number, text.replace("\x00", ""), "the line contains a NUL character")
                continue
            yield _Line(number, text)

    # --- NDJSON ---

    def _ndjson(self) -> Iterator[Record | LineError]:
        for line in self._lines():
            if line.error:
                yield LineError(line.number, "file", line.error)
                continue
            text = _without_terminator(line.text)
            if not text.strip():
                continue
            try:
                value = orjson.loads(text)
            except orjson.JSONDecodeError as exc:
                yield LineError(line.number, "file", f"not JSON: {exc}")
                continue
            if not isinstance(value, dict):
                yield LineError(line.number, "file", "expected a JSON object ({…}) on each line")
                continue
            nested = [key for key, item in value.items() if isinstance(item, dict | list)]
            if nested:
                for key in nested:
                    yield LineError(line.number, key, "expected a string, number, boolean or null")
                continue
            # A raw NUL is refused with its line; JSON's \u0000 escape reaches here (PostgreSQL
            # cannot store it in text).
            escaped = [
                key
                for key, item in value.items()
                if "\x00" in key or (isinstance(item, str) and "\x00" in item)
            ]
            if escaped:
                for key in escaped:
                    yield LineError(
                        line.number, key.replace("\x00", ""), "contains a NUL character (\\u0000)"
                    )
                continue
            yield Record(line.number, text, value)

    # --- CSV ---

    def _tap(self) -> Iterator[str]:
        """The lines csv.reader asks for, remembered until the record they make is complete."""
        for line in self._lines():
            self._taken.append(line)
            yield line.text

    def _csv(self) -> Iterator[Record | LineError]:
        rows = csv.reader(self._tap(), strict=True)
        while True:
            if self.header is not None and not self._taken:  # between records
                block = self._plain_block()
                if block is not None:
                    yield from self._plain_records(*block)
                    continue
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error as exc:
                first = self._taken[0].number if self._taken else 0
                self._taken.clear()
                yield LineError(first, "file", f"malformed CSV: {exc}")
                continue
            taken, self._taken = self._taken, []
            if len(taken) == 1 and taken[0].error is None:  # most records: one good line
                text = taken[0].text
            else:
                bad = [line for line in taken if line.error]
                if bad:
                    yield from (LineError(line.number, "file", str(line.error)) for line in bad)
                    continue
                text = "".join(line.text for line in taken)
            if not "".join(row).strip():
                continue  # blank lines, and rows of empty cells (spreadsheets leave them at the end)
            number = taken[0].number
            text = _without_terminator(text)
            if self.header is None:
                yield from self._read_header(number, text, row)
                if self.header is None:
                    return
                continue
            if len(row) != len(self.header):
                yield _cell_count_error(number, self.header, row)
                continue
            yield Record(number, text, dict(zip(self.header, row, strict=True)))

    def _plain_block(self) -> tuple[int, list[str], int] | None:
        """The next lines of the file, up to _BLOCK bytes of whole lines, when they are plain: UTF-8
        without a NUL, a quote, or a carriage return other than before a line feed. In such lines a record is
        one line and its cells are what lies between commas, as the csv module would read them. None
        (and the stream where it was) when they are not, or at the end of the file."""
        start = self.stream.tell()
        if start < self._slow_until:
            return None
        raw = self.stream.read(_BLOCK)
        if raw and not raw.endswith(b"\n"):
            raw += self.stream.readline(_BLOCK_MAX)
        plain = (
            0 < len(raw) < _BLOCK_MAX
            and b'"' not in raw
            and b"\x00" not in raw
            and raw.count(b"\r") == raw.count(b"\r\n")
        )
        text = ""
        if plain:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                plain = False
        if not plain:
            self.stream.seek(start)
            self._slow_until = start + len(raw)
            return None
        first = self._number + 1
        lines = text.split("\n")
        if lines[-1] == "":
            lines.pop()  # after the last line feed
        self._number += len(lines)
        self._block, self._block_taken = lines, 0
        self._block_ascii, self._block_size = raw.isascii(), len(raw)
        return first, lines, len(raw)

    def _plain_records(self, first: int, lines: list[str], size: int) -> Iterator[Record | LineError]:
        header = self.header
        assert header is not None
        columns = len(header)
        crlf = any(line.endswith("\r") for line in lines)
        for number, text in enumerate(lines, first):
            self._block_taken += 1
            if crlf and text.endswith("\r"):
                text = text[:-1]
            cells = text.split(",")
            if (not cells[0] or cells[0][0].isspace()) and not text.replace(",", "").strip():
                continue  # blank, as _csv skips it
            if len(cells) != columns:
                yield _cell_count_error(number, header, cells)
                continue
            yield Record(number, text, dict(zip(header, cells, strict=True)))
        self._bytes += size
        self._block = None

    def _read_header(self, number: int, text: str, row: list[str]) -> Iterator[LineError]:
        names = [name.strip() for name in row]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        for name in duplicates:
            yield LineError(number, name, "the column appears more than once in the header")
        blank = [n for n, name in enumerate(names, 1) if not name]
        for position in blank:
            yield LineError(number, f"column {position}", "the header names no column here")
        if not duplicates and not blank:
            self.header, self.header_text, self.header_line = names, text, number


def _cell_count_error(number: int, header: list[str], row: list[str]) -> LineError:
    if len(row) < len(header):
        missing = header[len(row)]
        return LineError(
            number, missing, f"the row has {len(row)} cells, the header {len(header)}: no cell for {missing}"
        )
    return LineError(
        number,
        f"column {len(header) + 1}",
        f"the row has {len(row)} cells, the header {len(header)}: cells past the last column",
    )


def _without_terminator(text: str) -> str:
    if text.endswith("\r\n"):
        return text[:-2]
    return text[:-1] if text.endswith(("\n", "\r")) else text
