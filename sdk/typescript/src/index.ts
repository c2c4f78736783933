// TypeScript SDK of the bilateral relations API: openapi-fetch over the types openapi-typescript
// generates from the API's OpenAPI document (src/api.ts, made by scripts/sdk), and what a generator
// cannot give: every page of a list, problems as errors, ETags, streamed CSV/NDJSON exports, file imports.
export type { components, paths } from "./api.js";
export { type Bilateral, type Full, type Result, type Schemas, createBilateral, etag, unwrap, unwrapPartial, versioned } from "./client.js";
export { exportCsv, exportLines, exportNdjson } from "./exports.js";
export {
  type ImportContent,
  type ImportMediaType,
  type ImportQuery,
  type ImportReport,
  importMediaType,
  importRecords,
} from "./imports.js";
export { items, pages } from "./paging.js";
export * from "./problems.js";
