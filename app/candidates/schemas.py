from datetime import datetime
from typing import Any, Literal

from pydantic import Field
from typing_extensions import TypeAliasType

from app.common.filters import (
    FACETS_DESCRIPTION,
    FIELDS_DESCRIPTION,
    ListParams,
    ShapeParams,
    Slug,
    choices,
    repeatable,
)
from app.common.schemas import Page, Schema
from app.curation.writes import WriteModel
from app.extraction import EXTRACTOR_VERSION
from app.models import CandidateAction, CandidateRecordType, CandidateStatus

CandidateSort = TypeAliasType("CandidateSort", Literal["id", "-id", "confidence", "-confidence"])
CandidateFacet = TypeAliasType("CandidateFacet", Literal["source", "kind", "status", "action"])


class CandidateRead(Schema):
    """A record the extractor proposes from a source, waiting for review."""

    id: int = Field(description="The candidate's id.", examples=[12])
    source_id: str = Field(description="The source it was read from.")
    key: str = Field(
        description="Its name among the source's candidates; `requires` of other candidates names it.",
        examples=["person:ilham-aliyev"],
    )
    record_type: CandidateRecordType = Field(description="The kind of record proposed.")
    action: CandidateAction = Field(
        description="`create`: accepting creates the record `body` describes. `corroborate`: a record "
        "stating the same fact exists (`target_id`); accepting adds this candidate's quote to its "
        "citations. `contest`: a record states the same fact with a value of `contested_field` that "
        "this one's is incompatible with (within their bounds and precision); accepting records this "
        "value, with its quote, beside the record's, which then reads `support: contested`. Decided "
        "again when it is accepted, against what is stored then."
    )
    target_id: str | None = Field(
        description="For `corroborate` and `contest`: the record that states the same fact."
    )
    contested_field: str | None = Field(
        description="For `contest`: the field of the body whose value disagrees with the record's.",
        examples=["date"],
    )
    body: dict[str, Any] = Field(
        description="Exactly the create body of its resource (EventCreate, TradeFigureCreate, …), "
        "citation included: accepting it is that create."
    )
    requires: list[str] = Field(
        description="Keys of the source's candidates its body refers to (a person, a place, the event an "
        "agreement was signed at): accepting it accepts those first."
    )
    quote: str = Field(
        description="The sentence it comes from, verbatim: `text[char_start:char_end]` of its source; `q` "
        "searches it."
    )
    paragraph: int = Field(description="The paragraph the quote is in (from 1).")
    char_start: int = Field(description="Offset of the quote's first character in the source's text.")
    char_end: int = Field(description="Offset just past the quote's last character.")
    confidence: float = Field(description="How sure the extractor is of its kind and key fields (0–1).")
    extractor_version: str = Field(
        description="The extractor that proposed it.", examples=[EXTRACTOR_VERSION]
    )
    status: CandidateStatus = Field(description="`pending`, `accepted` or `rejected`.")
    record_id: str | None = Field(
        description="Once accepted: the record created, or the one it corroborated."
    )
    reviewed_by: str | None = Field(description="The name of the API key that accepted or rejected it.")
    reviewed_at: datetime | None = Field(description="When it was accepted or rejected.")
    reason: str | None = Field(description="Why it was rejected.")
    created_at: datetime = Field(description="When it was proposed.")


class CandidatePage(Page[CandidateRead]):
    """A page of candidates, oldest first."""


CandidateField = TypeAliasType(
    "CandidateField",
    Literal[
        "id",
        "source_id",
        "key",
        "record_type",
        "action",
        "target_id",
        "contested_field",
        "body",
        "requires",
        "quote",
        "paragraph",
        "char_start",
        "char_end",
        "confidence",
        "extractor_version",
        "status",
        "record_id",
        "reviewed_by",
        "reviewed_at",
        "reason",
        "created_at",
    ],
)


class CandidateFilters(ListParams):
    source: list[Slug] = repeatable(
        "Source id; repeat for any of several.", examples=[["velizade-2025-az-kz-relations"]]
    )
    kind: list[CandidateRecordType] = repeatable(
        "Kind of record proposed; repeat for any of several.", examples=[["trade_figure"]]
    )
    status: list[CandidateStatus] = repeatable(
        "Review status; repeat for any of several.", examples=[["pending"]]
    )
    action: list[CandidateAction] = repeatable(
        "`create`, `corroborate` or `contest`; repeat for any of several.", examples=[["contest"]]
    )
    confidence_min: float | None = Field(None, ge=0, le=1, description="Only candidates at least this sure.")
    confidence_max: float | None = Field(None, ge=0, le=1, description="Only candidates at most this sure.")
    sort: CandidateSort = Field(
        "id", description="Sort key; `-` for descending. `id` is the order they were proposed in."
    )
    fields: list[CandidateField] = choices(FIELDS_DESCRIPTION)
    facets: list[CandidateFacet] = choices(FACETS_DESCRIPTION)


class CandidateDetailParams(ShapeParams):
    fields: list[CandidateField] = choices(FIELDS_DESCRIPTION)


class CandidateAccept(WriteModel):
    """Accept a candidate, optionally changing its body first."""

    edits: dict[str, Any] = Field(
        default_factory=dict,
        description="Fields of the body to change before it is written (JSON merge: a field given "
        "replaces the body's, `null` clears it). The result is validated like any create.",
        examples=[{"date": "2025-10-20/2025-10-21"}],
    )


class CandidateReject(WriteModel):
    """Reject a candidate: it stays, with the reason, and is never proposed as pending again."""

    reason: str = Field(min_length=1, max_length=1000, description="Why the candidate is wrong.")


class CandidatesAccept(WriteModel):
    """Accept every pending candidate of a source at or above a confidence, in one transaction."""

    source: Slug = Field(description="The source whose candidates to accept.")
    confidence_min: float = Field(ge=0, le=1, description="Accept only candidates at least this sure.")


class CandidatesAccepted(Schema):
    """What a bulk accept did."""

    accepted: list[CandidateRead] = Field(
        description="The candidates accepted, in the order they were written (what a candidate requires "
        "comes before it)."
    )


class Extraction(Schema):
    """What reading a source again did."""

    source_id: str = Field(description="The source read.")
    extractor_version: str | None = Field(
        description="The extractor that read it; null if none reads its language."
    )
    extraction_note: str | None = Field(description="Why it proposed nothing, if it could not read the text.")
    confidence_min: float | None = Field(
        description="The confidence floor it was read with (the one it was added with); null if none "
        "reads its language."
    )
    held_back: int | None = Field(
        description="Proposals held back under the floor: facts under it, and the people, organizations "
        "and places only they referred to."
    )
    withdrawn: int = Field(description="Pending candidates of earlier readings, withdrawn.")
    pending: int = Field(
        description="Pending candidates now: the new proposals, less those already reviewed as they stand."
    )
