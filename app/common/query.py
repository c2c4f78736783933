"""Query parameters read into an endpoint's parameter model (`EventFilters`, …) in one validation.

FastAPI reads a query model (`Annotated[Model, Query()]`) field by field, inspecting each field's type
again on every request: for a list with two dozen filters, that was half of what a request cost
outside the database. `from_query(Model)` reads the query string once into the model, with FastAPI's
rules (a list field takes every repetition of its name, any other field the last one; an unknown
name is the model's `extra="forbid"` error), and fails as FastAPI does, with a RequestValidationError
located in the query. The OpenAPI document lists the same parameters: `documented_parameters` has
FastAPI describe each model as it would have.
"""

import types
import typing
from collections.abc import Awaitable, Callable, Iterable
from functools import cache
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)

# On a dependency made by `from_query`: the model it reads (for the OpenAPI document).
QUERY_MODEL = "query_model"


def from_query(model: type[M]) -> Any:
    """`Depends` on the query string read into `model`: `filters: Annotated[EventFilters,
    from_query(EventFilters)]`."""
    return Depends(_reader(model))


@cache
def _reader(model: type[M]) -> Callable[[Request], Awaitable[M]]:
    lists = frozenset(name for name, field in model.model_fields.items() if _is_list(field.annotation))

    # Async, though it awaits nothing: FastAPI runs a plain function dependency in a thread.
    async def read(request: Request) -> M:
        values: dict[str, Any] = {}
        # Most reads carry no query string: nothing to parse.
        for name, value in request.query_params.multi_items() if request.scope["query_string"] else ():
            if name in lists:
                values.setdefault(name, []).append(value)
            else:
                values[name] = value
        try:
            return model.model_validate(values)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            raise RequestValidationError(
                [{**error, "loc": ("query", *error["loc"])} for error in errors]
            ) from None

    setattr(read, QUERY_MODEL, model)
    return read


def _is_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_is_list(arg) for arg in typing.get_args(annotation))
    return typing.get_origin(annotation) in (list, tuple, set, frozenset)


def query_model(dependency: Any) -> type[BaseModel] | None:
    """The model a dependency made by `from_query` reads, or None."""
    found: type[BaseModel] | None = getattr(dependency, QUERY_MODEL, None)
    return found


def documented_parameters(
    models: Iterable[type[BaseModel]], separate_input_output_schemas: bool = True
) -> tuple[dict[type[BaseModel], list[dict[str, Any]]], dict[str, Any]]:
    """Each model's OpenAPI query parameters and the component schemas they refer to, written by
    FastAPI itself from an endpoint that declares the model as `Annotated[Model, Query()]`."""
    described = FastAPI()
    paths: dict[type[BaseModel], str] = {}
    for n, model in enumerate(dict.fromkeys(models)):

        def endpoint(params: Annotated[model, Query()]) -> None:  # type: ignore[valid-type]
            """Never called: it only carries the model's declaration."""

        paths[model] = f"/{n}"
        described.add_api_route(paths[model], endpoint, methods=["GET"])
    document = get_openapi(
        title="query parameters",
        version="0",
        routes=described.routes,
        separate_input_output_schemas=separate_input_output_schemas,
    )
    parameters = {
        model: document["paths"][path]["get"].get("parameters", []) for model, path in paths.items()
    }
    components = document.get("components", {}).get("schemas", {})
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    return parameters, components
