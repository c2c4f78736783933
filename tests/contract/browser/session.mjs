// What the browser checks share: playwright-core from tools/node_modules, Chromium started headless with
// its own background traffic off, and one page that may reach only the server under test. Requests to
// any other host are aborted and listed in `found.outside`; uncaught page errors and console errors are
// collected in `found.pageErrors` and `found.consoleErrors`.
import { createRequire } from "node:module";
import path from "node:path";

// The tools live in tools/node_modules, not beside these files.
export function requireTool(toolsDir) {
  return createRequire(path.join(toolsDir, "package.json"));
}

// Playwright gives each launch a fresh temporary profile (--user-data-dir) and removes it after.
export async function openPage({ base, executablePath, toolsDir, context = {} }) {
  const { chromium } = requireTool(toolsDir)("playwright-core");
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
  const origin = new URL(base).origin;
  const found = { outside: [], pageErrors: [], consoleErrors: [] };
  try {
    const page = await (await browser.newContext(context)).newPage();
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
    return { browser, page, found };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
