"""Schemathesis's tests built by the worker that runs them, not by every worker while collecting.

Schemathesis builds each operation's test while collecting it, and with it every case of the coverage
phase: most of a pytest-xdist worker's collection, repeated in every worker, although each test runs in
one of them. `waiting_build` stands in for Schemathesis's builder: each operation's test is a stand-in
with the built test's signature (the fixtures pytest gives it), and `build` makes the real one when the
test is set up to run (tests/contract/conftest.py), from the same arguments. The cases are the same:
the seed is fixed per operation and the build reads only the schema and its settings.

This leans on Schemathesis's private `_test_builder.build_operation_test` (4.x): a change there fails
the build, loudly, rather than testing less.
"""

import functools
import inspect
from collections.abc import Callable
from typing import Any

from schemathesis.pytest import _test_builder

build_when_collected = _test_builder.build_operation_test
# The stand-in's attribute that builds it (gone once built: the built test's attributes replace its own).
BUILD = "_bilateral_build"


def waiting_build(**arguments: Any) -> Callable[..., Any]:
    """A stand-in for the test Schemathesis would build now: its fixtures are the test function's but
    `case` (which the built test draws itself); it runs the built test, once `build` has made it."""
    test_func: Callable[..., Any] = arguments["test_func"]
    built: list[Callable[..., Any]] = []

    def test(**fixtures: Any) -> Any:
        __tracebackhide__ = True
        assert built, f"{test_func.__name__} ran before it was built (tests/contract/conftest.py)"
        return built[0](**fixtures)

    def make() -> None:
        built.append(build_when_collected(**arguments))
        assert inspect.signature(built[0]) == inspect.signature(test), (built[0], test)
        test.__dict__ = built[0].__dict__  # one set of attributes for both, now and as the run adds some
        test.__signature__ = signature  # type: ignore[attr-defined]

    functools.update_wrapper(test, test_func)
    of_func = inspect.signature(test_func)
    signature = of_func.replace(parameters=[p for name, p in of_func.parameters.items() if name != "case"])
    test.__signature__ = signature  # type: ignore[attr-defined]
    setattr(test, BUILD, make)
    return test


def build(test: Callable[..., Any]) -> None:
    """Build `test` if it is a stand-in still waiting: from then on it runs the test Schemathesis builds
    and has its attributes (Hypothesis's handle, Schemathesis's marks), as if it were that test."""
    make = getattr(test, BUILD, None)
    if make is not None:
        make()
