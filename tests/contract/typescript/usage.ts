// What the OpenAPI document promises a TypeScript client, checked on the types the SDK generates from it
// (tests/contract/test_sdk_typescript.py compiles this under `tsc --strict`): if the document stops
// saying what these lines rely on, the check fails.
import type { components, paths } from "bilateral-sdk";

type Schemas = components["schemas"];
type EventPage = Schemas["EventPage"];
type EventRead = Schemas["EventRead"];
// With `fields=`, records carry only the fields asked for: a loose type, each field as in the full record.
type PartialPage = Schemas["PartialPage"];
type PartialRecord = Schemas["PartialRecord"];
type Problem = Schemas["Problem"];

type ListEvents = paths["/v1/events"]["get"];
type ListEventsQuery = NonNullable<ListEvents["parameters"]["query"]>;
type GetEvent = paths["/v1/events/{record_id}"]["get"];

// A page as JSON (whole records, or with `fields=` partial ones), problems as application/problem+json.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const pageIsJson: Equals<ListEvents["responses"][200]["content"]["application/json"], EventPage | PartialPage> = true;
const invalidIsProblem: Equals<ListEvents["responses"][422]["content"]["application/problem+json"], Problem> = true;
const notFoundIsProblem: Equals<GetEvent["responses"][404]["content"]["application/problem+json"], Problem> = true;
// The ETag a change needs is a typed header of the record, and If-Match a required header of the change.
const etagIsString: Equals<GetEvent["responses"][200]["headers"]["ETag"], string> = true;
type UpdateEvent = paths["/v1/events/{record_id}"]["patch"];
const ifMatchIsRequired: Equals<UpdateEvent["parameters"]["header"]["if-match"], string> = true;
export const promises = [pageIsJson, invalidIsProblem, notFoundIsProblem, etagIsString, ifMatchIsRequired];

// The closed lists are closed: these must not type-check.
// @ts-expect-error `population` is not a sort key of /v1/events
export const badSort: ListEventsQuery = { sort: "population" };
// @ts-expect-error `date_match` is `overlaps` or `within`
export const badMatch: ListEventsQuery = { date_match: "sometime" };
// @ts-expect-error an event has no `population`
export const badField = (event: EventRead): number => event.population;
// @ts-expect-error a partial record may lack `title`
export const partialTitle = (event: PartialRecord): string => event.title;
