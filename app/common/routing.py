"""The route class of the resources' routers: an operation built where it is served, once."""

import inspect
from collections.abc import Callable
from typing import Any

from fastapi.routing import APIRoute
from starlette.routing import compile_path, get_name

_OPTIONS = inspect.signature(APIRoute.__init__)


class IncludedRoute(APIRoute):
    """An operation declared on a router that the app includes, built when something first needs it.

    FastAPI builds a route where it is declared (its dependencies and the validators and serializers
    of its parameters, body and answer), and builds it again for the app that includes its router,
    from what the declaration says: that second build is the one that serves, and the one the
    OpenAPI document is written from. So a route here keeps only what the declaration says (which is
    all the including app reads) and builds the rest the first time anything asks for it: a worker's
    start pays for each operation once, not twice."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
        bound = _OPTIONS.bind(self, path, endpoint, **options)
        bound.apply_defaults()
        declared = {name: value for name, value in bound.arguments.items() if name != "self"}
        state = self.__dict__
        state["_declared"] = declared
        state.update(declared)
        # As APIRoute normalizes them, so that an including router reads the same values.
        state["tags"] = list(declared["tags"] or [])
        state["responses"] = dict(declared["responses"] or {})
        state["dependencies"] = list(declared["dependencies"] or [])
        state["methods"] = {method.upper() for method in declared["methods"] or ["GET"]}
        state["name"] = get_name(endpoint) if declared["name"] is None else declared["name"]
        state["stream_item_type"] = None
        state["path_regex"], state["path_format"], state["param_convertors"] = compile_path(path)

    def __getattr__(self, name: str) -> Any:
        # Only what the declaration did not set reaches here: build the route as FastAPI would have.
        declared = self.__dict__.pop("_declared", None)
        if declared is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        APIRoute.__init__(self, **declared)
        return getattr(self, name)
