// CSV and NDJSON exports, streamed: every record matching the filters, read as it arrives. Ask with
// `parseAs: "stream"` and `format`: `api.GET("/v1/events", { params: { query: { format: "ndjson" } }, parseAs: "stream" })`.
import type { Result } from "./client.js";
import { UnexpectedResponse, errorFor } from "./problems.js";

/** The lines of an export, each with its line ending (a quoted CSV cell may span lines). */
export async function* exportLines(call: Promise<Result>): AsyncGenerator<string> {
  const { data, error, response } = await call;
  if (!response.ok) throw errorFor(response, error);
  if (!(data instanceof ReadableStream)) {
    throw new UnexpectedResponse(response.status, 'not a stream: ask for the export with parseAs: "stream"');
  }
  const decoder = new TextDecoder();
  let rest = "";
  // A reader, not `for await`: not every browser iterates a ReadableStream.
  const reader = (data as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const lines = (rest + decoder.decode(value, { stream: true })).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) yield `${line}\n`;
  }
  rest += decoder.decode();
  if (rest) yield rest;
}

/** Each record of an NDJSON export (`format: "ndjson"`), as its JSON line decodes. */
export async function* exportNdjson(call: Promise<Result>): AsyncGenerator<Record<string, unknown>> {
  for await (const line of exportLines(call)) {
    if (line.trim()) yield JSON.parse(line) as Record<string, unknown>;
  }
}

/** Each row of a CSV export (`format: "csv"`), keyed by the header row's column names. */
export async function* exportCsv(call: Promise<Result>): AsyncGenerator<Record<string, string>> {
  let header: string[] | undefined;
  for await (const cells of csvRecords(exportLines(call))) {
    if (header === undefined) header = cells;
    else yield Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""]));
  }
}

/** RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks. */
async function* csvRecords(lines: AsyncIterable<string>): AsyncGenerator<string[]> {
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  for await (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      if (quoted) {
        if (char === '"' && line[i + 1] === '"') (cell += '"'), i++;
        else if (char === '"') quoted = false;
        else cell += char;
      } else if (char === '"') quoted = true;
      else if (char === ",") cells.push(cell), (cell = "");
      else if (char === "\n") {
        cells.push(cell.endsWith("\r") ? cell.slice(0, -1) : cell);
        yield cells;
        (cells = []), (cell = "");
      } else cell += char;
    }
  }
  if (cell || cells.length) yield [...cells, cell];
}
