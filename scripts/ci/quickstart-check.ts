/**
 * CI's check that the README's `npm start` came up (run by .ci/run while it runs): waits until
 * the API at `url` answers /readyz, finds the demo collective in /api/collectives, and loads the
 * page, in Chromium when it is installed (the demo's collectives must show), else by fetching the
 * page and every script and stylesheet it names. Exits 0 when all of that holds, 1 with what did
 * not otherwise.
 *
 * Usage: tsx scripts/ci/quickstart-check.ts URL [TIMEOUT_SECONDS]
 */
import { performance } from "node:perf_hooks";
import { hasChromium, launchBrowser, screenshot } from "../../test/e2e/helpers/browser.js";

const [url = "http://127.0.0.1:42069", timeoutArg = "600"] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutArg) * 1000;
const started = performance.now();
const DEMO = "Rizom";

async function get(path: string): Promise<Response | undefined> {
  return fetch(`${url}${path}`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
}

async function ready(): Promise<void> {
  for (;;) {
    const response = await get("/readyz");
    if (response?.status === 200) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${url}/readyz did not answer 200 within ${timeoutArg} s (last: ${response?.status ?? "no answer"})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function demoIndexed(): Promise<void> {
  const response = await get("/api/collectives");
  const body = (await response?.json()) as { items?: { name: string }[] } | undefined;
  const names = body?.items?.map((collective) => collective.name) ?? [];
  if (!names.includes(DEMO)) throw new Error(`/api/collectives has no "${DEMO}": ${JSON.stringify(names)}`);
}

/** Without a browser: the page and each asset it names answer 200. */
async function pageFetches(): Promise<string> {
  const page = await get("/");
  const html = (await page?.text()) ?? "";
  if (page?.status !== 200 || !html.includes('id="root"')) throw new Error(`GET / answered ${page?.status}`);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1] ?? "");
  if (assets.length === 0) throw new Error("The page names no script or stylesheet");
  for (const asset of assets) {
    const response = await get(asset);
    if (response?.status !== 200) throw new Error(`${asset} answered ${response?.status ?? "nothing"}`);
  }
  return `the page and its ${assets.length} assets answer 200 (no Chromium here)`;
}

/** In Chromium: the collectives page shows the demo collective, with no error in the console. */
async function pageRenders(): Promise<string> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url);
    await page.getByRole("link", { name: DEMO, exact: true }).first().waitFor({ state: "visible", timeout: 30_000 });
    await screenshot(page, "quickstart");
    if (errors.length > 0) throw new Error(`The page threw: ${errors.join("; ")}`);
    return `Chromium shows "${DEMO}"`;
  } finally {
    await browser.close();
  }
}

try {
  await ready();
  await demoIndexed();
  const page = hasChromium ? await pageRenders() : await pageFetches();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`quick start: ${url} ready with "${DEMO}" after ${seconds} s; ${page}`);
} catch (error) {
  console.error(`quick start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
