"""Checks shared by the extraction tests: a proposal's body validates with its create model once a
citation is added, and its quote is whole sentences of the text."""

import re
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from app.agreements.schemas import AgreementCreate
from app.events.schemas import EventCreate
from app.extraction import Proposal, extract
from app.projects.schemas import InfrastructureProjectCreate
from app.reference.schemas import OrganizationCreate, PersonCreate, PlaceCreate
from app.trade.schemas import TradeFigureCreate

CREATE_MODELS: dict[str, type[BaseModel]] = {
    "event": EventCreate,
    "agreement": AgreementCreate,
    "trade_figure": TradeFigureCreate,
    "infrastructure_project": InfrastructureProjectCreate,
    "person": PersonCreate,
    "organization": OrganizationCreate,
    "place": PlaceCreate,
}
# Values main gains with the lead's migration (issue 12); accepted until then.
UPCOMING_VALUES = {
    "talks",
    "interstate_council",
    "phone_call",
    "target",
    "barrels_per_day",
    "containers",
    "km",
    "cubic_metres",
    "RUB",
    "KZT",
    "AZN",
    "CNY",
}
UPCOMING_FIELDS = {("event", "status")}


def validation_problems(proposal: Proposal) -> list[str]:
    """What the create model refuses in the body, leaving out what main is about to accept."""
    body: dict[str, Any] = {**proposal.body, "citations": [{"source_id": "s", "quote": "q"}]}
    try:
        CREATE_MODELS[proposal.kind].model_validate(body)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            field = str(item["loc"][0]) if item["loc"] else ""
            if (proposal.kind, field) in UPCOMING_FIELDS and item["type"] == "extra_forbidden":
                continue
            if item["type"] == "enum" and item.get("input") in UPCOMING_VALUES:
                continue
            problems.append(f"{proposal.key}: {item['loc']} {item['msg']}")
        return problems
    return []


def quote_problems(text: str, proposal: Proposal) -> list[str]:
    """The quote must be whole sentences: trimmed, starting after a break, ending at one."""
    quote = text[proposal.start : proposal.end]
    problems = []
    if not quote.strip() or quote != quote.strip():
        problems.append(f"{proposal.key}: quote is blank or untrimmed")
    if proposal.start > 0 and not text[proposal.start - 1].isspace():
        problems.append(f"{proposal.key}: quote starts inside a word or sentence")
    if proposal.end < len(text) and not (
        text[proposal.end].isspace() or re.match(r"[.!?…»\"”)]", quote[-1:])
    ):
        problems.append(f"{proposal.key}: quote ends inside a sentence")
    if proposal.start > 0:
        before = text[: proposal.start].rstrip()
        if (
            before
            and not re.search(r"[.!?…»\"”)]$|\n\s*$", text[: proposal.start])
            and not before.endswith((".", "!", "?", "…", "»", '"', "”", ")"))
        ):
            problems.append(f"{proposal.key}: quote does not start a sentence: {quote[:40]!r}")
    return problems


def check_all(text: str, proposals: list[Proposal]) -> None:
    problems = [
        p for proposal in proposals for p in validation_problems(proposal) + quote_problems(text, proposal)
    ]
    keys = {proposal.key for proposal in proposals}
    assert len(keys) == len(proposals), "keys must be unique"
    problems += [f"{p.key}: requires unknown {k}" for p in proposals for k in p.requires if k not in keys]
    problems += [f"{p.key}: confidence {p.confidence}" for p in proposals if not 0 <= p.confidence <= 1]
    assert not problems, "\n".join(problems)


def checked_bodies(text: str, language: str, kind: str, published: date | None) -> list[dict[str, Any]]:
    """The bodies of the `kind` proposals extracted from `text`, every proposal checked (`check_all`)."""
    proposals = extract(text, language=language, published=published)
    check_all(text, proposals)
    return [p.body for p in of_kind(proposals, kind)]


def of_kind(proposals: list[Proposal], kind: str) -> list[Proposal]:
    return [proposal for proposal in proposals if proposal.kind == kind]


def one(proposals: list[Proposal], kind: str) -> dict[str, Any]:
    found = of_kind(proposals, kind)
    assert len(found) == 1, [p.body for p in found]
    return found[0].body


def project_rows(text: str, language: str, published: date) -> list[tuple[str, str, str, str]]:
    """The projects `text` proposes, checked, as (name_en, name_ru, kind, status)."""
    proposals = extract(text, language=language, published=published)
    check_all(text, proposals)
    return [
        (p.body["name_en"], p.body["name_ru"], p.body["kind"], p.body["status"])
        for p in of_kind(proposals, "infrastructure_project")
    ]


def event_rows(text: str, language: str, published: date) -> list[tuple[Any, ...]]:
    """The events `text` proposes, checked, as (type, status, date, host_country, countries)."""
    return [
        (
            body["type"],
            body.get("status", "held"),
            body["date"],
            body.get("host_country"),
            tuple(body["countries"]),
        )
        for body in checked_bodies(text, language, "event", published)
    ]
