// The client: openapi-fetch typed by the generated `paths`, a call's value or its problem thrown
// (`unwrap`), and the ETag to send back as `If-Match` (`etag`).
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./api.js";
import { UnexpectedResponse, errorFor } from "./problems.js";

export type Schemas = components["schemas"];
// JSON answers and problem+json errors; CSV and NDJSON exports are read as streams (exports.ts).
export type Media = "application/json" | "application/problem+json";
export type Bilateral = Client<paths, Media>;

/** A client for the API at `baseUrl`; `key` (an API key's secret) authorizes writes. */
export function createBilateral(baseUrl: string, key?: string): Bilateral {
  return createClient<paths, Media>({
    baseUrl,
    headers: key === undefined ? {} : { Authorization: `Bearer ${key}` },
  });
}

/** What every openapi-fetch call resolves to. */
export interface Result {
  data?: unknown;
  error?: unknown;
  response: Response;
}

// With `fields=` a record or page is partial (a loose type, declared beside the full one); without it,
// the API always answers the full type. Full<T> drops the partial alternative from T.
type PartialPage = Schemas["PartialPage"];
type PartialRecord = Schemas["PartialRecord"];
type Drop<T, U> = T extends U ? (U extends T ? never : T) : T;
export type Full<T> = Drop<Drop<T, PartialPage>, PartialRecord>;

/** The value of a call, its problem thrown (a ProblemError subclass by status) otherwise. */
export async function unwrapPartial<R extends Result>(call: Promise<R>): Promise<NonNullable<R["data"]>> {
  const { data, error, response } = await call;
  if (!response.ok) throw errorFor(response, error);
  if (data === undefined || data === null) throw new UnexpectedResponse(response.status, data);
  return data as NonNullable<R["data"]>;
}

/** As `unwrapPartial`, for a call without `fields=`: the full record or page the API then answers. */
export async function unwrap<R extends Result>(call: Promise<R>): Promise<Full<NonNullable<R["data"]>>> {
  const result = await call;
  // `url` is empty only for a response made by hand (a test's fetch), which can say nothing of fields=.
  if (result.response.url && new URL(result.response.url).searchParams.has("fields")) {
    throw new TypeError("a call with fields= answers partial records: read it with unwrapPartial");
  }
  return (await unwrapPartial(Promise.resolve(result))) as Full<NonNullable<R["data"]>>;
}

/** The ETag of the record read: send it back as the `if-match` header to change or delete that version. */
export async function etag(call: Promise<Result>): Promise<string> {
  const { error, response } = await call;
  if (!response.ok) throw errorFor(response, error);
  const value = response.headers.get("ETag");
  if (value === null) throw new UnexpectedResponse(response.status, "no ETag header");
  return value;
}

/** The record and its ETag, from one read. */
export async function versioned<R extends Result>(call: Promise<R>): Promise<[Full<NonNullable<R["data"]>>, string]> {
  const result = await call;
  return [await unwrap(Promise.resolve(result)), await etag(Promise.resolve(result))];
}
