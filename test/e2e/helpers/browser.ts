/**
 * Debian's Chromium driven by playwright-core: whether it is here, how it starts as root on
 * this kind of machine, and where the screenshots go.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../test-results/e2e");

/** Says once, loudly, why a file's browser tests do not run; true when they do. */
export function browserAvailable(file: string): boolean {
  if (!hasChromium)
    console.warn(
      `[e2e] ${file}: skipped, no Chromium at ${CHROMIUM}. Install it with ` +
        "`apt-get install -y chromium` (CI's .ci/run does) or set CHROMIUM_PATH.",
    );
  return hasChromium;
}

/** Flags that work as root in a container: no sandbox, no GPU, nothing fetched in the background. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** Saves the whole page as test-results/e2e/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
