"""The app as each worker process of `bilateral serve` builds it (uvicorn's factory
`app.worker:create_app`). A module of its own, so that a worker imports neither the command line
(Typer, Click, the import and sources commands) nor anything else before the app."""

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app() -> "FastAPI":
    """The app, built with the cyclic garbage collector off: importing the app allocates a great many
    objects that all live as long as the process, and the collector would walk them again and again
    while nothing is garbage yet (a fifth of the import's time). The app's lifespan freezes what
    start-up built and turns the collector back on."""
    gc.disable()
    from app.main import create_app as build

    return build()
