"""How a request finds its operation: the resources' routers and their route class (an operation built
where it is served, once, and a request tried only against the routes of the resource its path
names), and `ReadRoutes`, which finds a GET's operation in one step and calls most of them without
FastAPI's dependency solver."""

import functools
import inspect
import re
from collections.abc import Callable
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi._compat import ModelField
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import request_params_to_args
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute, APIRouter, RouteContext, _IncludedRouter, iter_route_contexts
from starlette._utils import get_route_path
from starlette.concurrency import run_in_threadpool
from starlette.convertors import Convertor
from starlette.datastructures import URLPath
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, NoMatchFound, compile_path, get_name
from starlette.types import Receive, Scope, Send

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


class ReadRoutes(BaseRoute):
    """The app's GET operations, found with one regular expression and called without FastAPI's
    dependency solver where their parameters allow it.

    Installed first among the app's routes. For a GET, the route FastAPI would choose is the first
    route, in the app's order, that takes GETs and whose path pattern matches: the patterns of all
    such routes, in that order, are the alternatives of one expression, whose first match is that
    route. An operation whose parameters are the request, path parameters and
    dependencies that take only the request (the session, `from_query` models) is called here with
    them (`_Operation`); any other request (another method, another kind of operation, no route, a
    test's dependency overrides) is no match here, and FastAPI's router answers it as ever: its 404s,
    405s and slash redirects, and the OpenAPI document, are its own."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self._table: _Table | None = None

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] != "http" or scope["method"] != "GET" or self.app.dependency_overrides:
            return Match.NONE, {}
        found = self._current().find(get_route_path(scope))
        if found is None:
            return Match.NONE, {}
        operation, path_params = found
        child_scope = {
            "endpoint": operation.endpoint,
            "path_params": {**scope.get("path_params", {}), **path_params},
            "route": operation.route,
        }
        return Match.FULL, child_scope

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._current().operations[id(scope["route"])](scope, receive, send)

    def _current(self) -> "_Table":
        # Made at the first request, when every route is in place (tests add some after create_app).
        table = self._table
        if table is None or table.routes_seen != len(self.app.router.routes):
            table = self._table = _Table(self.app.router.routes)
        return table

    def url_path_for(self, name: str, /, **path_params: Any) -> URLPath:
        raise NoMatchFound(name, path_params)  # the routes it stands for answer for themselves


class _Entry:
    """One route that answers GETs, as the table's alternative number `number`: its path parameters
    (named apart from every other route's in the expression) and, once a request has matched it, its
    `_Operation` (None where FastAPI's solver must answer)."""

    def __init__(
        self,
        number: int,
        regex: re.Pattern[str],
        convertors: dict[str, Convertor[Any]],
        served: Callable[[], RouteContext],
    ) -> None:
        self.group = f"_{number}"
        self.pattern = _NAMED.sub(
            lambda name: f"(?P<{self.group}_{name[1]}>", regex.pattern.removeprefix("^")
        )
        self.params = [(name, f"{self.group}_{name}", convertor) for name, convertor in convertors.items()]
        self._served = served
        self._operation: _Operation | None = None
        self._built = False

    def operation(self, operations: dict[int, "_Operation"]) -> "_Operation | None":
        if not self._built:
            self._built = True
            self._operation = _Operation.of(self._served())
            if self._operation is not None:
                operations[id(self._operation.route)] = self._operation
        return self._operation


class _Table:
    """The routes that answer GETs, in order, as one expression; each with its `_Operation`, or None
    where FastAPI's solver must answer, found the first time a request asks for that route.

    FastAPI builds the routes of an included router where the app serves them, the first time a
    request is matched against that router (dependencies, parameter validators): the table reads
    each route's pattern from its declaration and leaves that build to the first request of the
    router, as FastAPI's own router would, rather than making every route at the app's first
    request."""

    def __init__(self, routes: list[BaseRoute]) -> None:
        self.routes_seen = len(routes)
        self.entries: list[_Entry] = []
        self.operations: dict[int, _Operation] = {}  # by the id of their route (routes compare by value)
        for route in routes:
            if isinstance(route, ReadRoutes):
                continue
            if isinstance(route, _IncludedRouter) and all(
                isinstance(declared, APIRoute) for declared in route.original_router.routes
            ):
                self._add_declared(route)
            else:
                self._add_served(route)
        self.expression = re.compile(
            "|".join(f"(?P<{entry.group}>{entry.pattern})" for entry in self.entries)
        )

    def _add_declared(self, included: _IncludedRouter) -> None:
        """An included router's routes, from what they declare: the app serves each at the router's
        prefix and its own path."""
        for route in included.original_router.routes:
            assert isinstance(route, APIRoute)
            if "GET" not in (route.methods or ()):
                continue  # no GET: at most a partial match, which any full one outranks
            regex, _, convertors = compile_path(included.include_context.path_for(route))
            served = functools.partial(_served_as, included, route)
            self.entries.append(_Entry(len(self.entries), regex, convertors, served))

    def _add_served(self, route: BaseRoute) -> None:
        """A route as FastAPI serves it (an included router of other kinds of route: all of them built)."""
        for context in iter_route_contexts([route]):
            regex = getattr(context, "path_regex", None)
            if regex is None:
                continue
            if context.methods is not None and "GET" not in context.methods:
                continue  # no GET: at most a partial match, which any full one outranks
            served = functools.partial(_itself, context)
            self.entries.append(_Entry(len(self.entries), regex, context.param_convertors, served))

    def find(self, path: str) -> tuple["_Operation", dict[str, Any]] | None:
        found = self.expression.match(path)
        if found is None:
            return None
        assert found.lastgroup is not None
        entry = self.entries[int(found.lastgroup[1:])]
        operation = entry.operation(self.operations)
        if operation is None:
            return None
        return operation, {name: convertor.convert(found[group]) for name, group, convertor in entry.params}


def _itself(context: RouteContext) -> RouteContext:
    return context


def _served_as(included: _IncludedRouter, route: APIRoute) -> RouteContext:
    """`route` as the app serves it through `included`, its prefix and dependencies applied: FastAPI's
    own build (made for all of the router's routes the first time, and kept for its router too)."""
    for context in included.effective_route_contexts():
        if context.original_route is route:
            return RouteContext(route, context)
    raise LookupError(route)  # it was among the router's routes when the table was made


# A named group in a route's path pattern: its name is given a prefix, as names repeat across routes.
_NAMED = re.compile(r"\(\?P<(\w+)>")


class _Operation:
    """An operation called as FastAPI's solver would call it, for the kinds of parameter it can take:
    the request, path parameters (plain text passed as it is, any other kind validated by FastAPI's
    own function, its errors raised as the solver raises them), and dependencies whose only
    parameter is the request (their own kind: a coroutine, or an async generator ended before the
    answer is sent, as `scope="function"` ends it). Built by `of`, which says None for any other
    operation."""

    def __init__(
        self,
        route: BaseRoute,
        endpoint: Callable[..., Any],
        request_name: str | None,
        path_names: list[tuple[str, str]],
        validated: list[ModelField],
        dependencies: list[tuple[str, Callable[..., Any], bool]],
    ) -> None:
        self.route = route
        self.endpoint = endpoint
        self.request_name = request_name
        self.path_names = path_names
        self.validated = validated
        self.dependencies = dependencies
        self.opens = any(opens for _, _, opens in dependencies)
        self.in_loop = inspect.iscoroutinefunction(endpoint)

    @classmethod
    def of(cls, context: RouteContext) -> "_Operation | None":
        route = context.original_route
        dependant: Dependant | None = getattr(context, "dependant", None)
        if not isinstance(route, APIRoute) or dependant is None or dependant.call is None:
            return None
        endpoint = dependant.call
        if not inspect.isfunction(endpoint):
            return None
        answers = inspect.signature(endpoint).return_annotation
        if not (inspect.isclass(answers) and issubclass(answers, Response)):
            return None  # FastAPI would serialize what it returns
        if not _takes_only(dependant, path=True):
            return None
        calls = [sub.call for sub in dependant.dependencies]
        if len(set(calls)) < len(calls):
            return None  # FastAPI solves a repeated dependency once
        dependencies: list[tuple[str, Callable[..., Any], bool]] = []
        for sub in dependant.dependencies:
            call = sub.call
            if sub.name is None or not _takes_only(sub) or sub.dependencies:
                return None
            if inspect.isasyncgenfunction(call) and sub.scope == "function":
                dependencies.append((sub.name, asynccontextmanager(call), True))
            elif inspect.iscoroutinefunction(call):
                dependencies.append((sub.name, call, False))
            else:
                return None
        names = [(field.name, field.alias) for field in dependant.path_params if _plain_text(field)]
        validated = [field for field in dependant.path_params if not _plain_text(field)]
        request_name = dependant.request_param_name
        return cls(route, endpoint, request_name, names, validated, dependencies)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive, send)
        if self.opens:
            async with AsyncExitStack() as ending:
                response = await self._answer(request, ending)
        else:  # nothing to end: no exit stack to make
            response = await self._answer(request, None)
        await response(scope, receive, send)

    async def _answer(self, request: Request, ending: AsyncExitStack | None) -> Response:
        path_params = request.scope["path_params"]
        values: dict[str, Any] = {name: path_params[alias] for name, alias in self.path_names}
        if self.request_name is not None:
            values[self.request_name] = request
        for name, call, opens in self.dependencies:
            if opens:
                assert ending is not None
                values[name] = await ending.enter_async_context(call(request))
            else:
                values[name] = await call(request)
        if self.validated:  # after the dependencies, as FastAPI's solver validates them
            checked, errors = request_params_to_args(self.validated, path_params)
            if errors:
                raise RequestValidationError(errors)
            values.update(checked)
        if self.in_loop:
            response: Response = await self.endpoint(**values)
            return response
        return await run_in_threadpool(self.endpoint, **values)


def _takes_only(dependant: Dependant, *, path: bool = False) -> bool:
    """Whether `dependant` takes no parameters but the request (and, with `path`, path parameters)."""
    others = [
        dependant.query_params,
        dependant.header_params,
        dependant.cookie_params,
        dependant.body_params,
        dependant.websocket_param_name,
        dependant.http_connection_param_name,
        dependant.response_param_name,
        dependant.background_tasks_param_name,
        dependant.security_scopes_param_name,
        dependant.concurrency,
    ]
    if not path:
        others.append(dependant.path_params)
    return not any(others)


def _plain_text(field: Any) -> bool:
    """A `str` parameter with no constraints: FastAPI's validation passes any value through as it is."""
    info = field.field_info
    return info.annotation is str and not info.metadata
