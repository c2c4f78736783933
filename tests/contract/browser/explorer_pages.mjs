// Opens every page type of the explorer in Chromium (driven by playwright-core), checks what it draws,
// clicks timeline → record → source, accepts (with an edit) and rejects candidates with a write key typed
// in, runs axe-core on each page, and prints what it found as JSON. Requests to any other host are
// blocked and listed. Usage: node explorer_pages.mjs BASE_URL CHROMIUM TOOLS_DIR OUT_DIR WRITE_KEY
import path from "node:path";

import { openPage, requireTool } from "./session.mjs";

const [base, executablePath, toolsDir, outDir, writeKey] = process.argv.slice(2);
const axePath = requireTool(toolsDir).resolve("axe-core/axe.min.js");

const VISIT = "aliyev-state-visit-kazakhstan-2025-11";
const SUMMIT = "ots-summit-gabala-2025";
const SOURCE = "velizade-2025-az-kz-relations";

const { browser, page, found } = await openPage({
  base,
  executablePath,
  toolsDir,
  context: { viewport: { width: 1200, height: 900 }, locale: "en-GB" },
});
Object.assign(found, { axe: {}, screenshots: [] });

async function audit(page, name) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => await window.axe.run(document));
  found.axe[name] = result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  found.screenshots.push(file);
}

// The character offset of `selector` in `container`'s text, as a Range counts it.
function offsetOf(container, selector) {
  return (page) =>
    page.evaluate(
      ([c, s]) => {
        const box = document.querySelector(c);
        const target = document.querySelector(s);
        if (!box || !target) return null;
        const range = document.createRange();
        range.setStart(box, 0);
        range.setEndBefore(target);
        return range.toString().length;
      },
      [container, selector],
    );
}

try {
  // The home page.
  await page.goto(`${base}/`);
  found.homePairs = await page.locator("#pairs tbody tr").count();
  await audit(page, "home");

  // The pair page: the timeline's spans and the chart's styles as the browser lays them out.
  await page.goto(`${base}/pairs/AZ/KZ`);
  const width = async (id) => (await page.locator(`rect[data-id="${id}"]`).first().boundingBox()).width;
  found.yearWidth = await width(SUMMIT);
  found.monthWidth = await width(VISIT);
  found.forecastFill = await page
    .locator('rect[data-id="az-kz-trade-turnover-2025-forecast"]')
    .evaluate((el) => getComputedStyle(el).fill);
  found.reportedFill = await page
    .locator('rect[data-id="az-kz-trade-turnover-2024"]')
    .evaluate((el) => getComputedStyle(el).fill);
  found.partialOpacity = await page
    .locator('rect[data-id="az-kz-trade-turnover-2025-01-to-09"]')
    .evaluate((el) => getComputedStyle(el).fillOpacity);
  found.chartUnits = await page.locator("svg.trade-chart").evaluateAll((all) => all.map((s) => s.dataset.unit));
  found.panelCalls = await page.locator("[data-api]").evaluateAll((all) => all.map((s) => s.dataset.api));
  await audit(page, "pair");
  await page.locator("#chart-1").screenshot({ path: path.join(outDir, "pair-trade.png") });
  found.screenshots.push(path.join(outDir, "pair-trade.png"));

  // Timeline → record → source: click the visit's bar, then its first quote.
  await page.locator(`a:has(rect[data-id="${VISIT}"])`).click();
  await page.waitForURL(`**/events/${VISIT}`);
  found.recordPath = new URL(page.url()).pathname;
  found.recordTitle = (await page.locator("h1").innerText()).trim();
  await audit(page, "record");
  const quote = page.locator("figure.citation figcaption a").first();
  const href = await quote.getAttribute("href");
  await quote.click();
  await page.waitForURL(`**/sources/${SOURCE}*`);
  found.sourceHash = new URL(page.url()).hash;
  const [, start, end] = href.match(/#q-(\d+)-(\d+)$/);
  found.clickedQuote = { start: Number(start), end: Number(end) };
  found.clickedOffset = await offsetOf(".source-text", `#q-${start}-${end}`)(page);
  found.clickedText = await page.evaluate(
    ([s, e]) => document.querySelector(".source-text").textContent.slice(s, e),
    [Number(start), Number(end)],
  );
  found.sourceQuote = await page.evaluate(async ([id, s, e]) => {
    const body = await (await fetch(`/v1/sources/${id}`)).json();
    return body.citations.find((c) => c.char_start === s && c.char_end === e).quote;
  }, [SOURCE, Number(start), Number(end)]);
  // Every quote: its anchor at its offset in the text the page shows, and the text marked there.
  found.misplaced = await page.evaluate(async (id) => {
    const body = await (await fetch(`/v1/sources/${id}`)).json();
    const box = document.querySelector(".source-text");
    const wrong = [];
    for (const c of body.citations) {
      const anchor = document.getElementById(`q-${c.char_start}-${c.char_end}`);
      const range = document.createRange();
      range.setStart(box, 0);
      range.setEndBefore(anchor);
      let mark = anchor.nextElementSibling; // quotes that start together have their anchors side by side
      while (mark && mark.classList.contains("anchor")) mark = mark.nextElementSibling;
      if (range.toString().length !== c.char_start || !mark || mark.tagName !== "MARK") wrong.push(c);
    }
    return { count: body.citations.length, wrong };
  }, SOURCE);
  await audit(page, "source");

  // Search.
  await page.goto(`${base}/`);
  await page.locator("#site-q").fill("порт");
  await page.locator("form.search button").click();
  await page.waitForURL("**/search?q=*");
  found.searchHits = await page.locator("ol.hits li a").count();
  await audit(page, "search");

  // The benchmark's pair: a thousand events and thousands of figures, the latest of each drawn.
  await page.goto(`${base}/pairs/AM/GE`);
  found.benchBars = await page.locator("svg.timeline rect.bar").count();
  found.benchMoreEvents = await page.locator(".more-events a").getAttribute("href");
  found.benchCutSeries = await page.locator("figure.chart .cut-series a").count();
  found.benchCharts = await page.locator("svg.trade-chart").count();
  found.benchChartPaths = await page.locator("svg.trade-chart path.point").count();
  found.benchForecastPaths = await page.locator("svg.trade-chart path.point.status-forecast").count();
  found.benchUnits = [...new Set(await page.locator("svg.trade-chart").evaluateAll((all) => all.map((s) => s.dataset.unit)))];
  await audit(page, "pair-bench");

  // Russian.
  await page.goto(`${base}/pairs/AZ/KZ?lang=ru`);
  found.russianTitle = (await page.locator("h1").innerText()).trim();
  await audit(page, "pair-ru");

  // The review queue: read-only until a key is given; then accept the first pending candidate.
  await page.goto(`${base}/review`);
  const id = await page.locator("li.candidate[data-status=pending]").first().getAttribute("data-id");
  const first = page.locator(`#candidate-${id}`);
  found.disabledBeforeKey = await first.locator("button[data-act=accept]").isDisabled();
  await audit(page, "review");
  await page.locator("#write-key").fill(writeKey);
  await page.locator("#key-form button[type=submit]").click();
  found.keyInSession = await page.evaluate(() => sessionStorage.getItem("bilateral-write-key") !== null);
  found.keyInLocal = await page.evaluate(() => localStorage.length);
  // Accept the first with an edit, reject the next with a reason.
  await first.locator("textarea").fill('{"bound": "exact"}');
  await first.locator("button[data-act=accept]").click();
  await page.locator(`#candidate-${id}[data-status=accepted]`).waitFor();
  found.accepted = await page.evaluate(async (n) => (await (await fetch(`/v1/candidates/${n}`)).json()).status, id);
  found.acceptedRecordLink = await first.locator(".candidate-record a").getAttribute("href");
  found.acceptedBound = await page.evaluate(
    async (link) => (await (await fetch(`/v1${link}`)).json()).bound,
    found.acceptedRecordLink,
  );
  const other = page.locator("li.candidate[data-status=pending]").first();
  const otherId = await other.getAttribute("data-id");
  await other.locator("input[name=reason]").fill("Invented for the test.");
  await other.locator("button[data-act=reject]").click();
  await page.locator(`#candidate-${otherId}[data-status=rejected]`).waitFor();
  found.rejected = await page.evaluate(async (n) => {
    const body = await (await fetch(`/v1/candidates/${n}`)).json();
    return [body.status, body.reason];
  }, otherId);
  await audit(page, "review-accepted");
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(found));
