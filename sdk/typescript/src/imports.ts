// Bulk imports (`POST /v1/imports/{resource}`): a file's content sent as it is, with its media type.
// openapi-fetch would JSON-encode any body (a CSV string included) and types a file as the document's
// `string`: `importRecords` hands fetch the content untouched, and answers the import's report.
import type { paths } from "./api.js";
import { type Bilateral, type Schemas, unwrap } from "./client.js";

type Operation = paths["/v1/imports/{resource}"]["post"];
export type ImportMediaType = keyof Operation["requestBody"]["content"];
export type ImportQuery = NonNullable<Operation["parameters"]["query"]>;
export type ImportReport = Schemas["ImportReport"];
/** What `fetch` sends as it is: text, a file or blob, or bytes (a gzipped file). */
export type ImportContent = string | Blob | ArrayBuffer | Uint8Array;

const bySuffix: Record<string, ImportMediaType> = {
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  ndjson: "application/x-ndjson",
  jsonl: "application/x-ndjson",
  json: "application/json",
  gz: "application/gzip",
};

/** The media type of a file by its name's suffix (`figures.csv` → `text/csv`); a TypeError if unknown. */
export function importMediaType(fileName: string): ImportMediaType {
  const mediaType = bySuffix[fileName.split(".").pop()?.toLowerCase() ?? ""];
  if (mediaType === undefined) {
    throw new TypeError(`${fileName}: say its media type, one of ${[...new Set(Object.values(bySuffix))].join(", ")}`);
  }
  return mediaType;
}

/**
 * Import `content` (`mediaType` says what it is) into `resource`; `query` holds the operation's
 * parameters (`dry_run: true`, `layout`, `filename`, …). Resolves to the import's report; a rejected
 * file throws UnprocessableContent, whose `problem.errors` name each bad line's field.
 */
export async function importRecords(
  api: Bilateral,
  resource: Schemas["ImportResource"],
  content: ImportContent,
  mediaType: ImportMediaType,
  query: ImportQuery = {},
): Promise<ImportReport> {
  return unwrap(
    api.POST("/v1/imports/{resource}", {
      params: { path: { resource }, query },
      // Any body will do for the type: the serializer sends `content` instead.
      body: "",
      bodySerializer: () => content,
      headers: { "Content-Type": mediaType },
    }),
  );
}
