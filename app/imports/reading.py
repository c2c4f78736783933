"""A file, record by record: the line each record starts on, its text verbatim, and its fields.

Files come as their publishers serve them: gzipped or not (open_file), UTF-8 with or without a BOM or
Latin-1/cp1252 (detected over the whole file), comma- or tab-separated. Only one record is in memory
at a time (a JSON document is the exception: it is read whole). Bytes are decoded line by line, so a
line that does not decode, holds a NUL or is longer than MAX_LINE_BYTES is reported as that line's
error and reading goes on.
CSV: the first row names the columns; a quoted cell may span lines (the record starts on the first).
A trailing empty cell past the last column is dropped (some exports end every row with a comma); an
unnamed first column (pandas' index) is left out.
NDJSON: one JSON object per line; blank lines are ignored.
JSON: one document, an array of objects or an object whose `data` is one (the Comtrade API's
response); each object starts on the line its `{` is on.
"""

import codecs
import csv
import gzip
import hashlib
import json
import re
import shutil
import tempfile
import zlib
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, Any

import orjson

from app.imports.schemas import ImportFormat

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


_GZIP_MAGIC = b"\x1f\x8b"
# A byte sequence only UTF-8 makes: a file with one is UTF-8 (its bad lines are errors), a file
# with none and bytes that are not UTF-8 is read as cp1252.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Bytes cp1252 leaves undefined: a file holding one is read as Latin-1.
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")


class UnreadableFile(ValueError):
    """The file as a whole cannot be read (a damaged gzip stream); the message says why."""


@dataclass(frozen=True)
class FileFacts:
    """The file as received (digest and size of its bytes) and what reading it takes."""

    digest: str
    size: int
    encoding: str
    compression: str | None
    # The size of what is read: the decompressed bytes of a gzipped file.
    plain_size: int


class _EncodingScan:
    """Fed the file's bytes in order, tells its encoding: UTF-8 unless bytes that are not UTF-8 come
    with no sequence only UTF-8 makes, then cp1252 (Latin-1 when cp1252 cannot read a byte)."""

    def __init__(self) -> None:
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.utf8 = True
        self.multibyte = False
        self.cp1252 = True

    def feed(self, chunk: bytes) -> None:
        if chunk.isascii():
            return
        if self.utf8:
            try:
                self.decoder.decode(chunk)
            except UnicodeDecodeError:
                self.utf8 = False
        # A sequence split between chunks is missed: a file holds more than one, or none.
        self.multibyte = self.multibyte or bool(_UTF8_MULTIBYTE.search(chunk))
        self.cp1252 = self.cp1252 and not _CP1252_UNDEFINED.search(chunk)

    @property
    def encoding(self) -> str:
        if self.utf8 or self.multibyte:
            return "utf-8"
        return "cp1252" if self.cp1252 else "latin-1"


def file_digest(stream: IO[bytes]) -> tuple[str, int]:
    """SHA-256 (hex) and size of the whole stream; leaves it rewound."""
    digest, size, _ = _scan(stream, None)
    return digest, size


def _scan(stream: IO[bytes], scan: _EncodingScan | None) -> tuple[str, int, _EncodingScan | None]:
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if scan is not None:
            scan.feed(chunk)
    stream.seek(0)
    return digest.hexdigest(), size, scan


@contextmanager
def open_file(stream: IO[bytes]) -> Iterator[tuple[IO[bytes], FileFacts]]:
    """The stream to read (a gzipped file decompressed to a temporary file) and its facts. Raises
    UnreadableFile for a gzip stream that does not decompress."""
    compressed = stream.read(2) == _GZIP_MAGIC
    stream.seek(0)
    if not compressed:
        digest, size, scan = _scan(stream, _EncodingScan())
        assert scan is not None
        yield stream, FileFacts(digest, size, scan.encoding, None, size)
        return
    digest, size = file_digest(stream)
    with tempfile.TemporaryFile() as plain:
        try:
            with gzip.GzipFile(fileobj=stream, mode="rb") as unzipped:
                shutil.copyfileobj(unzipped, plain, _CHUNK)
        except (OSError, EOFError, zlib.error) as exc:
            raise UnreadableFile(f"not a readable gzip file: {exc}") from None
        plain.seek(0)
        _, plain_size, scan = _scan(plain, _EncodingScan())
        assert scan is not None
        yield plain, FileFacts(digest, size, scan.encoding, "gzip", plain_size)


def sniff_format(stream: IO[bytes]) -> ImportFormat:
    """JSON when the file is one JSON document (it starts with `[`, or `{` alone on its line, or its
    first line is an object with a `data` array), NDJSON when it starts with `{`, else CSV; leaves
    the stream rewound."""
    first = stream.readline(MAX_LINE_BYTES).decode("utf-8", "replace").lstrip(_BOM)
    while not first.strip() and first:
        first = stream.readline(MAX_LINE_BYTES).decode("utf-8", "replace")
    stream.seek(0)
    start = first.strip()
    if start.startswith("["):
        return "json"
    if not start.startswith("{"):
        return "csv"
    if start == "{":
        return "json"
    try:
        value = orjson.loads(start)
    except orjson.JSONDecodeError:
        return "ndjson"
    return "json" if isinstance(value, dict) and isinstance(value.get("data"), list) else "ndjson"


@dataclass(slots=True)
class _Line:
    number: int
    text: str  # with its line terminator
    error: str | None = None


@dataclass
class FileReader:
    """Iterate to get `Record`s and `LineError`s in file order; `header` is set once CSV's is read."""

    stream: IO[bytes]
    format: ImportFormat
    encoding: str = "utf-8"
    header: list[str] | None = None
    # CSV: what separates cells (`,` or a tab, told by the first line), and whether an unnamed
    # first column (pandas' index) is left out of each row.
    delimiter: str = ","
    index_column: bool = False
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
    # Of the block's lines handed out, how many bytes_read has counted and their size in bytes: asked
    # after every record, it counts each line once, not the block from its start each time.
    _block_counted: int = 0
    _block_counted_size: int = 0
    # Where the lines of a block found not plain end: up to there, lines are read one at a time.
    _slow_until: int = 0

    @property
    def bytes_read(self) -> int:
        """The bytes of the records handed out so far (and of the lines read to make them)."""
        if self._block is None:
            return self._bytes
        taken = self._block_taken
        counting = self._block[self._block_counted : taken]
        if self._block_ascii:
            self._block_counted_size += sum(map(len, counting))
        else:
            self._block_counted_size += sum(len(line.encode(self.encoding)) for line in counting)
        self._block_counted = taken
        # The line feeds (the last line of a file may have none); carriage returns are still in the lines.
        return self._bytes + min(self._block_counted_size + taken, self._block_size)

    def __iter__(self) -> Iterator[Record | LineError]:
        if self.format == "json":
            return self._json()
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
                text = raw.decode(self.encoding)
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
            yield from _object_record(line.number, text, value)

    # --- JSON ---

    def _json(self) -> Iterator[Record | LineError]:
        """The objects of one JSON document, read whole: an array of them, or the array under the
        `data` key of an object (the Comtrade API's envelope; a non-empty `error` there is told)."""
        raw = self.stream.read()
        self._bytes = len(raw)
        try:
            text = raw.decode(self.encoding).removeprefix(_BOM)
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            yield LineError(
                line, "file", f"not {self.encoding}: byte 0x{raw[exc.start : exc.start + 1].hex()}"
            )
            return
        lines = _LineCounter(text)
        decoder = json.JSONDecoder()
        position = _skip_space(text, 0)
        try:
            if text.startswith("{", position):
                position = yield from self._envelope(text, position, decoder, lines)
                if position < 0:
                    return
            if not text.startswith("[", position):
                yield LineError(
                    lines.at(position),
                    "file",
                    "expected an array of objects, or an object with a `data` array",
                )
                return
            position = _skip_space(text, position + 1)
            while not text.startswith("]", position):
                value, end = decoder.raw_decode(text, position)
                line = lines.at(position)
                if isinstance(value, dict):
                    yield from _object_record(line, text[position:end], value)
                else:
                    yield LineError(line, "file", "expected a JSON object ({…}) for each record")
                position = _skip_space(text, end)
                if text.startswith(",", position):
                    position = _skip_space(text, position + 1)
                elif not text.startswith("]", position):
                    yield LineError(lines.at(position), "file", "not JSON: expected , or ] after a record")
                    return
        except json.JSONDecodeError as exc:
            yield LineError(exc.lineno, "file", f"not JSON: {exc.msg}")

    def _envelope(
        self, text: str, position: int, decoder: json.JSONDecoder, lines: "_LineCounter"
    ) -> Generator[LineError, None, int]:
        """Read the envelope's keys up to its `data` array; returns where the array starts, or -1
        (with the error yielded) when there is none. Other keys are read and left (but `error`)."""
        position = _skip_space(text, position + 1)
        while not text.startswith("}", position):
            key, position = decoder.raw_decode(text, position)
            position = _skip_space(text, position)
            if not isinstance(key, str) or not text.startswith(":", position):
                yield LineError(lines.at(position), "file", "not JSON: expected a key and :")
                return -1
            position = _skip_space(text, position + 1)
            if key == "data":
                return position
            value, end = decoder.raw_decode(text, position)
            if key == "error" and value:
                yield LineError(lines.at(position), "error", f"the response reports an error: {value}")
            position = _skip_space(text, end)
            if text.startswith(",", position):
                position = _skip_space(text, position + 1)
        yield LineError(lines.at(position), "file", "the JSON object has no `data` array of records")
        return -1

    # --- CSV ---

    def _tap(self) -> Iterator[str]:
        """The lines csv.reader asks for, remembered until the record they make is complete."""
        for line in self._lines():
            self._taken.append(line)
            yield line.text

    def _csv(self) -> Iterator[Record | LineError]:
        start = self.stream.tell()
        first_line = self.stream.readline(MAX_LINE_BYTES)
        self.stream.seek(start)
        if first_line.count(b"\t") > first_line.count(b","):
            self.delimiter = "\t"
        rows = csv.reader(self._tap(), strict=True, delimiter=self.delimiter)
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
            cells = self._cells(row)
            if cells is None:
                yield _cell_count_error(number, self.header, row[self.index_column :])
                continue
            yield Record(number, text, dict(zip(self.header, cells, strict=True)))

    def _cells(self, row: list[str]) -> list[str] | None:
        """A row's cells, one per column of the header: None when their count is wrong."""
        assert self.header is not None
        columns = len(self.header) + self.index_column
        if len(row) == columns + 1 and row[-1] == "":
            row = row[:-1]  # a trailing delimiter
        if len(row) != columns:
            return None
        return row[1:] if self.index_column else row

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
                text = raw.decode(self.encoding)
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
        self._block_counted = self._block_counted_size = 0
        self._block_ascii, self._block_size = raw.isascii(), len(raw)
        return first, lines, len(raw)

    def _plain_records(self, first: int, lines: list[str], size: int) -> Iterator[Record | LineError]:
        header = self.header
        assert header is not None
        columns = len(header)
        delimiter = self.delimiter
        crlf = any(line.endswith("\r") for line in lines)
        for number, text in enumerate(lines, first):
            self._block_taken += 1
            if crlf and text.endswith("\r"):
                text = text[:-1]
            cells = text.split(delimiter)
            if (not cells[0] or cells[0][0].isspace()) and not text.replace(delimiter, "").strip():
                continue  # blank, as _csv skips it
            if len(cells) != columns:
                row = self._cells(cells)
                if row is None:
                    yield _cell_count_error(number, header, cells[self.index_column :])
                    continue
                cells = row
            yield Record(number, text, dict(zip(header, cells, strict=True)))
        self._bytes += size
        self._block = None

    def _read_header(self, number: int, text: str, row: list[str]) -> Iterator[LineError]:
        names = [name.strip() for name in row]
        if len(names) > 1 and names[-1] == "" and all(names[:-1]):
            names.pop()  # a trailing delimiter, as on the rows
        if len(names) > 1 and names[0] == "" and all(names[1:]):
            names, self.index_column = names[1:], True  # pandas' index column
        duplicates = sorted({name for name in names if names.count(name) > 1})
        for name in duplicates:
            yield LineError(number, name, "the column appears more than once in the header")
        blank = [n for n, name in enumerate(names, 1) if not name]
        for position in blank:
            yield LineError(number, f"column {position}", "the header names no column here")
        if not duplicates and not blank:
            self.header, self.header_text, self.header_line = names, text, number


def _object_record(line: int, text: str, value: dict[str, Any]) -> Iterator[Record | LineError]:
    """A JSON object as a record, or why it is not one: its values must be flat."""
    nested = [key for key, item in value.items() if isinstance(item, dict | list)]
    if nested:
        for key in nested:
            yield LineError(line, key, "expected a string, number, boolean or null")
        return
    # A raw NUL is refused with its line; JSON's \u0000 escape reaches here (PostgreSQL cannot store
    # it in text).
    escaped = [
        key for key, item in value.items() if "\x00" in key or (isinstance(item, str) and "\x00" in item)
    ]
    if escaped:
        for key in escaped:
            yield LineError(line, key.replace("\x00", ""), "contains a NUL character (\\u0000)")
        return
    yield Record(line, text, value)


_SPACE = re.compile(r"[ \t\r\n]*")


def _skip_space(text: str, position: int) -> int:
    match = _SPACE.match(text, position)
    return match.end() if match else position


class _LineCounter:
    """The line of a position in a text, for positions asked in increasing order (mostly)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.line = 1

    def at(self, position: int) -> int:
        if position < self.position:
            self.position, self.line = 0, 1
        self.line += self.text.count("\n", self.position, position)
        self.position = position
        return self.line


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
