from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypeAliasType

from app.common.filters import COUNTRY_FILTER, Alpha2, CountryCode, repeatable
from app.common.pagination import Cursor, cursor_parameter
from app.common.schemas import Citation, Page, Schema

ConflictKind = TypeAliasType(
    "ConflictKind", Literal["contested_value", "part_exceeds_whole", "growth_implies_share"]
)
ConflictRecordType = TypeAliasType(
    "ConflictRecordType", Literal["event", "agreement", "trade_figure", "infrastructure_project"]
)


class Claim(Schema):
    """What one record, or one source about it, says of the disputed field."""

    record_type: ConflictRecordType = Field(description="The kind of record the claim is about.")
    record_id: str = Field(description="The record.")
    field: str = Field(description="The field, as the create body names it.", examples=["date"])
    value: str = Field(
        description="Its value, as JSON text of the create body's field.", examples=['"2025-11"']
    )
    citations: list[Citation] = Field(description="Where the sources say so.")


class ConflictRead(Schema):
    """A place where the sources, or the data itself, disagree."""

    id: str = Field(
        description="Stable id of the conflict, made of its kind and the records in it.",
        examples=["contested_value:event:aliyev-state-visit-kazakhstan-2025-11:date"],
    )
    kind: ConflictKind = Field(
        description="`contested_value`: sources give incompatible values for one field of a record. "
        "`part_exceeds_whole`: a figure for part of a period is above the figure for the whole "
        "period. `growth_implies_share`: a figure and its growth rate imply a value for the compared "
        "period that leaves almost nothing for the rest of the year a third figure covers."
    )
    record_type: ConflictRecordType = Field(description="The kind of records in conflict.")
    countries: list[Alpha2] = Field(description="The countries the records are about (alpha-2).")
    summary: str = Field(description="What disagrees, in a sentence with the numbers, in English.")
    claims: list[Claim] = Field(description="What each record or source says, with its quotes.")


class ConflictPage(Page[ConflictRead]):
    """A page of conflicts."""


class ConflictFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    country: list[CountryCode] = COUNTRY_FILTER
    kind: list[ConflictKind] = repeatable(
        "Kind of conflict; repeat for any of several.", examples=[["growth_implies_share"]]
    )
    record_type: list[ConflictRecordType] = repeatable(
        "Kind of record; repeat for any of several.", examples=[["trade_figure"]]
    )
    limit: int = Field(50, ge=1, le=500, description="Page size (1–500).")
    cursor: Cursor | None = cursor_parameter()
