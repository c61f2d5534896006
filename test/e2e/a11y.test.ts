/**
 * Accessibility of the web client in Chromium, against the whole local stack with a member's
 * wallet connected: every page (and the new-proposal form with each kind) has no WCAG 2.0/2.1
 * A or AA violation that axe-core finds, at desktop size and at phone width, a title of its own
 * and its status lines rendered before they speak; at phone width no page scrolls sideways (each
 * is saved as test-results/e2e/phone-<page>.png) and the dev accounts open within the screen;
 * and a newcomer applies to join with the keyboard alone, the skip link first, the focus visible
 * (an outline of 3:1 or more) at every step and never dropped to the body.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  axeViolations,
  describeViolations,
  focused,
  hiddenLiveRegions,
  sidewaysOverflow,
  type Focused,
} from "./helpers/a11y.js";
import { browserAvailable, launchBrowser, screenshot } from "./helpers/browser.js";
import { startE2eStack, type E2eStack } from "./helpers/stack.js";
import { openActor, screenshotFailure, see, shortPattern, UI_TIMEOUT, type Actor } from "./helpers/ui.js";

/** Dev accounts: Ada is Rizom's largest member; Mo (13) is not a member of Rizom and applies. */
const ADA = 1;
const MO = 13;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** A page of the web client, and what shows once it has loaded. */
interface Stop {
  name: string;
  path: string;
  ready: (page: Page) => Locator;
  /** What to do on the page before checking it (choose a kind of proposal). */
  then?: (page: Page) => Promise<void>;
}

const heading = (name: string | RegExp) => (page: Page) => page.getByRole("heading", { name, exact: true });
/** The kinds of the new-proposal form, by their options' values. */
const KINDS = ["work", "admission", "payment", "parameter", "custom"] as const;

function stops(stack: E2eStack, proposalId: string): Stop[] {
  const c = `/c/${stack.rizom}`;
  return [
    { name: "collectives", path: "/", ready: (page) => page.getByRole("link", { name: "Rizom", exact: true }) },
    { name: "create-collective", path: "/new", ready: heading("Create a collective") },
    { name: "collective-home", path: c, ready: heading("Key numbers") },
    { name: "members", path: `${c}/members`, ready: (page) => page.getByRole("table") },
    { name: "member-profile", path: `${c}/members/${stack.address(ADA)}`, ready: heading("Member Ada") },
    { name: "proposals", path: `${c}/proposals`, ready: (page) => page.locator(".cards h3 a") },
    {
      name: "proposal",
      path: `${c}/proposals/${proposalId}`,
      ready: (page) => page.getByRole("group", { name: "Your vote" }),
    },
    ...KINDS.map((kind) => ({
      name: `new-proposal-${kind}`,
      path: `${c}/proposals/new`,
      ready: (page: Page) => page.getByRole("combobox", { name: "Kind" }),
      then: async (page: Page) => {
        await page.getByRole("combobox", { name: "Kind" }).selectOption(kind);
        // The admission form lists the open applications: wait until they are there.
        if (kind === "admission")
          await page.getByRole("combobox", { name: "Application" }).getByRole("option").nth(1).waitFor({
            state: "attached",
          });
      },
    })),
    { name: "work", path: `${c}/work`, ready: (page) => page.locator(".cards .card") },
    { name: "apply", path: `${c}/apply`, ready: (page) => page.getByRole("listitem").filter({ hasText: "asks for" }) },
    { name: "stake", path: `${c}/stake`, ready: heading("Leave (ragequit)") },
    { name: "network", path: "/network", ready: heading("Links") },
    { name: "inbox", path: "/inbox", ready: (page) => page.locator(".cards .card") },
  ];
}

/** Opens `stop` with the wallet connected and waits until nothing on it is still loading. */
async function open(actor: Actor, stop: Stop) {
  const { page } = actor;
  await actor.visit(stop.path);
  await see(stop.ready(page));
  await expect.poll(() => page.getByText("Loading…").count(), { timeout: UI_TIMEOUT }).toBe(0);
  await stop.then?.(page);
}

/** Where the focus went, checked at every key press of the keyboard-only flow. */
async function expectVisibleFocus(page: Page, after: string): Promise<Focused> {
  const f = await focused(page);
  expect(f.indicated && f.onScreen, `after ${after}, the focus is on ${f.description}, which does not show it`).toBe(
    true,
  );
  if (f.outlineContrast !== null)
    expect(
      f.outlineContrast,
      `after ${after}, the focus outline of ${f.description} is too faint`,
    ).toBeGreaterThanOrEqual(3);
  return f;
}

/** What every page must pass besides axe: live regions ready to speak, and its own title. */
async function expectPageBasics(page: Page, where: string) {
  const hidden = await hiddenLiveRegions(page);
  expect.soft(hidden, `${where}: live regions not rendered, so their first change goes unannounced`).toEqual([]);
  const title = await page.title();
  expect.soft(title, `${where}: the document's title says which page this is`).toMatch(/. · Rhizome$/);
}

/** Presses `key` (Tab or Shift+Tab) until the focus is on an element whose text matches `text`. */
async function tabTo(page: Page, text: string | RegExp, key = "Tab", max = 40): Promise<Focused> {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await expectVisibleFocus(page, `${key} towards ${String(text)}`);
    if (typeof text === "string" ? f.text === text : text.test(f.text)) return f;
    passed.push(f.description);
  }
  throw new Error(`${max} presses of ${key} did not reach ${String(text)}; passed ${passed.join(", ")}`);
}

describe.skipIf(!browserAvailable("a11y.test.ts"))("the web client's accessibility, in the browser", () => {
  let stack: E2eStack;
  let browser: Browser;
  let ada: Actor;
  let tour: Stop[];
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startE2eStack(), launchBrowser()]);
    // The service's CSP allows only its own scripts; axe-core is injected past it, in tests only.
    ada = await openActor(browser, stack, ADA, "Ada", { bypassCSP: true });
    ada.page.on("console", (message) => {
      if (message.type() === "error") console.warn(`[e2e] Ada's console: ${message.text()}`);
    });
    // A proposal open for voting, so its page shows the vote form too.
    const response = await fetch(`${stack.url}/api/collectives/${stack.rizom}/proposals?state=active`);
    const { items } = (await response.json()) as { items: { proposalId: string }[] };
    if (!items[0]) throw new Error("The demo has no active proposal");
    tour = stops(stack, items[0].proposalId);
  });
  beforeEach(({ onTestFailed, task }) => onTestFailed(() => screenshotFailure(task.name)));
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("has no WCAG A/AA violation on any page at desktop size", async () => {
    await ada.page.setViewportSize(DESKTOP);
    for (const stop of tour) {
      await open(ada, stop);
      const violations = await axeViolations(ada.page);
      expect.soft(violations, describeViolations(`${stop.name} at 1280×800`, violations)).toEqual([]);
      await expectPageBasics(ada.page, `${stop.name} at 1280×800`);
    }
  });

  it("has no WCAG A/AA violation and no sideways scrolling on any page at phone width", async () => {
    const { page } = ada;
    await page.setViewportSize(PHONE);
    for (const stop of tour) {
      await open(ada, stop);
      await screenshot(page, `phone-${stop.name}`);
      const violations = await axeViolations(page);
      expect.soft(violations, describeViolations(`${stop.name} at 390×844`, violations)).toEqual([]);
      const overflow = await sidewaysOverflow(page);
      expect
        .soft(
          overflow.scrollWidth,
          `${stop.name} at 390×844 scrolls sideways (${overflow.scrollWidth}px wide); sticking out: ` +
            overflow.culprits.join("; "),
        )
        .toBeLessThanOrEqual(overflow.innerWidth);
    }
  });

  it("offers the dev accounts on a phone within the screen", async () => {
    // A visitor without a wallet of their own, as on a phone: the app's dev accounts are the wallets.
    const context = await browser.newContext({ baseURL: stack.url, viewport: PHONE, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto("/");
      await page.getByText("Dev accounts").click();
      const accounts = page.locator(".dev-accounts button");
      await see(accounts);
      const outside = await accounts.evaluateAll(
        (buttons) =>
          buttons
            .filter((b) => {
              const r = b.getBoundingClientRect();
              return r.left < 0 || r.right > window.innerWidth;
            })
            .map((b) => b.textContent),
        undefined,
      );
      await screenshot(page, "phone-dev-accounts");
      expect(outside, "dev accounts off the screen's edge").toEqual([]);
      const violations = await axeViolations(page);
      expect(violations, describeViolations("the open dev accounts at 390×844", violations)).toEqual([]);
      expect((await sidewaysOverflow(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  });

  it("lets a newcomer choose a dev account and apply to join by keyboard alone", async () => {
    // A fresh visitor without an injected wallet: the app's own dev accounts are the wallets.
    const context = await browser.newContext({ baseURL: stack.url, viewport: DESKTOP });
    context.setDefaultTimeout(UI_TIMEOUT);
    const page = await context.newPage();
    const { keyboard } = page;
    try {
      await page.goto("/");
      await see(page.getByRole("link", { name: "Rizom", exact: true }));

      // The first Tab stop skips to the content; Shift+Tab from there reaches the wallet panel.
      await keyboard.press("Tab");
      expect((await expectVisibleFocus(page, "the first Tab")).text).toBe("Skip to content");
      await keyboard.press("Enter");
      await expectVisibleFocus(page, "Enter on the skip link");
      await keyboard.press("Tab");
      const inMain = await page.evaluate("document.activeElement?.closest('main') !== null");
      expect(inMain, `Tab after skipping goes into the content, not to ${(await focused(page)).description}`).toBe(
        true,
      );
      await expectVisibleFocus(page, "Tab after the skip link");
      await tabTo(page, "Dev accounts", "Shift+Tab");
      await keyboard.press("Enter");
      // Escape closes the menu again and leaves the focus on its toggle.
      await tabTo(page, "Ada");
      await keyboard.press("Escape");
      expect(await page.locator("details.dev-accounts").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect((await expectVisibleFocus(page, "Escape in the dev accounts")).text).toBe("Dev accounts");
      await keyboard.press("Enter");
      await tabTo(page, "Mo");
      await keyboard.press("Enter");
      await see(page.getByText(/^Mo \(dev account\):/));
      const mo = stack.address(MO);
      await expectVisibleFocus(page, "connecting as Mo");

      // To Rizom, then its "Apply to join" section.
      await tabTo(page, "Rizom");
      await keyboard.press("Enter");
      await see(page.getByRole("heading", { name: "Key numbers" }));
      await expectVisibleFocus(page, "opening Rizom");
      await tabTo(page, "Apply to join");
      await keyboard.press("Enter");
      await see(page.getByRole("heading", { name: "Apply to join" }));

      // Sending it empty puts the focus on the first field to fix, its error read with it.
      await tabTo(page, "Apply");
      await keyboard.press("Enter");
      const invalid = await expectVisibleFocus(page, "sending the empty form");
      expect(invalid.text).toMatch(/^Shares you ask for/);
      const described = await page.evaluate(`(() => {
        const ids = (document.activeElement.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
        return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
      })()`);
      expect(described, "the invalid field's error is its accessible description").not.toBe("");

      // The form: type, go back with Shift+Tab to correct the shares, submit with Space.
      await keyboard.type("12");
      await tabTo(page, /^Your pitch/);
      const pitch = "I keep the books of two co-ops and would like to help with Rizom's.";
      await keyboard.type(pitch);
      await keyboard.press("Shift+Tab");
      await expectVisibleFocus(page, "Shift+Tab back to the shares");
      await keyboard.press("ControlOrMeta+A");
      await keyboard.type("15");
      await tabTo(page, "Apply");
      await keyboard.press("Space");
      await see(page.getByRole("status").filter({ hasText: /Your application is in/ }));
      // The button keeps the focus while the transaction runs, so the user is where they were.
      expect((await expectVisibleFocus(page, "sending the application")).text).toBe("Apply");
      await see(
        page
          .getByRole("listitem")
          .filter({ hasText: shortPattern(mo) })
          .filter({ hasText: "asks for 15 shares" }),
      );
      expect(await page.getByRole("textbox", { name: "Shares you ask for" }).inputValue()).toBe("");
      await screenshot(page, "keyboard-apply");
    } finally {
      await context.close();
    }
  });
});
