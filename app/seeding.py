"""Load the seed: every ISO country from pycountry, then each `seed/*.yaml` dataset.

Idempotent: records are upserted by their slug ids and only fields that differ are written, so a
second run reports everything unchanged. One call runs inside the caller's transaction: a bad
seed file leaves the database as it was.
"""

import gettext
from collections import Counter
from pathlib import Path
from typing import Any, TypeVar

import pycountry
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlalchemy import inspect
from sqlalchemy.orm import Session, selectinload

from app import revisions
from app.common.dates import parse_partial_date, parse_period, period_kind
from app.db import Base
from app.models import (
    Agreement,
    AgreementSector,
    AgreementStatus,
    Bound,
    Citation,
    Country,
    Event,
    EventType,
    FigureStatus,
    Indicator,
    InfrastructureProject,
    Organization,
    Person,
    Place,
    PlaceKind,
    ProjectKind,
    ProjectStatus,
    Sector,
    Source,
    SourceKind,
    TradeFigure,
    Unit,
)
from app.search import repository as search
from app.sources.quotes import QuoteNotFound, locate_quote

M = TypeVar("M", bound=Base)


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


class SeedSource(SeedModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    author: str | None
    language: str = Field(pattern=r"^[a-z]{2}$")
    publication_year: int | None
    kind: SourceKind
    url: str | None
    text_file: str


class SeedOrganization(Cited):
    abbreviation_en: str | None
    abbreviation_ru: str | None
    name_en: str
    name_ru: str


class SeedPerson(Cited):
    name_en: str
    name_ru: str
    role_en: str | None
    role_ru: str | None
    country: str | None


class SeedPlace(Cited):
    name_en: str
    name_ru: str
    kind: PlaceKind
    country: str | None


class Dated(Cited):
    date: str

    @field_validator("date")
    @classmethod
    def _partial_date(cls, value: str) -> str:
        parse_partial_date(value)
        return value

    def date_columns(self) -> dict[str, Any]:
        start, end, precision = parse_partial_date(self.date)
        return {"date_start": start, "date_end": end, "date_precision": precision}


class SeedEvent(Dated):
    type: EventType
    title_en: str
    title_ru: str
    summary_en: str | None
    summary_ru: str | None
    location: str | None
    host_country: str | None
    countries: list[str]
    people: list[str]
    organizations: list[str]


class SeedAgreement(Dated):
    title_en: str
    title_ru: str
    summary_en: str | None
    summary_ru: str | None
    status: AgreementStatus
    document_count: int | None
    sectors: list[Sector] = Field(min_length=1)
    event: str | None
    countries: list[str]


class SeedTradeFigure(Cited):
    reporter: str
    partner: str
    indicator: Indicator
    commodity: str = "TOTAL"
    period: str
    value: float
    value_upper: float | None = None
    unit: Unit
    bound: Bound
    status: FigureStatus
    compared_period: str | None = None
    note_en: str | None = None
    note_ru: str | None = None
    projects: list[str] = []

    @field_validator("period", "compared_period")
    @classmethod
    def _period(cls, value: str | None) -> str | None:
        if value is not None:
            parse_period(value)
        return value


class SeedProject(Cited):
    name_en: str
    name_ru: str
    kind: ProjectKind
    status: ProjectStatus
    summary_en: str | None
    summary_ru: str | None
    countries: list[str]
    places: list[str]


class SeedDataset(SeedModel):
    source: SeedSource
    countries: list[Cited] = []
    organizations: list[SeedOrganization] = []
    people: list[SeedPerson] = []
    places: list[SeedPlace] = []
    events: list[SeedEvent] = []
    agreements: list[SeedAgreement] = []
    trade_figures: list[SeedTradeFigure] = []
    infrastructure_projects: list[SeedProject] = []


def read_dataset(path: Path) -> SeedDataset:
    try:
        return SeedDataset.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValidationError) as exc:
        raise SeedError(f"{path.name}: {exc}") from None


# --- loading ---


class SeedReport(Counter[str]):
    """Counts of `<table> inserted|updated|unchanged` and `citations inserted|deleted`."""

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
    dataset = read_dataset(path)
    loader = _DatasetLoader(session, path, dataset, report)
    loader.load()


class _DatasetLoader:
    def __init__(self, session: Session, path: Path, dataset: SeedDataset, report: SeedReport) -> None:
        self.session, self.path, self.dataset, self.report = session, path, dataset, report
        text_path = path.parent / dataset.source.text_file
        if not text_path.is_file():
            raise SeedError(f"{path.name}: source text {dataset.source.text_file} not found")
        self.text = text_path.read_text(encoding="utf-8")

    def load(self) -> None:
        data, session = self.dataset, self.session
        source_values = data.source.model_dump(exclude={"id", "text_file"}) | {"text": self.text}
        self._upsert(Source, data.source.id, source_values, "sources")
        session.flush()
        for cited in data.countries:
            country = self._get(Country, cited.id, "countries", cited.id)
            self._sync_citations(country, cited)
        for org in data.organizations:
            self._record(Organization, org, "organizations", {})
        for person in data.people:
            self._record(Person, person, "people", {"country_id": self._country(person.country, person.id)})
        for place in data.places:
            self._record(Place, place, "places", {"country_id": self._country(place.country, place.id)})
        session.flush()
        for event in data.events:
            self._record(
                Event,
                event,
                "events",
                event.date_columns()
                | {
                    "location_id": event.location and self._get(Place, event.location, "places", event.id).id,
                    "host_country_id": self._country(event.host_country, event.id),
                    "countries": self._all(Country, event.countries, "countries", event.id),
                    "people": self._all(Person, event.people, "people", event.id),
                    "organizations": self._all(Organization, event.organizations, "organizations", event.id),
                },
            )
        session.flush()
        for agreement in data.agreements:
            self._record(
                Agreement,
                agreement,
                "agreements",
                agreement.date_columns()
                | {
                    "event_id": agreement.event
                    and self._get(Event, agreement.event, "events", agreement.id).id,
                    "countries": self._all(Country, agreement.countries, "countries", agreement.id),
                    "sector_rows": self._sectors(agreement),
                },
            )
        for project in data.infrastructure_projects:
            self._record(
                InfrastructureProject,
                project,
                "infrastructure_projects",
                {
                    "countries": self._all(Country, project.countries, "countries", project.id),
                    "places": self._all(Place, project.places, "places", project.id),
                },
            )
        session.flush()
        for figure in data.trade_figures:
            start, end = parse_period(figure.period)
            compared = parse_period(figure.compared_period) if figure.compared_period else (None, None)
            self._record(
                TradeFigure,
                figure,
                "trade_figures",
                {
                    "reporter_id": self._country(figure.reporter, figure.id),
                    "partner_id": self._country(figure.partner, figure.id),
                    "period_start": start,
                    "period_end": end,
                    "period_kind": period_kind(start, end),
                    "compared_period_start": compared[0],
                    "compared_period_end": compared[1],
                    "projects": self._all(InfrastructureProject, figure.projects, "projects", figure.id),
                },
            )
        session.flush()

    def _record(self, model: type[M], seed: Cited, table: str, extra: dict[str, Any]) -> None:
        # Seed fields that are plain columns are copied; references were resolved into `extra`.
        columns = set(model.__table__.columns.keys())
        values = {key: value for key, value in seed.model_dump().items() if key in columns and key != "id"}
        record = self._upsert(model, seed.id, values | extra, table)
        self._sync_citations(record, seed)

    def _upsert(self, model: type[M], record_id: str, values: dict[str, Any], table: str) -> M:
        relations = [key for key, value in values.items() if isinstance(value, list)]
        if model is not Source:
            relations.append("citations")
        options = [selectinload(getattr(model, key)) for key in relations]
        record = self.session.get(model, record_id, options=options)
        if record is None:
            record = model(id=record_id, **values)
            self.session.add(record)
            self.report[f"{table} inserted"] += 1
        elif _assign(record, values):
            self.report[f"{table} updated"] += 1
        else:
            self.report[f"{table} unchanged"] += 1
        return record

    def _sync_citations(self, record: Any, seed: Cited) -> None:
        source_id = self.dataset.source.id
        wanted: dict[tuple[int, int], Citation] = {}
        for cited in seed.citations:
            try:
                where = locate_quote(self.text, cited.quote, cited.paragraph)
            except QuoteNotFound as exc:
                raise SeedError(f"{self.path.name}: {seed.id}: {exc}") from None
            wanted[(where.char_start, where.char_end)] = Citation(
                source_id=source_id,
                quote=cited.quote,
                paragraph=where.paragraph,
                char_start=where.char_start,
                char_end=where.char_end,
            )
        if record in self.session.new:
            record.citations = list(wanted.values())
            self.report["citations inserted"] += len(wanted)
            return
        if "citations" in inspect(record).unloaded:
            self.session.refresh(record, ["citations"])
        current = {(c.char_start, c.char_end): c for c in record.citations if c.source_id == source_id}
        for key, citation in current.items():
            if key not in wanted:
                record.citations.remove(citation)
                self.report["citations deleted"] += 1
        for key, citation in wanted.items():
            if key not in current:
                record.citations.append(citation)
                self.report["citations inserted"] += 1

    def _get(self, model: type[M], record_id: str, label: str, owner: str) -> M:
        record = self.session.get(model, record_id)
        if record is None:
            raise SeedError(f"{self.path.name}: {owner}: unknown reference to {label} {record_id!r}")
        return record

    def _country(self, code: str | None, owner: str) -> str | None:
        return code and self._get(Country, code, "countries", owner).id

    def _all(self, model: type[M], ids: list[str], label: str, owner: str) -> list[M]:
        return [self._get(model, record_id, label, owner) for record_id in sorted(ids)]

    def _sectors(self, agreement: SeedAgreement) -> list[AgreementSector]:
        return [
            AgreementSector(agreement_id=agreement.id, sector=sector)
            for sector in sorted(set(agreement.sectors))
        ]


def _assign(record: Any, values: dict[str, Any]) -> bool:
    """Set the attributes that differ; report whether any did."""
    changed = False
    for key, value in values.items():
        current = getattr(record, key)
        if isinstance(value, list):
            if _identity(current) == _identity(value):
                continue
        elif current == value:
            continue
        setattr(record, key, value)
        changed = True
    return changed


def _identity(items: list[Any]) -> list[Any]:
    return [getattr(item, "id", None) or getattr(item, "sector", None) for item in items]
