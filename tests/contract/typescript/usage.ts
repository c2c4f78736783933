// A small typed client over the types openapi-typescript generates from openapi.json (as ./api).
// tests/contract/test_typescript.py generates them and type-checks this file with
// `tsc --noEmit --strict`: if the document stops saying what these lines rely on, the check fails.
import type { components, paths } from "./api";

type Schemas = components["schemas"];
export type EventPage = Schemas["EventPage"];
export type EventRead = Schemas["EventRead"];
// With `fields=`, records carry only the fields asked for: a loose type, each field as in the full record.
export type PartialPage = Schemas["PartialPage"];
export type PartialRecord = Schemas["PartialRecord"];
export type Problem = Schemas["Problem"];

type ListEvents = paths["/v1/events"]["get"];
export type ListEventsQuery = NonNullable<ListEvents["parameters"]["query"]>;
type GetEvent = paths["/v1/events/{record_id}"]["get"];
export type EventId = GetEvent["parameters"]["path"]["record_id"];

// What the document promises: a page as JSON (whole records, or with `fields=` partial ones),
// problems as application/problem+json.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const pageIsJson: Equals<
  ListEvents["responses"][200]["content"]["application/json"],
  EventPage | PartialPage
> = true;
const invalidIsProblem: Equals<
  ListEvents["responses"][422]["content"]["application/problem+json"],
  Problem
> = true;
const notFoundIsProblem: Equals<
  GetEvent["responses"][404]["content"]["application/problem+json"],
  Problem
> = true;
// The ETag a change needs is a typed header of the record, and If-Match a required header of the change.
const etagIsString: Equals<GetEvent["responses"][200]["headers"]["ETag"], string> = true;
type UpdateEvent = paths["/v1/events/{record_id}"]["patch"];
const ifMatchIsRequired: Equals<UpdateEvent["parameters"]["header"]["if-match"], string> = true;
export const promises = [pageIsJson, invalidIsProblem, notFoundIsProblem, etagIsString, ifMatchIsRequired];

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
}

function search(query: Record<string, string | number | boolean | string[] | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) params.append(name, String(item));
    }
  }
  return params.toString();
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new ApiError((await response.json()) as Problem);
  return (await response.json()) as T;
}

export function listEvents(base: string, query: ListEventsQuery = {}): Promise<EventPage> {
  return getJson<EventPage>(`${base}/v1/events?${search(query)}`);
}

/** Only the fields named (`fields=id,title`): each record may lack any of the others. */
export function listEventFields(
  base: string,
  fields: NonNullable<ListEventsQuery["fields"]>,
  query: ListEventsQuery = {},
): Promise<PartialPage> {
  return getJson<PartialPage>(`${base}/v1/events?${search({ ...query, fields })}`);
}

export async function eventTitles(base: string): Promise<string[]> {
  const page = await listEventFields(base, ["id", "title"]);
  return page.items.map((event: PartialRecord) => String(event.title ?? event.id ?? ""));
}

export function getEvent(base: string, id: EventId): Promise<EventRead> {
  return getJson<EventRead>(`${base}/v1/events/${encodeURIComponent(id)}`);
}

/** Every event matching `query`, following `next_cursor` page after page. */
export async function* allEvents(base: string, query: ListEventsQuery = {}): AsyncGenerator<EventRead> {
  let cursor: string | null | undefined = undefined;
  do {
    const page: EventPage = await listEvents(base, { ...query, cursor });
    yield* page.items;
    cursor = page.next_cursor;
  } while (cursor !== null);
}

export function describe(event: EventRead): string {
  const where = event.location?.name ?? event.host_country?.name ?? "somewhere";
  const who = event.countries.map((country) => country.id).join("–");
  const quote = event.citations[0]?.quote ?? "";
  return `${event.date_start} (${event.date_precision}) ${event.type}: ${event.title}, ${where}, ${who}. «${quote}»`;
}

export function explain(problem: Problem): string {
  const parameters = (problem.errors ?? []).map((error) => `${error.name} in ${error.in}: ${error.detail}`);
  return [`${problem.title} (${problem.type})`, ...parameters].join("\n");
}

export const novemberVisits: ListEventsQuery = {
  country: ["AZ", "KZ"],
  date_from: "2025-11",
  date_to: "2025-11",
  date_match: "within",
  type: ["state_visit"],
  sort: "-date",
  limit: 10,
};

// The closed lists are closed: these must not type-check.
// @ts-expect-error `population` is not a sort key of /v1/events
export const badSort: ListEventsQuery = { sort: "population" };
// @ts-expect-error `date_match` is `overlaps` or `within`
export const badMatch: ListEventsQuery = { date_match: "sometime" };
// @ts-expect-error an event has no `population`
export const badField = (event: EventRead): number => event.population;
// @ts-expect-error a partial record may lack `title`
export const partialTitle = (event: PartialRecord): string => event.title;
