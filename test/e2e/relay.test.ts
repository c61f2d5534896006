/**
 * End to end in Chromium against the whole local stack, whose relay is paid by dev account 19: a
 * member with no ETH at all votes with a reason and delegates through the web client, and another
 * objects to delivered work, each signing in the test wallet while the relay sends each
 * transaction, and sees the result on the page. Their balances stay zero; the relayer's pays.
 * "Send it myself" is one click away.
 */
import type { Browser } from "playwright-core";
import type { Hex } from "viem";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { governance } from "../../scripts/demo/governance.js";
import { DEMO_SETTINGS } from "../../scripts/demo/rizom.js";
import { browserAvailable, launchBrowser } from "./helpers/browser.js";
import { startE2eStack, type E2eStack } from "./helpers/stack.js";
import { confirmed, openActor, screenshotFailure, see } from "./helpers/ui.js";

/** Ada proposes; Gus (40 shares) has voted for nothing, and is left without ETH. */
const ADA = 1;
const BO = 2;
/** Dee votes with her own shares: she had voting power when Cai delivered the ownership dashboard. */
const DEE = 4;
const GUS = 7;
const RELAYER = 19;

describe.skipIf(!browserAvailable("relay.test.ts"))("taking part without gas, through the relay", () => {
  let stack: E2eStack;
  let browser: Browser;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startE2eStack(), launchBrowser()]);
  });
  beforeEach(({ onTestFailed, task }) => onTestFailed(() => screenshotFailure(task.name)));
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("lets a member with no ETH vote and delegate, signing only", async () => {
    await stack.fund(GUS, "0");
    const relayerBefore = await stack.balance(RELAYER);
    const { propose } = governance(stack.clients, stack.demo.rizom.modules, DEMO_SETTINGS);
    const ada = stack.clients.wallets[ADA];
    if (!ada) throw new Error("No dev account for Ada");
    const treasury = stack.demo.rizom.modules.treasury;
    const proposalId = await propose(ada, {
      targets: [treasury],
      values: [0n],
      calldatas: ["0x" as Hex],
      description: "Relayed: a vote that costs its voter nothing",
    });
    await stack.indexed();

    const gus = await openActor(browser, stack, GUS, "Gus");
    const { page } = gus;
    await gus.visit(`/c/${stack.rizom}/proposals/${proposalId}`);
    await see(page.getByRole("button", { name: "Send it myself" }));
    await page.getByRole("radio", { name: "against" }).check();
    await page.getByRole("textbox", { name: "Reason (optional)" }).fill("Signed, not paid for");
    await page.getByRole("button", { name: "Cast vote" }).click();
    await confirmed(page, page, /Your vote is recorded\./);
    await see(page.getByRole("listitem").filter({ hasText: "Signed, not paid for" }));

    await gus.visit(`/c/${stack.rizom}/stake`);
    await page.getByRole("textbox", { name: "Delegate your votes to" }).fill(stack.address(BO));
    await page.getByRole("button", { name: "Delegate", exact: true }).click();
    await confirmed(page);
    await see(page.getByText("Your shares vote through Bo."));

    expect(await stack.balance(GUS)).toBe(0n);
    expect(await stack.balance(RELAYER)).toBeLessThan(relayerBefore);
  });

  it("lets a member with no ETH object to delivered work, signing only", async () => {
    await stack.fund(DEE, "0");
    const relayerBefore = await stack.balance(RELAYER);
    const dee = await openActor(browser, stack, DEE, "Dee");
    const { page } = dee;
    await dee.visit(`/c/${stack.rizom}/work`);
    // The demo's last delivery, still under review.
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Ownership dashboard" }) });
    await see(card.getByRole("button", { name: "Send it myself" }));
    await card.getByRole("textbox", { name: "Why you object" }).fill("The figures leave out the token payments");
    await card.getByRole("button", { name: "Object" }).click();
    await confirmed(page, card);
    // Her weight counts: the card's objections are no longer nil.
    await see(card.getByText(/objections [1-9][\d,]* of [\d,]+ needed to dispute/));

    expect(await stack.balance(DEE)).toBe(0n);
    expect(await stack.balance(RELAYER)).toBeLessThan(relayerBefore);
  });
});
