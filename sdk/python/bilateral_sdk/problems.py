"""What the API answers instead of a result, as exceptions. One hierarchy, by HTTP status:

ApiError                          anything but the declared success
├── UnexpectedResponse            an answer that is not problem+json (a proxy's 502 page, …)
└── ProblemError                  an RFC 9457 problem: `.problem` (the generated `Problem`)
    ├── BadRequest                400  a malformed request (bad header, body not JSON)
    ├── Unauthorized              401  no key, or an unknown one
    ├── Forbidden                 403  the key lacks the scope
    ├── NotFound                  404
    ├── Conflict                  409  the id is taken, or the change contradicts another record
    ├── Gone                      410  deleted
    ├── PreconditionFailed        412  the If-Match ETag is stale: read again, reapply, resend
    ├── ContentTooLarge           413
    ├── UnsupportedMediaType      415
    ├── UnprocessableContent      422  a parameter or field refused: `.problem.errors` says which
    ├── PreconditionRequired      428  a change without If-Match
    ├── TooManyRequests           429
    └── ServerError               5xx
"""

import json
from typing import Any

import httpx

from .generated.models import Problem


class ApiError(Exception):
    """An answer other than the operation's declared success."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class UnexpectedResponse(ApiError):
    """An answer that is neither the declared success nor a problem+json body."""

    def __init__(self, status: int, content: bytes) -> None:
        super().__init__(status, f"unexpected {status} answer: {content[:200]!r}")
        self.content = content


class ProblemError(ApiError):
    """The API's problem+json answer; `problem.type` names the kind, `problem.detail` says what happened."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.status, f"{problem.status} {problem.title}: {problem.detail}")
        self.problem = problem


class BadRequest(ProblemError): ...


class Unauthorized(ProblemError): ...


class Forbidden(ProblemError): ...


class NotFound(ProblemError): ...


class Conflict(ProblemError): ...


class Gone(ProblemError): ...


class PreconditionFailed(ProblemError): ...


class ContentTooLarge(ProblemError): ...


class UnsupportedMediaType(ProblemError): ...


class UnprocessableContent(ProblemError): ...


class PreconditionRequired(ProblemError): ...


class TooManyRequests(ProblemError): ...


class ServerError(ProblemError): ...


BY_STATUS: dict[int, type[ProblemError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    410: Gone,
    412: PreconditionFailed,
    413: ContentTooLarge,
    415: UnsupportedMediaType,
    422: UnprocessableContent,
    428: PreconditionRequired,
    429: TooManyRequests,
}


def problem_error(problem: Problem) -> ProblemError:
    """The exception for a problem: its status's class, else ServerError (5xx) or ProblemError."""
    kind = BY_STATUS.get(problem.status) or (ServerError if problem.status >= 500 else ProblemError)
    return kind(problem)


def error_for(status: int, headers: httpx.Headers | Any, content: bytes) -> ApiError:
    """The exception for an answer that is not a success: a ProblemError when the body is a problem."""
    if str(headers.get("content-type", "")).startswith("application/problem+json"):
        try:
            return problem_error(Problem.from_dict(json.loads(content)))
        except (ValueError, KeyError, TypeError):
            pass
    return UnexpectedResponse(status, content)
