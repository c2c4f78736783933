"""A source text cut into paragraphs, sentences and tokens, every piece with its offsets."""

import re
from dataclasses import dataclass, field

from razdel import sentenize

from app.extraction.morphology import word_keys

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:[-‐']\w+)*|[^\w\s]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    keys: frozenset[str]

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    # A paragraph of one line without final punctuation: a headline or subhead, which repeats the
    # story's facts in fewer words; they are proposed from the body instead.
    headline: bool = False
    # An interviewer's question ("— The commission met recently. What came of it?"): what it states
    # is the journalist's premise; the facts are in the answer.
    question: bool = False


@dataclass
class Document:
    text: str
    language: str
    sentences: list[Sentence]

    def paragraph_sentences(self, paragraph: int) -> list[Sentence]:
        return [s for s in self.sentences if s.paragraph == paragraph]


def tokenize(text: str, offset: int, language: str) -> list[Token]:
    return [
        Token(m.group(), offset + m.start(), offset + m.end(), word_keys(m.group(), language))
        for m in _TOKEN.finditer(text)
    ]


def read(text: str, language: str) -> Document:
    sentences: list[Sentence] = []
    position = 0
    paragraph = 0
    for block in [*_PARAGRAPH_BREAK.split(text)]:
        block_start = text.index(block, position) if block else position
        position = block_start + len(block)
        if not block.strip():
            continue
        paragraph += 1
        for start, end in _sentence_spans(block, block_start):
            for part_start, part_end in _split_lines(text, start, end):
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        paragraph=paragraph,
                        start=part_start,
                        end=part_end,
                        text=text[part_start:part_end],
                        tokens=tokenize(text[part_start:part_end], part_start, language),
                    )
                )
    for paragraph_number in {s.paragraph for s in sentences}:
        members = [s for s in sentences if s.paragraph == paragraph_number]
        if _QUESTION_OPENING.match(members[0].text) and members[-1].text.rstrip().endswith("?"):
            for member in members:
                member.question = True
    for sentence in sentences:
        alone = sum(1 for other in sentences if other.paragraph == sentence.paragraph) == 1
        sentence.headline = (
            alone and len(sentence.text) <= 200 and not re.search(r"[.!?…:;»\"”)]$", sentence.text)
        )
    return Document(text=text, language=language, sentences=sentences)


_QUESTION_OPENING = re.compile(r"\s*(?:[—–-]\s|Q\s*[:.]|В\s*[:.]|Вопрос\s*[:.])")

# "9 млрд долл. США и …": razdel ends a sentence at an abbreviation that the next word continues.
_ABBREVIATION_END = re.compile(r"\b(?:долл|тыс|млн|млрд|трлн|руб|куб|т|г|гг)\.$", re.IGNORECASE)
# … or by a unit written in capitals ("61 тыс. ДФЭ", "1,2 млн TEU")
_CONTINUATION = re.compile(r"(?:США|(?:TEU|ДФЭ|ТЭУ|МВт|ГВт)\b|[a-zа-яё(–—-])")
# "on Sept. 2-3": an abbreviated month is followed by its day, not by a new sentence.
_MONTH_ABBREVIATION_END = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")


def _sentence_spans(block: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for piece in sentenize(block):
        previous = block[spans[-1][0] - offset : spans[-1][1] - offset] if spans else ""
        if (_ABBREVIATION_END.search(previous) and _CONTINUATION.match(piece.text)) or (
            _MONTH_ABBREVIATION_END.search(previous) and piece.text[:1].isdigit()
        ):
            spans[-1] = (spans[-1][0], offset + piece.stop)
            continue
        spans.append((offset + piece.start, offset + piece.stop))
    return spans


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A headline or dateline on its own line is a sentence of its own, whatever razdel thinks."""
    spans = []
    cursor = start
    for match in re.finditer(r"\n+", text[start:end]):
        piece_end = start + match.start()
        if text[cursor:piece_end].strip():
            spans.append(_strip(text, cursor, piece_end))
        cursor = start + match.end()
    if text[cursor:end].strip():
        spans.append(_strip(text, cursor, end))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
