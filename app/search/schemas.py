from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from typing_extensions import TypeAliasType

from app.common.filters import repeatable
from app.common.language import Language
from app.common.pagination import Cursor, cursor_parameter
from app.models import SearchRecordType
from app.search.text import MARK_START, RANKED_AT_ONCE, query_terms

SearchResource = TypeAliasType(
    "SearchResource",
    Literal[
        "events",
        "agreements",
        "trade-figures",
        "infrastructure-projects",
        "countries",
        "organizations",
        "people",
        "places",
        "sources",
    ],
)
RESOURCES: dict[SearchRecordType, SearchResource] = {
    SearchRecordType.event: "events",
    SearchRecordType.agreement: "agreements",
    SearchRecordType.trade_figure: "trade-figures",
    SearchRecordType.infrastructure_project: "infrastructure-projects",
    SearchRecordType.country: "countries",
    SearchRecordType.organization: "organizations",
    SearchRecordType.person: "people",
    SearchRecordType.place: "places",
    SearchRecordType.source: "sources",
}


class SearchParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    q: str = Field(
        min_length=1,
        max_length=200,
        description="Words to find, in Russian or English. Every word must match; word forms match "
        "each other (`Казахстане` finds `Казахстан`, `pipelines` finds `pipeline`) and a word of "
        "three or more letters also matches the longer words it begins (`тюрк` finds `тюркских`). "
        "Case, `ё`/`е` and punctuation do not matter; at least one letter or digit is required.",
        examples=["порт Актау"],
    )
    type: list[SearchRecordType] = repeatable(
        "Only records of this type; repeat for any of several.", examples=[["event", "agreement"]]
    )
    lang: Language | None = Field(
        None,
        description="Language of the titles (`en` or `ru`). Without it the `Accept-Language` header "
        "decides, else English; `Content-Language` says which was used. Snippets stay in the "
        "language of the text that matched.",
    )
    limit: int = Field(20, ge=1, le=100, description="Page size (1–100).")
    cursor: Cursor | None = cursor_parameter(
        "Opaque cursor from the previous page's `next_cursor`, valid for the same `q` "
        "and `type`; omit for the first page."
    )

    @field_validator("q")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not query_terms(value):
            raise ValueError("must contain at least one letter or digit")
        return value


@dataclass(frozen=True)
class SearchMatch:
    """A matching record as the repository finds it, before the response language is applied."""

    record_type: SearchRecordType
    record_id: str
    title_en: str
    title_ru: str
    snippet: str
    rank: float


class SearchHit(BaseModel):
    """One record that matches the query, with the passage that matched."""

    resource: SearchResource = Field(
        description="The collection the record belongs to, as in its URL.", examples=["events"]
    )
    type: SearchRecordType = Field(description="The kind of record.", examples=["event"])
    id: str = Field(
        description="The record's id in its collection.", examples=["aliyev-state-visit-kazakhstan-2025-11"]
    )
    title: str = Field(
        description="The record's title or name, in the response language.",
        examples=["State visit of President Ilham Aliyev to Kazakhstan"],
    )
    snippet: str = Field(
        description=f"About 160 characters of the matching text (a title, name, summary or quote, "
        f"in its own language) with the matching words wrapped in `{MARK_START}`; `…` marks a cut.",
        examples=["Расширялись мощности **портов** **Актау**, Курык и Алят"],
    )
    rank: float = Field(
        description="Relevance, higher is better: the order of the results. Comparable only within "
        f"one search; a search matching more than {RANKED_AT_ONCE} records is ranked "
        f"{RANKED_AT_ONCE} matches at a time (see the operation): rank falls within each block and "
        "starts again with the next."
    )
    url: str = Field(
        description="Path of the record in this API.",
        examples=["/v1/events/aliyev-state-visit-kazakhstan-2025-11"],
    )


def hit(match: SearchMatch, lang: Language) -> dict[str, Any]:
    """A match as the JSON of a SearchHit, in the response language (built without validation)."""
    resource = RESOURCES[match.record_type]
    return {
        "resource": resource,
        "type": match.record_type,
        "id": match.record_id,
        "title": match.title_ru if lang == "ru" else match.title_en,
        "snippet": match.snippet,
        "rank": match.rank,
        "url": f"/v1/{resource}/{match.record_id}",
    }


class SearchPage(BaseModel):
    """A page of search results, best first."""

    items: list[SearchHit] = Field(description="The matching records on this page, best first.")
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null on the last page. The same URL "
        'is in the `Link: <…>; rel="next"` header.',
    )
