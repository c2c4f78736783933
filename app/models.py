"""Typed SQLAlchemy models: the one metadata that Alembic migrations mirror."""

from datetime import date, datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    case,
    distinct,
    event,
    exists,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Mapped, Mapper, column_property, declared_attr, mapped_column, relationship

from app.common.dates import DatePrecision, PeriodKind
from app.common.text import normalize_text
from app.db import Base
from app.iso4217 import CURRENCY_CODES

# --- vocabularies: closed lists, stored as VARCHAR with a CHECK on both engines ---


class EventType(StrEnum):
    state_visit = "state_visit"
    # A visit whose rank (state, official, working) the source does not give: event datasets' "make a visit".
    visit = "visit"
    official_visit = "official_visit"
    working_visit = "working_visit"
    summit = "summit"
    ministerial_meeting = "ministerial_meeting"
    multilateral_meeting = "multilateral_meeting"
    intergovernmental_commission = "intergovernmental_commission"
    forum = "forum"
    talks = "talks"
    interstate_council = "interstate_council"
    phone_call = "phone_call"
    other = "other"


class EventStatus(StrEnum):
    """Whether the event took place: sources announce visits before they happen."""

    held = "held"
    planned = "planned"
    cancelled = "cancelled"


class Sector(StrEnum):
    transport = "transport"
    digitalization = "digitalization"
    industry = "industry"
    agriculture = "agriculture"
    energy = "energy"
    trade = "trade"
    finance = "finance"
    culture = "culture"
    education = "education"
    security = "security"
    other = "other"


class AgreementStatus(StrEnum):
    proposed = "proposed"
    signed = "signed"
    ratified = "ratified"
    in_force = "in_force"
    expired = "expired"
    terminated = "terminated"


class Indicator(StrEnum):
    trade_turnover = "trade_turnover"
    exports = "exports"
    imports = "imports"
    transit_volume = "transit_volume"
    trade_turnover_growth = "trade_turnover_growth"
    exports_growth = "exports_growth"
    imports_growth = "imports_growth"
    transit_volume_growth = "transit_volume_growth"
    # Comtrade's flows beyond exports (X) and imports (M), each its own indicator: re-exports are part
    # of exports and domestic exports the rest, so summing them with `exports` would count twice.
    re_exports = "re_exports"
    re_imports = "re_imports"
    domestic_exports = "domestic_exports"
    foreign_imports = "foreign_imports"
    imports_for_inward_processing = "imports_for_inward_processing"
    exports_after_inward_processing = "exports_after_inward_processing"
    imports_after_outward_processing = "imports_after_outward_processing"
    exports_for_outward_processing = "exports_for_outward_processing"


class Unit(StrEnum):
    USD = "USD"
    EUR = "EUR"
    tonnes = "tonnes"
    percent = "percent"
    teu = "teu"
    containers = "containers"
    barrels_per_day = "barrels_per_day"
    cubic_metres = "cubic_metres"
    km = "km"
    RUB = "RUB"
    KZT = "KZT"
    AZN = "AZN"
    CNY = "CNY"
    # Quantity units of trade statistics (Comtrade's qtyUnitAbbr: u, 2u, 12u, 1000u, l, m, m2, ct, …).
    items = "items"
    pairs = "pairs"
    dozens = "dozens"
    thousand_items = "thousand_items"
    packages = "packages"
    litres = "litres"
    metres = "metres"
    square_metres = "square_metres"
    carats = "carats"
    thousand_kwh = "thousand_kwh"
    # Every other current ISO 4217 currency (app/iso4217.py), after the units
    # above so that their order (the order of a pair's series) stays as it was.
    _ignore_ = "members code"
    members = vars()
    for code in CURRENCY_CODES:
        if code not in members:
            members[code] = code


class Valuation(StrEnum):
    """The basis of a trade value: CIF (cost, insurance and freight to the importer's border, as
    imports are usually valued) or FOB (free on board at the exporter's border, as exports are)."""

    cif = "cif"
    fob = "fob"


class Bound(StrEnum):
    """How the stated value bounds the true one."""

    exact = "exact"
    approximate = "approximate"
    at_least = "at_least"
    at_most = "at_most"
    range = "range"


class FigureStatus(StrEnum):
    reported = "reported"
    preliminary = "preliminary"
    estimate = "estimate"
    forecast = "forecast"
    # A goal the parties set ("to bring turnover to $1 billion"): neither a measurement nor a forecast.
    target = "target"


class ProjectKind(StrEnum):
    port = "port"
    transport_corridor = "transport_corridor"
    pipeline = "pipeline"
    railway = "railway"
    road = "road"
    ferry_line = "ferry_line"
    digital_system = "digital_system"
    power_line = "power_line"
    other = "other"


class ProjectStatus(StrEnum):
    planned = "planned"
    under_development = "under_development"
    under_construction = "under_construction"
    expanding = "expanding"
    operating = "operating"
    completed = "completed"
    suspended = "suspended"


class PlaceKind(StrEnum):
    city = "city"
    port = "port"
    region = "region"
    other = "other"


class SourceKind(StrEnum):
    article = "article"
    wire_report = "wire_report"
    press_release = "press_release"
    interview = "interview"
    report = "report"
    statistics = "statistics"
    dataset = "dataset"
    official_statement = "official_statement"
    other = "other"


def enum_type(enum: type[StrEnum], name: str) -> Enum:
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=40,
        values_callable=lambda members: [member.value for member in members],
    )


SLUG = String(120)
COUNTRY_CODE = String(2)


class Searchable:
    """Keeps `search_text`, a folded copy of the fields `q` matches, in step with them."""

    search_fields: ClassVar[tuple[str, ...]]
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")

    def refresh_search_text(self) -> None:
        values = (getattr(self, field) for field in self.search_fields)
        self.search_text = normalize_text(" ".join(value for value in values if value))


@event.listens_for(Searchable, "before_insert", propagate=True)
@event.listens_for(Searchable, "before_update", propagate=True)
def _refresh_search_text(_mapper: Mapper[Any], _connection: Any, target: Searchable) -> None:
    target.refresh_search_text()


def association(
    name: str, left: tuple[str, str], right: tuple[str, str], right_type: Any = SLUG, *, dated: bool = False
) -> Table:
    """A many-to-many table: composite primary key, plus an index for lookups from the right side.

    `dated`: the rows also carry the left record's date_start and date_end, copied there by database
    triggers (migration 0006), so that "linked to X, between two dates" is one index range."""
    (left_key, left_ref), (right_key, right_ref) = left, right
    dates: list[Any] = []
    if dated:
        dates = [
            Column("date_start", Date, nullable=True),
            Column("date_end", Date, nullable=True),
            # The left key before date_end: a page of one right value's records by date is
            # ORDER BY date_start, left key, read in this order (migration 0019).
            Index(f"ix_{name}_dates", right_key, "date_start", left_key, "date_end"),
        ]
    return Table(
        name,
        Base.metadata,
        Column(left_key, SLUG, ForeignKey(left_ref, ondelete="CASCADE"), primary_key=True),
        Column(right_key, right_type, ForeignKey(right_ref, ondelete="CASCADE"), primary_key=True),
        Index(f"ix_{name}_{right_key}", right_key, left_key),
        *dates,
    )


EVENT = ("event_id", "events.id")
AGREEMENT = ("agreement_id", "agreements.id")
PROJECT = ("project_id", "projects.id")
COUNTRY = ("country_id", "countries.id")
event_countries = association("event_countries", EVENT, COUNTRY, COUNTRY_CODE, dated=True)
event_people = association("event_people", EVENT, ("person_id", "people.id"), dated=True)
event_organizations = association(
    "event_organizations", EVENT, ("organization_id", "organizations.id"), dated=True
)
agreement_countries = association("agreement_countries", AGREEMENT, COUNTRY, COUNTRY_CODE)
project_countries = association("project_countries", PROJECT, COUNTRY, COUNTRY_CODE)
project_places = association("project_places", PROJECT, ("place_id", "places.id"))
project_trade_figures = association("project_trade_figures", PROJECT, ("trade_figure_id", "trade_figures.id"))


class Versioned:
    """A record clients may change: `version` grows with every change, and an UPDATE or DELETE only
    applies to the version it read (SQLAlchemy's version counter), so concurrent writers cannot
    silently overwrite each other."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class DataState(Base):
    """One row: a counter bumped in the same transaction as every change to the data.

    HTTP caching reads it (Last-Modified), and it tells any process whether its cached answers are stale.
    """

    __tablename__ = "data_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


# --- reference entities ---


class Country(Searchable, Base):
    """ISO 3166-1, loaded from pycountry; `id` is the alpha-2 code."""

    __tablename__ = "countries"
    search_fields = ("id", "alpha3", "name_en", "name_ru", "official_name_en")

    id: Mapped[str] = mapped_column(COUNTRY_CODE, primary_key=True)
    alpha3: Mapped[str] = mapped_column(String(3), unique=True)
    numeric: Mapped[str] = mapped_column(String(3), unique=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_ru: Mapped[str] = mapped_column(String(200))
    official_name_en: Mapped[str | None] = mapped_column(String(300))
    official_name_ru: Mapped[str | None] = mapped_column(String(300))

    citations: Mapped[list["Citation"]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True, order_by="Citation.char_start"
    )

    __table_args__ = (
        CheckConstraint("length(id) = 2", name="alpha2_length"),
        Index("ix_countries_name_en", "name_en", "id"),
    )


class Organization(Versioned, Searchable, Base):
    __tablename__ = "organizations"
    search_fields = ("abbreviation_en", "abbreviation_ru", "name_en", "name_ru")

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    abbreviation_en: Mapped[str | None] = mapped_column(String(40))
    abbreviation_ru: Mapped[str | None] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))

    citations: Mapped[list["Citation"]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True, order_by="Citation.char_start"
    )

    __table_args__ = (Index("ix_organizations_name_en", "name_en", "id"),)


class Person(Versioned, Searchable, Base):
    __tablename__ = "people"
    search_fields = ("name_en", "name_ru", "role_en", "role_ru")

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_ru: Mapped[str] = mapped_column(String(200))
    role_en: Mapped[str | None] = mapped_column(String(300))
    role_ru: Mapped[str | None] = mapped_column(String(300))
    country_id: Mapped[str | None] = mapped_column(ForeignKey("countries.id"), index=True)

    country: Mapped[Country | None] = relationship(lazy="raise")
    citations: Mapped[list["Citation"]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True, order_by="Citation.char_start"
    )

    __table_args__ = (Index("ix_people_name_en", "name_en", "id"),)


class Place(Versioned, Searchable, Base):
    __tablename__ = "places"
    search_fields = ("name_en", "name_ru")

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_ru: Mapped[str] = mapped_column(String(200))
    kind: Mapped[PlaceKind] = mapped_column(enum_type(PlaceKind, "place_kind"), index=True)
    country_id: Mapped[str | None] = mapped_column(ForeignKey("countries.id"), index=True)

    country: Mapped[Country | None] = relationship(lazy="raise")
    citations: Mapped[list["Citation"]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True, order_by="Citation.char_start"
    )

    __table_args__ = (Index("ix_places_name_en", "name_en", "id"),)


# --- sources and citations ---


class Source(Versioned, Searchable, Base):
    __tablename__ = "sources"
    search_fields = ("title", "author")

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    # The published title; for an untitled source, a supplied description in [square brackets].
    title: Mapped[str] = mapped_column(String(1000))
    author: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(8), index=True)
    publication_year: Mapped[int | None] = mapped_column(Integer)
    # The first day of what is known of the publication date, and how much is known.
    publication_date: Mapped[date | None] = mapped_column(Date)
    publication_date_precision: Mapped[DatePrecision | None] = mapped_column(
        enum_type(DatePrecision, "date_precision")
    )
    publisher: Mapped[str | None] = mapped_column(String(300))
    # The last day the publication date allows (31 December for a year): what `as_of` compares.
    published_by: Mapped[date | None] = mapped_column(Date, index=True)
    retrieved_on: Mapped[date | None] = mapped_column(Date)
    kind: Mapped[SourceKind] = mapped_column(enum_type(SourceKind, "source_kind"), index=True)
    url: Mapped[str | None] = mapped_column(String(2000))
    text: Mapped[str] = mapped_column(Text)
    # Which extractor read the text, and why it proposed nothing when it could not read it.
    extractor_version: Mapped[str | None] = mapped_column(String(40))
    extraction_note: Mapped[str | None] = mapped_column(String(500))
    # The confidence floor of that reading, and how many of its proposals fell under it.
    confidence_min: Mapped[float | None] = mapped_column(Float)
    held_back: Mapped[int | None] = mapped_column(Integer)

    citations: Mapped[list["Citation"]] = relationship(
        lazy="raise",
        back_populates="source",
        order_by="(Citation.char_start, Citation.char_end, Citation.id)",
    )

    __table_args__ = (
        Index("ix_sources_title", "title", "id"),
        CheckConstraint(
            "(publication_date IS NULL) = (publication_date_precision IS NULL)",
            name="publication_date_precision",
        ),
    )


# Which column of `citations` points at which kind of record (an exclusive arc: exactly one is set).
CITED_RECORD_COLUMNS = {
    "event": "event_id",
    "agreement": "agreement_id",
    "trade_figure": "trade_figure_id",
    "infrastructure_project": "project_id",
    "country": "country_id",
    "organization": "organization_id",
    "person": "person_id",
    "place": "place_id",
}
_ONE_RECORD = " + ".join(
    f"(CASE WHEN {column} IS NULL THEN 0 ELSE 1 END)" for column in CITED_RECORD_COLUMNS.values()
)


def _unique_per_record(column: str) -> Index:
    condition = text(f"{column} IS NOT NULL")
    return Index(
        f"uq_citations_{column}",
        column,
        "source_id",
        "char_start",
        "char_end",
        unique=True,
        sqlite_where=condition,
        postgresql_where=condition,
    )


def _in_order(column: str) -> Index:
    """A record's citations in the order its `citations` list gives them (char_start, then id): read
    in that order, SQLite sorts no record's citations. Partial, as the unique ones, but for the trade
    figures' (nearly every citation): a whole index, which a large import drops and builds again at
    its end (app.imports.store defers whole indexes only) instead of keeping it row by row."""
    if column == "trade_figure_id":
        return Index(f"ix_citations_{column}_in_order", column, "char_start", "id")
    condition = text(f"{column} IS NOT NULL")
    return Index(
        f"ix_citations_{column}_in_order",
        column,
        "char_start",
        "id",
        sqlite_where=condition,
        postgresql_where=condition,
    )


class Citation(Base):
    """Where a record comes from: a verbatim quote from a source.

    In a text source the quote sits at `char_start:char_end` of the text, in `paragraph`; in a
    dataset (an imported file) it is the whole row at `line`, and the text offsets are null.
    """

    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id", ondelete="RESTRICT"))
    quote: Mapped[str] = mapped_column(Text)
    paragraph: Mapped[int | None] = mapped_column(Integer)
    char_start: Mapped[int | None] = mapped_column(Integer)
    char_end: Mapped[int | None] = mapped_column(Integer)
    line: Mapped[int | None] = mapped_column(Integer)

    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    agreement_id: Mapped[str | None] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    trade_figure_id: Mapped[str | None] = mapped_column(ForeignKey("trade_figures.id", ondelete="CASCADE"))
    project_id: Mapped[str | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    country_id: Mapped[str | None] = mapped_column(ForeignKey("countries.id", ondelete="CASCADE"))
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    place_id: Mapped[str | None] = mapped_column(ForeignKey("places.id", ondelete="CASCADE"))

    source: Mapped[Source] = relationship(lazy="raise", back_populates="citations")

    __table_args__ = (
        CheckConstraint(f"{_ONE_RECORD} = 1", name="one_record"),
        CheckConstraint(
            "(line IS NULL AND paragraph >= 1 AND char_start >= 0 AND char_end > char_start)"
            " OR (line >= 1 AND paragraph IS NULL AND char_start IS NULL AND char_end IS NULL)",
            name="locator",
        ),
        Index("ix_citations_source_id", "source_id", "id"),
        *(_unique_per_record(column) for column in CITED_RECORD_COLUMNS.values()),
        *(_in_order(column) for column in CITED_RECORD_COLUMNS.values()),
    )

    @property
    def record_type(self) -> str:
        return next(kind for kind, column in CITED_RECORD_COLUMNS.items() if getattr(self, column))

    @property
    def record_id(self) -> str:
        return str(getattr(self, CITED_RECORD_COLUMNS[self.record_type]))


class SupportStatus(StrEnum):
    """How the sources stand behind a record."""

    single = "single"  # one source states it
    corroborated = "corroborated"  # several sources state it, none otherwise
    contested = "contested"  # another source gives an incompatible value for one of its fields


# Which column of `contested_values` points at which kind of record (an exclusive arc, as citations).
CONTESTED_RECORD_COLUMNS = {
    "event": "event_id",
    "agreement": "agreement_id",
    "trade_figure": "trade_figure_id",
    "infrastructure_project": "project_id",
}


class ContestedValue(Base):
    """A value another source gives for one field of a record, incompatible with the record's own
    within their bounds and precision, with the quote that gives it."""

    __tablename__ = "contested_values"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    agreement_id: Mapped[str | None] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    trade_figure_id: Mapped[str | None] = mapped_column(ForeignKey("trade_figures.id", ondelete="CASCADE"))
    project_id: Mapped[str | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    # The field of the create body (`date`, `value`, `period`…), and its value there, as JSON text.
    field: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(Text)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id", ondelete="RESTRICT"), index=True)
    quote: Mapped[str] = mapped_column(Text)
    paragraph: Mapped[int] = mapped_column(Integer)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidates.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        CheckConstraint(
            " + ".join(
                f"(CASE WHEN {column} IS NULL THEN 0 ELSE 1 END)"
                for column in CONTESTED_RECORD_COLUMNS.values()
            )
            + " = 1",
            name="one_record",
        ),
        *(Index(f"ix_contested_values_{column}", column) for column in CONTESTED_RECORD_COLUMNS.values()),
    )


def count_sources(cited: Any, record_id: Any, counted: Any = None) -> Any:
    """How many distinct sources cite the record (with `counted`, a condition on a `source_id`
    column, only the sources it admits)."""
    conditions = [cited == record_id]
    if counted is not None:
        conditions.append(counted(Citation.source_id))
    counting = select(func.count(distinct(Citation.source_id))).where(*conditions)
    return counting.correlate_except(Citation).scalar_subquery()


def support_status(cited: Any, contested: Any, record_id: Any, counted: Any = None) -> Any:
    """A record's support status: contested when a source gives another value for one of its fields,
    corroborated when several sources cite it, else single (with `counted`, as `count_sources`)."""

    # Literals, not parameters: readers compile this SQL once and bind only the record's id.
    def word(status: SupportStatus) -> Any:
        return literal_column(f"'{status.value}'", String)

    contesting = [contested == record_id]
    if counted is not None:
        contesting.append(counted(ContestedValue.source_id))
    return case(
        (exists().where(*contesting), word(SupportStatus.contested)),
        (count_sources(cited, record_id, counted) > literal_column("1"), word(SupportStatus.corroborated)),
        else_=word(SupportStatus.single),
    )


# --- facts ---


class Event(Versioned, Searchable, Base):
    __tablename__ = "events"
    search_fields = ("title_en", "title_ru")

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    type: Mapped[EventType] = mapped_column(enum_type(EventType, "event_type"))
    title_en: Mapped[str] = mapped_column(String(500))
    title_ru: Mapped[str] = mapped_column(String(500))
    summary_en: Mapped[str | None] = mapped_column(Text)
    summary_ru: Mapped[str | None] = mapped_column(Text)
    date_start: Mapped[date] = mapped_column(Date)
    date_end: Mapped[date] = mapped_column(Date)
    date_precision: Mapped[DatePrecision] = mapped_column(enum_type(DatePrecision, "date_precision"))
    status: Mapped[EventStatus] = mapped_column(
        enum_type(EventStatus, "event_status"), default=EventStatus.held, server_default="held"
    )
    location_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"), index=True)
    host_country_id: Mapped[str | None] = mapped_column(ForeignKey("countries.id"))

    location: Mapped[Place | None] = relationship(lazy="raise")
    host_country: Mapped[Country | None] = relationship(lazy="raise")
    countries: Mapped[list[Country]] = relationship(
        secondary=event_countries, lazy="raise", order_by=Country.id
    )
    people: Mapped[list[Person]] = relationship(secondary=event_people, lazy="raise", order_by=Person.id)
    organizations: Mapped[list[Organization]] = relationship(
        secondary=event_organizations, lazy="raise", order_by=Organization.id
    )
    agreements: Mapped[list["Agreement"]] = relationship(
        lazy="raise", back_populates="event", order_by="Agreement.id"
    )
    citations: Mapped[list[Citation]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True, order_by=Citation.char_start
    )
    external_codes: Mapped[list["EventCode"]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True, order_by="EventCode.id"
    )
    contested: Mapped[list[ContestedValue]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True, order_by=ContestedValue.id
    )
    source_count: Mapped[int] = column_property(count_sources(Citation.event_id, id), deferred=True)
    support: Mapped[str] = column_property(
        support_status(Citation.event_id, ContestedValue.event_id, id), deferred=True
    )

    __table_args__ = (
        CheckConstraint("date_end >= date_start", name="date_order"),
        Index("ix_events_date_start", "date_start", "id"),
        Index("ix_events_date_end", "date_end", "id"),
        Index("ix_events_type", "type", "date_start", "id"),
        Index("ix_events_host_country_id", "host_country_id", "date_start", "id"),
        # A host's events by title: PostgreSQL otherwise walks every event in title order for a host's few.
        Index("ix_events_host_title", "host_country_id", "title_en", "id"),
        Index("ix_events_title_en", "title_en", "id"),
        # Events of a country come by id from event_countries: their dates are read from this index.
        Index("ix_events_id_dates", "id", "date_start", "date_end"),
    )


# The Goldstein scale runs from −10 (hostile) to +10 (cooperative).
GOLDSTEIN_BOUND = 10


class EventCode(Base):
    """How an event dataset codes the event: its own code (CAMEO `042`, "Make a visit"), kept beside
    this API's `type`, which is `other` where no type fits; the intensity on the Goldstein scale and
    the article the dataset row was coded from, when the dataset gives them."""

    __tablename__ = "event_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    scheme: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[str | None] = mapped_column(String(300))
    # Its bound, held by the CHECK below, in `info` too: app/common/rows.py reads a bounded float in
    # a page's own statement on SQLite.
    intensity: Mapped[float | None] = mapped_column(Float, info={"at_most": GOLDSTEIN_BOUND})
    url: Mapped[str | None] = mapped_column(String(2000))

    __table_args__ = (
        CheckConstraint(
            f"intensity IS NULL OR (intensity >= -{GOLDSTEIN_BOUND} AND intensity <= {GOLDSTEIN_BOUND})",
            name="intensity_range",
        ),
        Index("ix_event_codes_event_id", "event_id", "id"),
        Index("ix_event_codes_code", "scheme", "code"),
    )


class AgreementSector(Base):
    __tablename__ = "agreement_sectors"

    agreement_id: Mapped[str] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True
    )
    sector: Mapped[Sector] = mapped_column(enum_type(Sector, "sector"), primary_key=True)

    __table_args__ = (Index("ix_agreement_sectors_sector", "sector", "agreement_id"),)


class Agreement(Versioned, Searchable, Base):
    __tablename__ = "agreements"
    search_fields = ("title_en", "title_ru")

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    title_en: Mapped[str] = mapped_column(String(500))
    title_ru: Mapped[str] = mapped_column(String(500))
    summary_en: Mapped[str | None] = mapped_column(Text)
    summary_ru: Mapped[str | None] = mapped_column(Text)
    status: Mapped[AgreementStatus] = mapped_column(
        enum_type(AgreementStatus, "agreement_status"), index=True
    )
    document_count: Mapped[int | None] = mapped_column(Integer)
    date_start: Mapped[date] = mapped_column(Date)
    date_end: Mapped[date] = mapped_column(Date)
    date_precision: Mapped[DatePrecision] = mapped_column(enum_type(DatePrecision, "date_precision"))
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id"), index=True)

    event: Mapped[Event | None] = relationship(lazy="raise", back_populates="agreements")
    sector_rows: Mapped[list[AgreementSector]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by=AgreementSector.sector
    )
    countries: Mapped[list[Country]] = relationship(
        secondary=agreement_countries, lazy="raise", order_by=Country.id
    )
    citations: Mapped[list[Citation]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True, order_by=Citation.char_start
    )
    contested: Mapped[list[ContestedValue]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True, order_by=ContestedValue.id
    )
    source_count: Mapped[int] = column_property(count_sources(Citation.agreement_id, id), deferred=True)
    support: Mapped[str] = column_property(
        support_status(Citation.agreement_id, ContestedValue.agreement_id, id), deferred=True
    )

    __table_args__ = (
        CheckConstraint("date_end >= date_start", name="date_order"),
        CheckConstraint("document_count IS NULL OR document_count > 0", name="document_count_positive"),
        Index("ix_agreements_date_start", "date_start", "id"),
        Index("ix_agreements_date_end", "date_end", "id"),
        Index("ix_agreements_title_en", "title_en", "id"),
    )

    @property
    def sectors(self) -> list[Sector]:
        return [row.sector for row in self.sector_rows]


class TradeFigure(Versioned, Searchable, Base):
    """One observation: a value for a reporter–partner pair, indicator and period, with qualifiers."""

    __tablename__ = "trade_figures"
    search_fields = ("indicator", "commodity", "note_en", "note_ru")

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    reporter_id: Mapped[str] = mapped_column(ForeignKey("countries.id"))
    partner_id: Mapped[str] = mapped_column(ForeignKey("countries.id"))
    indicator: Mapped[Indicator] = mapped_column(enum_type(Indicator, "indicator"))
    commodity: Mapped[str] = mapped_column(String(40), default="TOTAL", server_default="TOTAL")
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    period_kind: Mapped[PeriodKind] = mapped_column(enum_type(PeriodKind, "period_kind"))
    value: Mapped[float] = mapped_column(Float)
    value_upper: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[Unit] = mapped_column(enum_type(Unit, "unit"), index=True)
    bound: Mapped[Bound] = mapped_column(enum_type(Bound, "bound"), index=True)
    status: Mapped[FigureStatus] = mapped_column(enum_type(FigureStatus, "figure_status"), index=True)
    compared_period_start: Mapped[date | None] = mapped_column(Date)
    compared_period_end: Mapped[date | None] = mapped_column(Date)
    note_en: Mapped[str | None] = mapped_column(Text)
    note_ru: Mapped[str | None] = mapped_column(Text)
    valuation: Mapped[Valuation | None] = mapped_column(enum_type(Valuation, "valuation"))
    # The commodity code's level in its classification: 0 all goods, 2 an HS chapter, 4 a heading, …
    aggregate_level: Mapped[int | None] = mapped_column(SmallInteger)
    # A quantity's value figure: the tonnes or items of the same flow, stated in the same record.
    value_figure_id: Mapped[str | None] = mapped_column(ForeignKey("trade_figures.id", ondelete="SET NULL"))

    reporter: Mapped[Country] = relationship(lazy="raise", foreign_keys=[reporter_id])
    partner: Mapped[Country] = relationship(lazy="raise", foreign_keys=[partner_id])
    projects: Mapped[list["InfrastructureProject"]] = relationship(
        secondary=project_trade_figures,
        lazy="raise",
        back_populates="trade_figures",
        order_by="InfrastructureProject.id",
    )
    citations: Mapped[list[Citation]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True, order_by=Citation.char_start
    )
    contested: Mapped[list[ContestedValue]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True, order_by=ContestedValue.id
    )
    source_count: Mapped[int] = column_property(count_sources(Citation.trade_figure_id, id), deferred=True)
    support: Mapped[str] = column_property(
        support_status(Citation.trade_figure_id, ContestedValue.trade_figure_id, id), deferred=True
    )

    __table_args__ = (
        UniqueConstraint(
            "reporter_id",
            "partner_id",
            "indicator",
            "commodity",
            "period_start",
            "period_end",
            "status",
            "unit",
            name="uq_trade_figures_natural_key",
        ),
        CheckConstraint("period_end >= period_start", name="period_order"),
        CheckConstraint("reporter_id <> partner_id", name="distinct_countries"),
        CheckConstraint(
            "(bound = 'range' AND value_upper IS NOT NULL AND value_upper > value)"
            " OR (bound IN ('at_least', 'at_most') AND (value_upper IS NULL OR value_upper > value))"
            " OR (bound IN ('exact', 'approximate') AND value_upper IS NULL)",
            name="bound_values",
        ),
        CheckConstraint(
            "(compared_period_start IS NULL) = (compared_period_end IS NULL)"
            " AND (compared_period_end IS NULL OR compared_period_end >= compared_period_start)",
            name="compared_period",
        ),
        Index("ix_trade_figures_pair", "reporter_id", "partner_id", "indicator", "period_start"),
        Index("ix_trade_figures_pair_period", "reporter_id", "partner_id", "period_start", "id"),
        Index("ix_trade_figures_partner", "partner_id", "period_start", "id"),
        Index("ix_trade_figures_partner_reporter", "partner_id", "reporter_id"),
        # A country's figures of one period kind, as partner, in period order: PostgreSQL otherwise
        # ANDs the partner's figures with every figure of the kind from the period-kind index.
        Index("ix_trade_figures_partner_kind", "partner_id", "period_kind", "period_start", "id"),
        Index("ix_trade_figures_indicator", "indicator", "period_start", "id"),
        # One indicator's figures by value: a page sorted by value, or a range of values, read in order;
        # a window of years tested in the index, not in each passed figure's row.
        Index("ix_trade_figures_indicator_value", "indicator", "value", "id", "period_start", "period_end"),
        Index("ix_trade_figures_period_start", "period_start", "id"),
        Index("ix_trade_figures_period_end", "period_end", "id"),
        Index("ix_trade_figures_value", "value", "id"),
        Index("ix_trade_figures_commodity", "commodity", "period_start", "id"),
        Index("ix_trade_figures_period_kind", "period_kind", "period_start", "id"),
        CheckConstraint("aggregate_level BETWEEN 0 AND 12", name="aggregate_level_range"),
        CheckConstraint("value_figure_id <> id", name="value_figure_other"),
        # Partial: the figures without a value figure (all but quantities) cost it nothing.
        Index(
            "ix_trade_figures_value_figure_id",
            "value_figure_id",
            sqlite_where=text("value_figure_id IS NOT NULL"),
            postgresql_where=text("value_figure_id IS NOT NULL"),
        ),
    )


class InfrastructureProject(Versioned, Searchable, Base):
    __tablename__ = "projects"
    search_fields = ("name_en", "name_ru")

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    name_en: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))
    kind: Mapped[ProjectKind] = mapped_column(enum_type(ProjectKind, "project_kind"), index=True)
    status: Mapped[ProjectStatus] = mapped_column(enum_type(ProjectStatus, "project_status"), index=True)
    summary_en: Mapped[str | None] = mapped_column(Text)
    summary_ru: Mapped[str | None] = mapped_column(Text)

    countries: Mapped[list[Country]] = relationship(
        secondary=project_countries, lazy="raise", order_by=Country.id
    )
    places: Mapped[list[Place]] = relationship(secondary=project_places, lazy="raise", order_by=Place.id)
    trade_figures: Mapped[list[TradeFigure]] = relationship(
        secondary=project_trade_figures,
        lazy="raise",
        back_populates="projects",
        order_by=TradeFigure.id,
    )
    citations: Mapped[list[Citation]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True, order_by=Citation.char_start
    )
    contested: Mapped[list[ContestedValue]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True, order_by=ContestedValue.id
    )
    source_count: Mapped[int] = column_property(count_sources(Citation.project_id, id), deferred=True)
    support: Mapped[str] = column_property(
        support_status(Citation.project_id, ContestedValue.project_id, id), deferred=True
    )

    __table_args__ = (Index("ix_projects_name_en", "name_en", "id"),)


# --- curation: API keys, revisions, idempotent writes ---


class ApiKey(Base):
    """A key for writing (and, in private deployments, reading). Only a hash of its secret is kept."""

    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    # Space-separated: "read" or "read write".
    scopes: Mapped[str] = mapped_column(String(100))
    secret_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class RevisionAction(StrEnum):
    create = "create"
    update = "update"
    delete = "delete"


class Revision(Base):
    """One change to one record: the change feed and each record's history.

    `id` only grows, so it orders the feed and serves as its cursor.
    """

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(SLUG)
    action: Mapped[RevisionAction] = mapped_column(enum_type(RevisionAction, "revision_action"))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Who: an API key's name, "seed", or "import:<file name>".
    actor: Mapped[str] = mapped_column(String(200))
    # {field: [before, after]} for the fields that changed (all of them on create and delete).
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    # For a change made by accepting a candidate: {"candidate_id": …, "extractor_version": …}.
    origin: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_revisions_record", "record_type", "record_id", "id"),
        # The change feed of some record types, in id order (`/v1/changes?record_type=…`).
        Index("ix_revisions_type", "record_type", "id"),
        Index("ix_revisions_changed_at", "changed_at", "id"),
    )


class ExportLine(Base):
    """A record's line of the CSV export of all its columns, in one language, exactly as the export
    would compute it: kept by every write, in the write's transaction (app/export_lines.py), so that an
    export reads one stored text per record. A record without one is computed when exported."""

    __tablename__ = "export_lines"

    record_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    lang: Mapped[str] = mapped_column(String(2), primary_key=True)
    record_id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    line: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        # Led by the record: an export's LEFT JOIN of its records, in id order, reads the lines in that
        # order (PostgreSQL does not skip the join condition's constant columns to read a key in order).
        PrimaryKeyConstraint("record_id", "record_type", "lang"),
        {"sqlite_with_rowid": False},
    )


class IdempotentRequest(Base):
    """The first answer to a POST with an Idempotency-Key, replayed for a retry of the same request."""

    __tablename__ = "idempotent_requests"

    api_key_id: Mapped[str] = mapped_column(ForeignKey("api_keys.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# --- extraction: candidate facts proposed from a source, waiting for review ---


class CandidateStatus(StrEnum):
    pending = "pending"
    accepted = "accepted"
    rejected = "rejected"


class CandidateAction(StrEnum):
    """What accepting the candidate does: create a record, or add its citation to one that states the
    same fact already."""

    create = "create"
    corroborate = "corroborate"
    # Another record states the fact with an incompatible value of one field: accepting records it.
    contest = "contest"


class CandidateRecordType(StrEnum):
    event = "event"
    agreement = "agreement"
    trade_figure = "trade_figure"
    infrastructure_project = "infrastructure_project"
    organization = "organization"
    person = "person"
    place = "place"


class Candidate(Searchable, Base):
    """A record the extractor proposes from one source: the create body of its resource, with the
    citation it comes from. Accepting it is an ordinary create (or a citation added to `target_id`)."""

    __tablename__ = "candidates"
    search_fields = ("quote",)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    # The extractor's name for it within the source: other candidates of the source require it by this.
    key: Mapped[str] = mapped_column(String(200))
    record_type: Mapped[CandidateRecordType] = mapped_column(
        enum_type(CandidateRecordType, "candidate_record_type")
    )
    action: Mapped[CandidateAction] = mapped_column(enum_type(CandidateAction, "candidate_action"))
    target_id: Mapped[str | None] = mapped_column(SLUG)
    contested_field: Mapped[str | None] = mapped_column(String(40))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    requires: Mapped[list[str]] = mapped_column(JSON)
    quote: Mapped[str] = mapped_column(Text)
    paragraph: Mapped[int] = mapped_column(Integer)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)
    extractor_version: Mapped[str] = mapped_column(String(40))
    status: Mapped[CandidateStatus] = mapped_column(enum_type(CandidateStatus, "candidate_status"))
    record_id: Mapped[str | None] = mapped_column(SLUG)
    reviewed_by: Mapped[str | None] = mapped_column(String(100))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    source: Mapped[Source] = relationship(lazy="raise")

    __table_args__ = (
        UniqueConstraint("source_id", "key"),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence_range"),
        CheckConstraint("char_end > char_start AND char_start >= 0", name="offsets"),
        CheckConstraint("(action = 'create') = (target_id IS NULL)", name="target"),
        CheckConstraint("(action = 'contest') = (contested_field IS NOT NULL)", name="contested_field"),
        Index("ix_candidates_status", "status", "id"),
        Index("ix_candidates_source", "source_id", "status", "id"),
    )


# --- search ---


class SearchRecordType(StrEnum):
    """What kind of record a search document stands for."""

    event = "event"
    agreement = "agreement"
    trade_figure = "trade_figure"
    infrastructure_project = "infrastructure_project"
    country = "country"
    organization = "organization"
    person = "person"
    place = "place"
    source = "source"


class SearchDocument(Base):
    """One record as full-text search sees it: its titles, the text searched, and that text's stems.

    Kept by `app.search.repository`. The engine's own index lives outside this metadata (migrations
    0003, 0007, 0014): an FTS5 table `search_fts` over `stems` on SQLite; on PostgreSQL a stored
    `search_fts_vector` (`to_tsvector('simple', stems)`), its GIN index with the record type, and
    a btree over (record_type, id).
    """

    __tablename__ = "search_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_type: Mapped[SearchRecordType] = mapped_column(enum_type(SearchRecordType, "search_record_type"))
    record_id: Mapped[str] = mapped_column(SLUG)
    title_en: Mapped[str] = mapped_column(String(1000))
    title_ru: Mapped[str] = mapped_column(String(1000))
    # Titles, names, summaries and quotes, one per line: what snippets are cut from.
    text: Mapped[str] = mapped_column(Text)
    # The words of `text`, stemmed (app.search.text), separated by spaces: what the index holds.
    stems: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("record_type", "record_id"),)


# Database objects that migrations create but this metadata cannot describe (FTS5 virtual and shadow
# tables, PostgreSQL's tsvector column and its indexes): Alembic's model/database comparison leaves
# them out.
SEARCH_INDEX_PREFIX = "search_fts"


def in_metadata(name: str | None, _type: str, _parent_names: Any) -> bool:
    """An Alembic `include_name` hook: False for the search index objects above."""
    return not (name or "").startswith(SEARCH_INDEX_PREFIX)
