"""The resources' routers and their route class: an operation built where it is served, once, and a
request tried only against the routes of the resource its path names."""

import inspect
from collections.abc import Callable
from typing import Any

from fastapi.routing import APIRoute, APIRouter
from starlette._utils import get_route_path
from starlette.routing import Match, compile_path, get_name
from starlette.types import Scope

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


class ResourceRouter(APIRouter):
    """A resource's router (its routes under one prefix, built as `IncludedRoute`s).

    FastAPI matches a request against the routers the app includes one after the other, trying each
    of their routes with its own scope bookkeeping: a record of a resource near the end of the list
    was tried against some twenty routes of other resources first. A path that does not contain this
    router's prefix can match none of its routes (each one's path is its include prefix, this prefix
    and its own path), so it is no match at once."""

    def __init__(self, *, prefix: str, **options: Any) -> None:
        super().__init__(prefix=prefix, route_class=IncludedRoute, **options)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if self.prefix not in get_route_path(scope):
            return Match.NONE, {}
        return super().matches(scope)
