/**
 * People at the browser: each dev account gets its own browser context (its own storage and
 * its own injected test wallet) and connects through the app's wallet panel, as a user would.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from "playwright-core";
import type { Address } from "viem";
import { screenshot } from "./browser.js";
import type { E2eStack } from "./stack.js";
import { installTestWallet, WALLET_NAME } from "./wallet.js";

/** How long a page may take to show the result of a transaction or a navigation. */
export const UI_TIMEOUT = 30_000;

export interface Actor {
  name: string;
  address: Address;
  page: Page;
  context: BrowserContext;
  /** Opens `path` (under the stack's URL) with the wallet connected. */
  visit(path: string): Promise<void>;
}

/** 0x7099…79C8, as the app writes addresses. */
export const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The short form of `address` in any letter case, for matching the page's text. */
export const shortPattern = (address: string) => new RegExp(escape(short(address)), "i");

/** Waits until `locator` is visible; the page updates from the API's events, so this is the wait. */
export const see = (locator: Locator, timeout = UI_TIMEOUT) => locator.first().waitFor({ state: "visible", timeout });

/** A key figure of the page (a term and its value in a description list): `figure(page, "Shares")`. */
export const figure = (page: Page, term: string) =>
  page
    .locator("dl > div")
    .filter({ has: page.getByRole("term").getByText(term, { exact: true }) })
    .getByRole("definition");

/** Every page opened in this test file, for the screenshots of a failure. */
const opened: { name: string; page: Page }[] = [];

/** Saves each open page as test-results/e2e/failed-<test>-<person>.png, to see what went wrong. */
export async function screenshotFailure(test: string): Promise<void> {
  const slug = test
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60);
  for (const { name, page } of opened)
    if (!page.isClosed()) await screenshot(page, `failed-${slug}-${name.toLowerCase()}`).catch(() => undefined);
}

/**
 * Opens a browser context for dev account `index`. `options` adds context options, such as
 * `bypassCSP` for a test that injects a script (axe-core) past the service's CSP.
 */
export async function openActor(
  browser: Browser,
  stack: E2eStack,
  index: number,
  name: string,
  options: BrowserContextOptions = {},
): Promise<Actor> {
  const context = await browser.newContext({
    baseURL: stack.url,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  context.setDefaultTimeout(UI_TIMEOUT);
  const address = await installTestWallet(context, { rpcUrl: stack.rpcUrl, addressIndex: index });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.warn(`[e2e] ${name}'s page: ${error.message}`));
  let connected = false;
  opened.push({ name, page });
  // The wallet panel says who is connected: by name on a collective's pages, else by short address; the
  // full address is its title either way.
  const connectedAs = page.locator(`.wallet [title="${address}" i]`).filter({ hasText: `${WALLET_NAME}: ` });
  return {
    name,
    address,
    page,
    context,
    async visit(path) {
      await page.goto(path);
      if (!connected) {
        // Through the wallet panel, by the name the wallet announced over EIP-6963.
        await page.getByRole("button", { name: `Connect ${WALLET_NAME}` }).click();
        connected = true;
      }
      await see(connectedAs);
    },
  };
}

/**
 * Waits for `after` (what the page shows once the transaction's effect is indexed), failing fast
 * if the transaction's status line says it failed. For actions whose controls leave the page
 * as soon as their effect arrives, so their own status line may never be seen.
 */
export async function settles(page: Page, after: Locator): Promise<void> {
  const failed = page.getByRole("status").filter({ hasText: /^Failed:/ });
  await see(after.or(failed));
  if (await failed.first().isVisible())
    throw new Error(`The transaction failed: ${await failed.first().textContent()}`);
}

/** Waits for a transaction's status line to say it was confirmed, and fails fast if it failed. */
export async function confirmed(page: Page, scope: Locator | Page = page, text: string | RegExp = /Confirmed\./) {
  const status = scope.getByRole("status").filter({ hasText: /Failed:|\(transaction 0x/ });
  await see(status);
  const said = (await status.first().textContent()) ?? "";
  if (said.startsWith("Failed:")) throw new Error(`The transaction failed: ${said}`);
  await see(scope.getByRole("status").filter({ hasText: text }));
}
