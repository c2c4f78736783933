// Opens /docs in Chromium (driven by playwright-core), expands the `listEvents` operation, runs it with
// "Try it out", and prints what it found as JSON. Requests to any other host are blocked and listed.
// Usage: node docs_page.mjs BASE_URL CHROMIUM TOOLS_DIR SCREENSHOT
import { createRequire } from "node:module";
import path from "node:path";

const [base, executablePath, toolsDir, screenshot] = process.argv.slice(2);
// playwright-core lives in tools/node_modules, not beside this file.
const { chromium } = createRequire(path.join(toolsDir, "package.json"))("playwright-core");

const origin = new URL(base).origin;
const found = { outside: [], pageErrors: [], consoleErrors: [] };
// Playwright gives each launch a fresh temporary profile (--user-data-dir) and removes it after.
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("data:") || new URL(url).origin === origin) return route.continue();
    found.outside.push(url);
    return route.abort();
  });
  page.on("pageerror", (error) => found.pageErrors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") found.consoleErrors.push(message.text());
  });

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
