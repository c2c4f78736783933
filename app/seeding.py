"""Load the seed: every ISO country from pycountry, then each `seed/*.yaml` dataset.

A dataset's records are written through the API's own write path (app.curation.writes.put): each is
checked by its resource's create body and rules, its references and quotes resolved as for a POST,
its history recorded by the same hook. Idempotent: only what differs is written, so a second run
reports everything unchanged. One call runs inside the caller's transaction: a bad seed file leaves
the database as it was.
"""

import gettext
from collections import Counter
from pathlib import Path
from typing import Any

import pycountry
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app import revisions
from app.agreements.repository import WRITABLE as AGREEMENT_WRITES
from app.curation import writes
from app.curation.writes import Writable
from app.errors import AppError
from app.events.repository import WRITABLE as EVENT_WRITES
from app.models import Country, SourceKind
from app.projects.repository import WRITABLE as PROJECT_WRITES
from app.reference.repository import ORGANIZATION_WRITES, PERSON_WRITES, PLACE_WRITES
from app.search import repository as search
from app.sources.repository import WRITABLE as SOURCE_WRITES
from app.trade.repository import WRITABLE as FIGURE_WRITES


class SeedError(ValueError):
    """A seed file that cannot be loaded as it is; the message names the file and record."""


# --- the shape of a seed file ---


class SeedModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SeedCitation(SeedModel):
    paragraph: int = Field(ge=1)
    quote: str = Field(min_length=1)


class Cited(SeedModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$|^[A-Z]{2}$", max_length=120)
    citations: list[SeedCitation] = Field(min_length=1)


class SeedRecord(Cited):
    """A record of a resource: its id and citations, and the rest of its API create body (EventCreate,
    TradeFigureCreate, …), which loading checks with the API's own rules."""

    model_config = ConfigDict(extra="allow", frozen=True)

    def body(self, source_id: str) -> dict[str, Any]:
        """The record as the API would be sent it, its quotes citing the dataset's source."""
        citations = [{"source_id": source_id, **citation.model_dump()} for citation in self.citations]
        return {**(self.model_extra or {}), "citations": citations}


class SeedSource(SeedModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    author: str | None
    language: str = Field(pattern=r"^[a-z]{2}$")
    publication_year: int | None
    kind: SourceKind
    url: str | None
    text_file: str


class SeedDataset(SeedModel):
    source: SeedSource
    countries: list[Cited] = []
    organizations: list[SeedRecord] = []
    people: list[SeedRecord] = []
    places: list[SeedRecord] = []
    events: list[SeedRecord] = []
    agreements: list[SeedRecord] = []
    infrastructure_projects: list[SeedRecord] = []
    trade_figures: list[SeedRecord] = []


# Each group of a dataset and the resource it is written as, in an order where references resolve.
GROUPS: list[tuple[str, Writable[Any]]] = [
    ("organizations", ORGANIZATION_WRITES),
    ("people", PERSON_WRITES),
    ("places", PLACE_WRITES),
    ("events", EVENT_WRITES),
    ("agreements", AGREEMENT_WRITES),
    ("infrastructure_projects", PROJECT_WRITES),
    ("trade_figures", FIGURE_WRITES),
]


def read_dataset(path: Path) -> SeedDataset:
    try:
        return SeedDataset.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValidationError) as exc:
        raise SeedError(f"{path.name}: {exc}") from None


# --- loading ---


class SeedReport(Counter[str]):
    """Counts of `<group> inserted|updated|unchanged`."""

    def changed(self) -> bool:
        return any(not key.endswith("unchanged") for key in self)

    def summary(self) -> str:
        return ", ".join(f"{key}: {count}" for key, count in sorted(self.items()))


def seed_all(session: Session, seed_dir: Path) -> SeedReport:
    report = SeedReport()
    session.info[revisions.ACTOR_KEY] = "seed"
    load_countries(session, report)
    paths = sorted(seed_dir.glob("*.yaml"))
    if not paths:
        raise SeedError(f"no seed files (*.yaml) in {seed_dir}")
    for path in paths:
        load_dataset(session, path, report)
    session.flush()
    # Also when the index is empty: a database seeded before search existed gets indexed.
    if report.changed() or not search.has_documents(session):
        report.update(search.rebuild_search_index(session))
    if report.changed():
        revisions.changed(session)  # the version moves at commit
    return report


def load_countries(session: Session, report: SeedReport) -> None:
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    existing = {country.id: country for country in session.query(Country)}
    for entry in pycountry.countries:
        official_name = getattr(entry, "official_name", None)
        # gettext answers the English text when it has no translation: store no Russian name then.
        official_name_ru = official_name and russian.gettext(official_name)
        values = {
            "alpha3": entry.alpha_3,
            "numeric": entry.numeric,
            "name_en": entry.name,
            "name_ru": russian.gettext(entry.name),
            "official_name_en": official_name,
            "official_name_ru": official_name_ru if official_name_ru != official_name else None,
        }
        country = existing.get(entry.alpha_2)
        if country is None:
            session.add(Country(id=entry.alpha_2, **values))
            report["countries inserted"] += 1
        else:
            report[f"countries {'updated' if _assign(country, values) else 'unchanged'}"] += 1
    session.flush()


def load_dataset(session: Session, path: Path, report: SeedReport) -> None:
    """Write a dataset's records as the API writes them (app.curation.writes.put): the same checks,
    references, citations located in the source, ids and history."""
    dataset = read_dataset(path)
    text_path = path.parent / dataset.source.text_file
    if not text_path.is_file():
        raise SeedError(f"{path.name}: source text {dataset.source.text_file} not found")
    source = dataset.source
    body = source.model_dump(exclude={"id", "text_file"}) | {"text": text_path.read_text(encoding="utf-8")}
    _put(session, path, SOURCE_WRITES, source.id, body, "sources", report)
    for cited in dataset.countries:
        _cite_country(session, path, cited, source.id)
    for group, writable in GROUPS:
        for record in getattr(dataset, group):
            _put(session, path, writable, record.id, record.body(source.id), group, report)


def _put(
    session: Session,
    path: Path,
    writable: Writable[Any],
    record_id: str,
    body: dict[str, Any],
    group: str,
    report: SeedReport,
) -> None:
    try:
        data = writable.create.model_validate(body).model_dump()
        data.pop("id", None)
        outcome = writes.put(session, writable, record_id, data)
    except ValidationError as exc:
        raise SeedError(f"{path.name}: {record_id}: {exc}") from None
    except AppError as exc:
        raise SeedError(f"{path.name}: {record_id}: {exc.detail}") from None
    report[f"{group} {outcome}"] += 1


def _cite_country(session: Session, path: Path, cited: Cited, source_id: str) -> None:
    """Countries are reference data, not written through the API; the seed cites them all the same."""
    country = session.scalar(
        select(Country).where(Country.id == cited.id).options(selectinload(Country.citations))
    )
    if country is None:
        raise SeedError(f"{path.name}: {cited.id}: unknown country")
    items = [{"source_id": source_id, **citation.model_dump()} for citation in cited.citations]
    try:
        country.citations = writes.citations(session, items, current=country.citations)
    except AppError as exc:
        raise SeedError(f"{path.name}: {cited.id}: {exc.detail}") from None


def _assign(record: Any, values: dict[str, Any]) -> bool:
    """Set the attributes that differ; report whether any did."""
    changed = False
    for key, value in values.items():
        if getattr(record, key) != value:
            setattr(record, key, value)
            changed = True
    return changed
