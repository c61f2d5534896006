/**
 * Accessibility checks run inside the page: axe-core's WCAG 2.0/2.1 A and AA rules, whether the
 * page scrolls sideways, and whether the focused element shows a focus indicator. Each returns
 * plain data and a readable description, so a failing assertion says what is wrong and where.
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
/** axe-core's browser build, injected with page.addScriptTag. */
export const AXE_PATH = require.resolve("axe-core/axe.min.js");
/** The WCAG 2.0 and 2.1 level A and AA rules: what the web client promises to meet. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/**
 * axe-core's violations of the WCAG rules on the page as it is now. Runs as a string in the
 * page, so no transpiled helper of this file leaks into the browser.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate("typeof window.axe === 'object'");
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  const options = { runOnly: { type: "tag", values: WCAG_TAGS }, resultTypes: ["violations"] };
  const result = (await page.evaluate(`axe.run(document, ${JSON.stringify(options)}).then((r) => ({
    checked: r.passes.length + r.violations.length,
    violations: r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary ?? "" })),
    })),
  }))`)) as { checked: number; violations: Violation[] };
  // No rule applied at all would mean an empty page (still loading, or crashed), not a clean one.
  if (result.checked === 0) throw new Error("axe-core applied no rule: is the page empty?");
  return result.violations;
}

/** One line per violation and one per offending element: `color-contrast (serious): … — .muted`. */
export function describeViolations(where: string, violations: Violation[]): string {
  const lines = violations.flatMap((v) => [
    `  ${v.id} (${v.impact ?? "?"}): ${v.help}`,
    ...v.nodes.map((n) => `    at ${n.target}${n.summary ? ` — ${n.summary.replace(/\s+/g, " ")}` : ""}`),
  ]);
  return `${where}: ${violations.length} WCAG violation(s)\n${lines.join("\n")}`;
}

export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** The outermost elements sticking out past the right edge, outside any scrolling container. */
  culprits: string[];
}

/** How wide the document is against the window, and which elements make it wider. */
export async function sidewaysOverflow(page: Page): Promise<Overflow> {
  return (await page.evaluate(`(() => {
    const width = window.innerWidth;
    const name = (el) =>
      el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      [...el.classList].map((c) => "." + c).join("");
    const scrollsInside = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const overflow = getComputedStyle(p).overflowX;
        if (overflow === "auto" || overflow === "scroll" || overflow === "hidden") return true;
      }
      return false;
    };
    const wide = [...document.body.querySelectorAll("*")].filter(
      (el) => el.getBoundingClientRect().right > width + 0.5 && !scrollsInside(el),
    );
    const outermost = wide.filter((el) => !wide.includes(el.parentElement));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: width,
      culprits: outermost.slice(0, 8).map((el) => {
        const path = [];
        for (let e = el; e && e !== document.body && path.length < 4; e = e.parentElement) path.unshift(name(e));
        return path.join(" > ") + " (right edge " + Math.round(el.getBoundingClientRect().right) + "px)";
      }),
    };
  })()`)) as Overflow;
}

export interface Focused {
  /** `a "Skip to content"`: the element's tag and text (a control's label), for messages. */
  description: string;
  tag: string;
  text: string;
  /** A computed outline (style not none, width > 0) or box-shadow. */
  indicated: boolean;
  /**
   * The outline's contrast with the background around it (the nearest ancestor's opaque
   * background), or null when there is no outline; WCAG 1.4.11 asks 3:1 of a focus indicator.
   */
  outlineContrast: number | null;
  /** At least partly inside the viewport. */
  onScreen: boolean;
}

/** The focused element and whether it shows that it has the focus. */
export async function focused(page: Page): Promise<Focused> {
  return (await page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement)
      return { description: "nothing (the body)", tag: "body", text: "", indicated: false, outlineContrast: null, onScreen: false };
    const rgba = (color) => {
      if (!color.startsWith("rgb")) return null;
      const [r, g, b, a = 1] = (color.match(/[0-9.]+/g) || []).map(Number);
      return [r, g, b, a];
    };
    const luminance = ([r, g, b]) => {
      const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const backgroundAround = () => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const color = rgba(getComputedStyle(p).backgroundColor);
        if (color && color[3] === 1) return color;
      }
      return [255, 255, 255, 1];
    };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const outlineColor = outline ? rgba(style.outlineColor) : null;
    let outlineContrast = null;
    if (outlineColor) {
      const [a, b] = [luminance(outlineColor), luminance(backgroundAround())];
      outlineContrast = Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100;
    }
    const shadow = style.boxShadow !== "none";
    const rect = el.getBoundingClientRect();
    const onScreen =
      rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 &&
      rect.top < window.innerHeight && rect.left < window.innerWidth;
    // A form control by its label, anything else by its own text.
    const text = ((el.labels && el.labels[0] ? el.labels[0].textContent : "") || el.getAttribute("aria-label") || el.textContent || "")
      .replace(/\\s+/g, " ").trim().slice(0, 60);
    const tag = el.tagName.toLowerCase();
    return { description: tag + ' "' + text + '"', tag, text, indicated: outline || shadow, outlineContrast, onScreen };
  })()`)) as Focused;
}

/**
 * Live regions (role status or alert, aria-live) that are not rendered: a screen reader only
 * announces a change in a region that was already in the accessibility tree before it.
 */
export async function hiddenLiveRegions(page: Page): Promise<string[]> {
  return (await page.evaluate(`[...document.querySelectorAll('[role="status"], [role="alert"], [aria-live]')]
    .filter((el) => el.getClientRects().length === 0)
    .map((el) => el.tagName.toLowerCase() + [...el.classList].map((c) => "." + c).join(""))`)) as string[];
}
