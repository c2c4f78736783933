"""Candidates: proposed from a source's text, listed for review, accepted through the one write path.

Accepting a candidate is the create its body describes (or, when a stored record states the same
fact, a citation added to that record), with the reviewer as the revision's actor and the candidate
and extractor as its origin. What a candidate requires (a proposed person, the event an agreement was
signed at) is accepted first, in the same transaction.
"""

import dataclasses
import logging
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import orjson
from pydantic import BaseModel, ValidationError
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.agreements.repository import WRITABLE as AGREEMENT_WRITES
from app.candidates import matching
from app.candidates.schemas import CandidateFilters
from app.common.dates import DatePrecision
from app.common.filters import matches_text, require_known
from app.common.listing import Listing, column_facet
from app.common.pagination import Sorting
from app.config import get_settings
from app.curation import writes
from app.errors import Conflict, InvalidParameter, describe_error, param_error
from app.events.repository import WRITABLE as EVENT_WRITES
from app.extraction import EXTRACTOR_VERSION, LANGUAGES, Known, Proposal, apply_floor, extract
from app.models import (
    Candidate,
    CandidateAction,
    CandidateRecordType,
    CandidateStatus,
    ContestedValue,
    Country,
    InfrastructureProject,
    Organization,
    Person,
    Place,
    SearchRecordType,
    Source,
)
from app.projects.repository import WRITABLE as PROJECT_WRITES
from app.reference.repository import ORGANIZATION_WRITES, PERSON_WRITES, PLACE_WRITES
from app.revisions import ACTOR_KEY, ORIGIN_KEY, changed
from app.search import repository as search
from app.sources.quotes import paragraph_spans
from app.trade.repository import WRITABLE as FIGURE_WRITES

log = logging.getLogger(__name__)

WRITABLES: dict[str, writes.Writable[Any]] = {
    "event": EVENT_WRITES,
    "agreement": AGREEMENT_WRITES,
    "trade_figure": FIGURE_WRITES,
    "infrastructure_project": PROJECT_WRITES,
    "organization": ORGANIZATION_WRITES,
    "person": PERSON_WRITES,
    "place": PLACE_WRITES,
}


# --- proposing ---


def propose(session: Session, source: Source) -> None:
    """Read the source's text and add its candidates (pending), or say why there are none. Facts under
    the source's confidence floor (the server's when it has none) are held back and counted."""
    floor = source.confidence_min
    if floor is None:
        floor = get_settings().extraction_confidence_min
    if source.language not in LANGUAGES:
        source.extractor_version = source.confidence_min = source.held_back = None
        source.extraction_note = (
            f"no extractor reads {source.language!r} text (it reads {', '.join(sorted(LANGUAGES))}): "
            "the source is stored without candidates"
        )
        return
    source.extractor_version, source.extraction_note = EXTRACTOR_VERSION, None
    source.confidence_min, source.held_back = floor, None
    try:
        proposals = extract(
            source.text, language=source.language, published=_published(source), known=known_records(session)
        )
    except Exception:  # a text the extractor trips on is still a source: stored, with the reason
        log.exception("the extractor failed on source %s", source.id)
        source.extraction_note = "the extractor failed on this text; no candidates were proposed"
        return
    floored = apply_floor(proposals, floor)
    source.held_back = len(floored.held_back)
    paragraphs = paragraph_spans(source.text)
    now = datetime.now(UTC)
    fresh = _not_yet_reviewed(session, source, floored.kept)
    candidates = [_candidate(session, source, proposal, paragraphs, now) for proposal in fresh]
    if fresh and not any(candidates):
        source.extraction_note = "the extractor's proposals did not validate; none is offered"


def _published(source: Source) -> date | None:
    """What the extractor reads "last year" and "in November" against: the publication date, to the
    day or month it is known; for a source dated only by its year, the year's last day (so that "in
    November" is that year's, not the one before)."""
    if source.publication_date is not None and source.publication_date_precision in (
        DatePrecision.day,
        DatePrecision.month,
    ):
        return source.publication_date
    return source.published_by


def extract_again(session: Session, source: Source) -> tuple[int, int]:
    """Read a stored source again with today's extractor: its pending candidates give way to the new
    proposals; reviewed ones stay, and a proposal already reviewed as it stands is not offered again.
    Returns how many candidates were withdrawn, and how many are pending now."""
    pending = select(Candidate).where(
        Candidate.source_id == source.id, Candidate.status == CandidateStatus.pending
    )
    withdrawn = list(session.scalars(pending))
    for candidate in withdrawn:
        session.delete(candidate)
    session.flush()
    propose(session, source)
    session.flush()
    changed(session)
    return len(withdrawn), pending_count(session, source.id)


def _not_yet_reviewed(session: Session, source: Source, proposals: list[Proposal]) -> list[Proposal]:
    """The proposals no reviewed candidate of the source already is, their keys made unique among the
    source's candidates (a key of an earlier reading may name something else now)."""
    reviewed = list(session.scalars(select(Candidate).where(Candidate.source_id == source.id)))
    if not reviewed:
        return proposals
    seen = {(c.record_type.value, c.char_start, c.char_end, _without_citations(c.body)) for c in reviewed}
    taken = {candidate.key for candidate in reviewed}
    fresh = [
        proposal
        for proposal in proposals
        if (proposal.kind, proposal.start, proposal.end, _without_citations(proposal.body)) not in seen
    ]
    renamed = {proposal.key: _free_key(proposal.key, taken) for proposal in fresh}
    return [
        dataclasses.replace(
            proposal,
            key=renamed[proposal.key],
            requires=tuple(renamed.get(key, key) for key in proposal.requires),
        )
        for proposal in fresh
    ]


def _without_citations(body: dict[str, Any]) -> str:
    return orjson.dumps(
        {k: v for k, v in body.items() if k != "citations"}, option=orjson.OPT_SORT_KEYS
    ).decode()


def _free_key(key: str, taken: set[str]) -> str:
    candidate, n = key, 1
    while candidate in taken:
        n += 1
        candidate = f"{key}#{n}"
    taken.add(candidate)
    return candidate


def known_records(session: Session) -> list[Known]:
    """What the extractor should refer to rather than propose again: every country, organization,
    person, place and project, by all its names."""
    known: list[Known] = []
    for country in session.scalars(select(Country)):
        names = (country.name_en, country.name_ru, country.official_name_en, country.official_name_ru)
        known.append(Known("country", country.id, tuple(name for name in names if name)))
    for organization in session.scalars(select(Organization)):
        names = (
            organization.name_en,
            organization.name_ru,
            organization.abbreviation_en,
            organization.abbreviation_ru,
        )
        known.append(Known("organization", organization.id, tuple(name for name in names if name)))
    for person in session.scalars(select(Person)):
        known.append(Known("person", person.id, (person.name_en, person.name_ru), person.country_id))
    for place in session.scalars(select(Place)):
        known.append(Known("place", place.id, (place.name_en, place.name_ru), place.country_id))
    for project in session.scalars(select(InfrastructureProject)):
        known.append(Known("infrastructure_project", project.id, (project.name_en, project.name_ru)))
    return known


def _candidate(
    session: Session,
    source: Source,
    proposal: Proposal,
    paragraphs: Sequence[tuple[int, int]],
    now: datetime,
) -> Candidate | None:
    quote = source.text[proposal.start : proposal.end]
    paragraph = next(
        (n for n, (start, end) in enumerate(paragraphs, 1) if start <= proposal.start < end), None
    )
    if paragraph is None or not quote.strip():
        log.warning("extractor proposal %s: no quote at %d:%d", proposal.key, proposal.start, proposal.end)
        return None
    citation = {"source_id": source.id, "quote": quote, "paragraph": paragraph}
    body = {**proposal.body, "citations": [citation]}
    writable = WRITABLES[proposal.kind]
    try:
        valid = writable.create.model_validate(body)
    except ValidationError as exc:
        log.warning("extractor proposal %s does not validate: %s", proposal.key, exc.errors()[:3])
        return None
    match = matching.same_fact(session, proposal.kind, valid.model_dump(mode="json"))
    candidate = Candidate(
        key=proposal.key,
        record_type=CandidateRecordType(proposal.kind),
        action=_action(match),
        target_id=match.target if match else None,
        contested_field=match.field if match else None,
        body=body,
        requires=list(proposal.requires),
        quote=quote,
        paragraph=paragraph,
        char_start=proposal.start,
        char_end=proposal.end,
        confidence=round(min(max(proposal.confidence, 0.0), 1.0), 3),
        extractor_version=EXTRACTOR_VERSION,
        status=CandidateStatus.pending,
        created_at=now,
    )
    candidate.source = source
    session.add(candidate)
    return candidate


# --- reading ---


def _candidate_id(text: str) -> int:
    # Ids are numbers: any other text names no candidate (a 404, as for every record).
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else 0


CANDIDATES = Listing(
    model=Candidate,
    label="candidate",
    sorting=Sorting({"id": Candidate.id, "confidence": Candidate.confidence}, Candidate.id),
    load=(),
    facets={
        "source": column_facet("source_id"),
        "kind": column_facet("record_type"),
        "status": column_facet("status"),
        "action": column_facet("action"),
    },
    normalize_id=_candidate_id,  # type: ignore[arg-type]
)


def filter_candidates(session: Session, filters: CandidateFilters) -> Select[Candidate]:
    require_known(session, Source.id, filters.source, "source")
    statement = select(Candidate)
    if filters.source:
        statement = statement.where(Candidate.source_id.in_(filters.source))
    if filters.kind:
        statement = statement.where(Candidate.record_type.in_(filters.kind))
    if filters.status:
        statement = statement.where(Candidate.status.in_(filters.status))
    if filters.action:
        statement = statement.where(Candidate.action.in_(filters.action))
    if filters.confidence_min is not None:
        statement = statement.where(Candidate.confidence >= filters.confidence_min)
    if filters.confidence_max is not None:
        statement = statement.where(Candidate.confidence <= filters.confidence_max)
    if filters.q:
        statement = statement.where(matches_text(Candidate.search_text, filters.q))
    return statement


def count(session: Session, statement: Select[Candidate]) -> int:
    return int(session.scalar(select(func.count()).select_from(statement.subquery())) or 0)


def pending_count(session: Session, source_id: str) -> int:
    return count(
        session,
        select(Candidate).where(
            Candidate.source_id == source_id, Candidate.status == CandidateStatus.pending
        ),
    )


def get(session: Session, candidate_id: str) -> Candidate:
    return CANDIDATES.get(session, candidate_id)


# --- reviewing ---


def reject(session: Session, candidate: Candidate, reason: str, reviewer: str) -> Candidate:
    if candidate.status is not CandidateStatus.pending:
        raise Conflict(f"Candidate {candidate.id} is {candidate.status.value} already.")
    candidate.status = CandidateStatus.rejected
    candidate.reason, candidate.reviewed_by, candidate.reviewed_at = reason, reviewer, datetime.now(UTC)
    session.flush()
    changed(session)
    return candidate


def accept(session: Session, candidate: Candidate, edits: dict[str, Any], reviewer: str) -> list[Candidate]:
    """Accept the candidate, after what it requires; the candidates accepted, in that order."""
    if candidate.status is not CandidateStatus.pending:
        raise Conflict(f"Candidate {candidate.id} is {candidate.status.value} already.")
    accepted: list[Candidate] = []
    _accept(session, candidate, edits, reviewer, accepted)
    return accepted


def accept_all(session: Session, source_id: str, confidence_min: float, reviewer: str) -> list[Candidate]:
    """Every pending candidate of the source at or above `confidence_min`, oldest first."""
    if session.get(Source, source_id) is None:
        raise InvalidParameter(
            f"No source has id {source_id!r}.", [param_error("source", "unknown source", "body")]
        )
    statement = (
        select(Candidate)
        .where(
            Candidate.source_id == source_id,
            Candidate.status == CandidateStatus.pending,
            Candidate.confidence >= confidence_min,
        )
        .order_by(Candidate.id)
    )
    accepted: list[Candidate] = []
    for candidate in session.scalars(statement).all():
        if candidate.status is CandidateStatus.pending:  # not accepted meanwhile as a requirement
            _accept(session, candidate, {}, reviewer, accepted)
    return accepted


def _accept(
    session: Session, candidate: Candidate, edits: dict[str, Any], reviewer: str, accepted: list[Candidate]
) -> None:
    body = {**candidate.body, **edits}
    renamed: dict[str, str] = {}
    for key in candidate.requires:
        required = session.scalar(
            select(Candidate).where(Candidate.source_id == candidate.source_id, Candidate.key == key)
        )
        if required is None or not _refers_to(body, required.body.get("id")):
            continue  # an edit took the reference out
        if required.status is CandidateStatus.rejected:
            raise Conflict(
                f"Candidate {candidate.id} refers to {required.body.get('id')!r}, proposed by candidate "
                f"{required.id}, which was rejected: accept it with `edits` that leave that out."
            )
        if required.status is CandidateStatus.pending:
            _accept(session, required, {}, reviewer, accepted)
        # Accepted as another source's record (corroborated or contested): refer to that one.
        if required.record_id is not None and required.record_id != required.body.get("id"):
            renamed[required.body["id"]] = required.record_id
    body = _renamed(body, renamed)
    writable = WRITABLES[candidate.record_type.value]
    data = _validated(writable.create, body, candidate)
    # What is stored now decides: another source's record may have come in since it was proposed.
    match = matching.same_fact(session, candidate.record_type.value, data.model_dump(mode="json"))
    session.info[ACTOR_KEY] = reviewer
    session.info[ORIGIN_KEY] = {
        "candidate_id": candidate.id,
        "extractor_version": candidate.extractor_version,
    }
    try:
        if match is None:
            record_id = writes.create_and_index(session, writable, data)
        elif match.field is None:
            record_id = _corroborate(session, writable, match.target, data, candidate)
        else:
            record_id = _contest(session, writable, match, data, candidate)
    except InvalidParameter as exc:
        raise _in_body(candidate, exc.errors or []) from None
    finally:
        session.info.pop(ORIGIN_KEY, None)
    candidate.action = _action(match)
    candidate.target_id = match.target if match else None
    candidate.contested_field = match.field if match else None
    candidate.body = body
    candidate.status = CandidateStatus.accepted
    candidate.record_id, candidate.reviewed_by, candidate.reviewed_at = record_id, reviewer, datetime.now(UTC)
    session.flush()
    accepted.append(candidate)


def _corroborate(
    session: Session, writable: writes.Writable[Any], target: str, data: BaseModel, candidate: Candidate
) -> str:
    record = writable.listing.find(session, target)
    if record is None:
        raise Conflict(
            f"Candidate {candidate.id} corroborates {writable.listing.label} {target!r}, which is gone."
        )
    for citation in data.model_dump()["citations"]:
        writes.add_citation(session, writable, record, citation)
    search.index_records(session, SearchRecordType(writable.record_type), [target])
    return target


def _action(match: matching.Match | None) -> CandidateAction:
    if match is None:
        return CandidateAction.create
    return CandidateAction.corroborate if match.field is None else CandidateAction.contest


def _contest(
    session: Session,
    writable: writes.Writable[Any],
    match: matching.Match,
    data: BaseModel,
    candidate: Candidate,
) -> str:
    """Record the candidate's value of the disputed field beside the stored record's, with its quote."""
    record = writable.listing.find(session, match.target)
    if record is None:
        raise Conflict(
            f"Candidate {candidate.id} contests {writable.listing.label} {match.target!r}, which is gone."
        )
    assert match.field is not None
    value = orjson.dumps(data.model_dump(mode="json")[match.field]).decode()
    if any(
        other.field == match.field and other.value == value and other.source_id == candidate.source_id
        for other in record.contested
    ):
        return match.target  # this source's value for it is on record already
    record.contested.append(
        ContestedValue(
            field=match.field,
            value=value,
            source_id=candidate.source_id,
            quote=candidate.quote,
            paragraph=candidate.paragraph,
            char_start=candidate.char_start,
            char_end=candidate.char_end,
            candidate_id=candidate.id,
            created_at=datetime.now(UTC),
        )
    )
    session.flush()
    return match.target


def _validated(model: type[BaseModel], body: dict[str, Any], candidate: Candidate) -> BaseModel:
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        errors = [describe_error({**error, "loc": ("body", *error["loc"])}) for error in exc.errors()]
        raise _in_body(candidate, errors) from None


def _in_body(candidate: Candidate, errors: list[dict[str, Any]]) -> InvalidParameter:
    """A problem naming the fields of the candidate's body (`body.date`), edits applied."""
    named = [{**error, "name": f"body.{error['name']}", "in": "body"} for error in errors]
    return InvalidParameter(
        f"Candidate {candidate.id}'s body is not a valid {candidate.record_type.value}: "
        + "; ".join(f"{error['name']}: {error['detail']}" for error in named),
        named,
    )


def _renamed(body: dict[str, Any], renamed: dict[str, str]) -> dict[str, Any]:
    """The body with its references to the ids in `renamed` changed to the ids they became."""
    if not renamed:
        return body

    def rename(value: Any) -> Any:
        if isinstance(value, str):
            return renamed.get(value, value)
        if isinstance(value, list):
            return [renamed.get(item, item) if isinstance(item, str) else item for item in value]
        return value

    return {key: value if key in ("id", "citations") else rename(value) for key, value in body.items()}


def _refers_to(body: dict[str, Any], record_id: Any) -> bool:
    if not isinstance(record_id, str):
        return False
    for key, value in body.items():
        if key in ("id", "citations"):
            continue
        if value == record_id or (isinstance(value, list) and record_id in value):
            return True
    return False
