// What the API answers instead of a result, as errors. One hierarchy, by HTTP status:
//
//   ApiError                        anything but the declared success
//   ├── UnexpectedResponse          an answer that is not problem+json (a proxy's 502 page, …)
//   └── ProblemError                an RFC 9457 problem: `.problem`
//       ├── BadRequest 400, Unauthorized 401, Forbidden 403, NotFound 404, Conflict 409, Gone 410
//       ├── PreconditionFailed 412  the If-Match ETag is stale: read again, reapply, resend
//       ├── ContentTooLarge 413, UnsupportedMediaType 415
//       ├── UnprocessableContent 422  a parameter or field refused: `.problem.errors` says which
//       ├── PreconditionRequired 428, TooManyRequests 429
//       └── ServerError 5xx
import type { components } from "./api.js";

export type Problem = components["schemas"]["Problem"];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnexpectedResponse extends ApiError {
  constructor(
    status: number,
    readonly body: unknown,
  ) {
    super(status, `unexpected ${status} answer: ${String(typeof body === "string" ? body : JSON.stringify(body)).slice(0, 200)}`);
  }
}

export class ProblemError extends ApiError {
  constructor(readonly problem: Problem) {
    super(problem.status, `${problem.status} ${problem.title}: ${problem.detail}`);
  }
}

export class BadRequest extends ProblemError {}
export class Unauthorized extends ProblemError {}
export class Forbidden extends ProblemError {}
export class NotFound extends ProblemError {}
export class Conflict extends ProblemError {}
export class Gone extends ProblemError {}
export class PreconditionFailed extends ProblemError {}
export class ContentTooLarge extends ProblemError {}
export class UnsupportedMediaType extends ProblemError {}
export class UnprocessableContent extends ProblemError {}
export class PreconditionRequired extends ProblemError {}
export class TooManyRequests extends ProblemError {}
export class ServerError extends ProblemError {}

const byStatus: Record<number, new (problem: Problem) => ProblemError> = {
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
};

function isProblem(body: unknown): body is Problem {
  if (typeof body !== "object" || body === null) return false;
  const { type, title, status } = body as Record<string, unknown>;
  return typeof type === "string" && typeof title === "string" && typeof status === "number";
}

/** The error for an answer that is not a success: a ProblemError when its body is a problem. */
export function errorFor(response: Response, body: unknown): ApiError {
  const mediaType = response.headers.get("Content-Type") ?? "";
  if (mediaType.startsWith("application/problem+json") && isProblem(body)) {
    const Kind = byStatus[body.status] ?? (body.status >= 500 ? ServerError : ProblemError);
    return new Kind(body);
  }
  return new UnexpectedResponse(response.status, body);
}
