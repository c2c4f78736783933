// Every page of a list, following `next_cursor` until the last page.
import { type Full, type Result, unwrap } from "./client.js";

interface Page {
  items: unknown[];
  next_cursor: string | null;
}
type PageOf<R extends Result> = Full<NonNullable<R["data"]>> & Page;
type ItemOf<R extends Result> = Full<NonNullable<R["data"]>> extends { items: (infer T)[] } ? T : never;

/**
 * Each page that `fetchPage` answers, from `cursor` undefined (the first) on. `fetchPage` is the list
 * call with its filters, given the cursor: `(cursor) => api.GET("/v1/events", { params: { query: { cursor } } })`.
 * A page is fetched only when the one before it has been consumed.
 */
export async function* pages<R extends Result>(
  fetchPage: (cursor: string | undefined) => Promise<R>,
): AsyncGenerator<PageOf<R>> {
  let cursor: string | undefined = undefined;
  do {
    const page = (await unwrap(fetchPage(cursor))) as PageOf<R>;
    yield page;
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined);
}

/** Every record across all pages (see `pages`). */
export async function* items<R extends Result>(
  fetchPage: (cursor: string | undefined) => Promise<R>,
): AsyncGenerator<ItemOf<R>> {
  for await (const page of pages(fetchPage)) yield* page.items as ItemOf<R>[];
}
