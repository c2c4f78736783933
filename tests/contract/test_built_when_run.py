"""The stand-in for a Schemathesis test (built_when_run.py) becomes the test Schemathesis builds."""

import inspect
from typing import Any

import pytest
import schemathesis
from schemathesis.generation.feedback import FeedbackSources

from . import built_when_run
from .test_schemathesis import CONFIG, document


def probe(case: schemathesis.Case, contract_app: Any, write_headers: dict[str, str]) -> None:
    """A test as test_schemathesis.py writes them (never run here)."""


def cases(test: Any) -> list[tuple[Any, ...]]:
    drawn = [example.kwargs["case"] for example in test.hypothesis_explicit_examples]
    return [
        (case.method, case.path, case.query, case.headers, repr(case.body), case.meta.phase) for case in drawn
    ]


def arguments() -> dict[str, Any]:
    """The builder's arguments for one operation, of a schema of its own: built a second time, one
    operation object draws other cases (as a worker builds each operation once, eager or not)."""
    schema = schemathesis.openapi.from_dict(document, config=CONFIG)
    return {
        "config": schema.config,
        "operation": schema["/v1/countries/{record_id}"]["GET"],
        "test_func": probe,
        "given_kwargs": {},
        "feedback": FeedbackSources(),
    }


def test_a_stand_in_is_built_when_set_up_as_schemathesis_builds_it() -> None:
    stand_in = built_when_run.waiting_build(**arguments())
    assert not hasattr(stand_in, "hypothesis_explicit_examples")  # nothing built while collecting
    assert list(inspect.signature(stand_in).parameters) == ["contract_app", "write_headers"]
    with pytest.raises(AssertionError, match="ran before it was built"):
        stand_in(contract_app=None, write_headers={})

    built_when_run.build(stand_in)
    eager = built_when_run.build_when_collected(**arguments())
    assert inspect.signature(stand_in) == inspect.signature(eager)
    assert len(cases(stand_in)) > 10 and cases(stand_in) == cases(eager)
    assert stand_in._hypothesis_internal_use_seed == eager._hypothesis_internal_use_seed  # type: ignore[attr-defined]
    assert stand_in.is_hypothesis_test  # type: ignore[attr-defined]
    built_when_run.build(stand_in)  # built once: a second call changes nothing
    assert cases(stand_in) == cases(eager)
