// Opens /docs in Chromium (driven by playwright-core), expands the `listEvents` operation, runs it with
// "Try it out", and prints what it found as JSON. Requests to any other host are blocked and listed.
// Usage: node docs_page.mjs BASE_URL CHROMIUM TOOLS_DIR SCREENSHOT
import { openPage } from "./session.mjs";

const [base, executablePath, toolsDir, screenshot] = process.argv.slice(2);
const { browser, page, found } = await openPage({ base, executablePath, toolsDir });
try {
  await page.goto(`${base}/docs`, { waitUntil: "load" });
  const operation = page.locator("#operations-events-listEvents");
  await operation.waitFor();
  found.title = (await page.locator(".information-container .title").first().innerText()).trim();
  await operation.locator(".opblock-summary").first().click();
  await operation.locator(".parameters-container").waitFor();
  found.path = (await operation.locator(".opblock-summary-path").first().innerText()).trim();
  found.summary = (await operation.locator(".opblock-summary-description").first().innerText()).trim();
  found.parameters = await operation
    .locator("tr[data-param-name]")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-param-name")));
  found.documentedStatuses = await operation
    .locator(".responses-table tr.response[data-code]")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-code")));

  // Run it from the page: the request goes to this server (servers: "/"), the answer is rendered.
  await operation.locator("button.try-out__btn").click();
  await operation.locator("button.execute").click();
  const live = operation.locator(".live-responses-table tr.response .response-col_status").first();
  await live.waitFor();
  found.liveStatus = (await live.innerText()).trim();
  found.liveBody = await operation.locator(".live-responses-table .microlight").first().innerText();
  await page.screenshot({ path: screenshot, fullPage: false });
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(found));
