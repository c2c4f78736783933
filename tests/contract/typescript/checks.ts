// The TypeScript SDK's layer on the seed (tests/contract/test_sdk_typescript.py runs it against a live
// server): problems thrown by status, CSV rows, partial records read with unwrapPartial. Prints one line
// per check; the test compares them.
import {
  NotFound,
  ProblemError,
  UnprocessableContent,
  createBilateral,
  exportCsv,
  unwrap,
  unwrapPartial,
} from "bilateral-sdk";

const api = createBilateral(process.env.BILATERAL_URL ?? "");

try {
  await unwrap(api.GET("/v1/events/{record_id}", { params: { path: { record_id: "no-such-event" } } }));
} catch (error) {
  if (!(error instanceof NotFound)) throw error;
  console.log("404", error.problem.type);
}

try {
  await unwrap(api.GET("/v1/events", { params: { query: { date_from: "2025-12", date_to: "2025-01" } } }));
} catch (error) {
  if (!(error instanceof UnprocessableContent && error instanceof ProblemError)) throw error;
  console.log("422", (error.problem.errors ?? []).map((parameter) => `${parameter.name} in ${parameter.in}`).join(", "));
}

const query = { country: ["AZ", "KZ"], date_from: "2025-11", date_to: "2025-11", date_match: "within" as const };
for await (const row of exportCsv(api.GET("/v1/events", { params: { query: { ...query, format: "csv" } }, parseAs: "stream" }))) {
  console.log("csv", row["id"], row["countries.id"]);
}

const partial = await unwrapPartial(api.GET("/v1/events", { params: { query: { ...query, fields: ["id", "title"] } } }));
console.log("fields", partial.items.map((event) => Object.keys(event).sort().join(",")).join(" "));
try {
  await unwrap(api.GET("/v1/events", { params: { query: { fields: ["id"] } } }));
} catch (error) {
  if (!(error instanceof TypeError)) throw error;
  console.log("unwrap refuses fields=");
}
