/**
 * End to end in Chromium against the whole local stack: a newcomer joins, a work item is
 * commissioned, delivered and settled, an open bounty is taken, delivered and disputed by
 * members' objections, a proposer withdraws a proposal before its vote, and members veto a passed
 * proposal while it waits to run, every step through the web client and the injected test wallet.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { paymentProposal } from "@rhizome/contracts";
import { parseEther } from "viem";
import { governance, Vote } from "../../scripts/demo/governance.js";
import { DEMO_SETTINGS } from "../../scripts/demo/rizom.js";
import { browserAvailable, launchBrowser, screenshot } from "./helpers/browser.js";
import { passProposal, propose } from "./helpers/governance.js";
import { startE2eStack, type E2eStack } from "./helpers/stack.js";
import {
  confirmed,
  figure,
  openActor,
  screenshotFailure,
  see,
  settles,
  shortPattern,
  type Actor,
} from "./helpers/ui.js";

/** Dev accounts: Ada, Bo and Cai hold most votes; Dee is a member; 14 has never held shares. */
const ADA = 1;
const BO = 2;
const CAI = 3;
const DEE = 4;
const ELI = 5;
const NEWCOMER = 14;

describe.skipIf(!browserAvailable("governance.test.ts"))("governing Rizom in the browser", () => {
  let stack: E2eStack;
  let browser: Browser;
  let members: Actor[];
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startE2eStack(), launchBrowser()]);
    members = await Promise.all([
      openActor(browser, stack, ADA, "Ada"),
      openActor(browser, stack, BO, "Bo"),
      openActor(browser, stack, CAI, "Cai"),
    ]);
  });
  beforeEach(({ onTestFailed, task }) => onTestFailed(() => screenshotFailure(task.name)));
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("admits a newcomer who applied: sponsored, voted, queued, executed, shares shown", async () => {
    await stack.fund(NEWCOMER);
    const newcomer = await openActor(browser, stack, NEWCOMER, "Nia");
    const { page } = newcomer;
    await newcomer.visit(`/c/${stack.rizom}/apply`);
    await page.getByRole("textbox", { name: "Shares you ask for" }).fill("30");
    await page.getByRole("textbox", { name: /Your pitch/ }).fill("I run community workshops; I'd like to join.");
    await page.getByRole("button", { name: "Apply" }).click();
    await confirmed(page, page, /Your application is in/);
    const application = page.getByRole("listitem").filter({ hasText: shortPattern(newcomer.address) });
    await see(application.filter({ hasText: "asks for 30 shares" }));

    const [ada] = members as [Actor];
    const title = "Admit Nia with 30 shares";
    const proposal = await propose(
      ada,
      stack.rizom,
      "Admit an applicant",
      [
        { label: "Application", option: shortPattern(newcomer.address) },
        { label: "Shares to mint", value: "30" },
        { label: "Description", value: title },
      ],
      title,
    );
    await see(
      ada.page.getByRole("listitem").filter({
        hasText: new RegExp(
          `^Mint 30 shares to ${shortPattern(newcomer.address).source}: admission of applicant #\\d+$`,
          "i",
        ),
      }),
    );
    await passProposal(members, stack, proposal, ["Welcome, Nia", "Workshops are welcome", "Yes"]);

    await newcomer.visit(`/c/${stack.rizom}/members`);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: shortPattern(newcomer.address) }) });
    await see(row);
    expect(await row.getByRole("cell").nth(1).textContent()).toBe("30");
    await screenshot(page, "admission");
  });

  it("commissions work that its contributor delivers and that settles into shares", async () => {
    const dee = await openActor(browser, stack, DEE, "Dee");
    const { page } = dee;
    const profile = `/c/${stack.rizom}/members/${dee.address}`;
    const sharesNow = async () => {
      const text = await figure(page, "Shares").textContent();
      return Number(/^([\d,]+)/.exec(text ?? "")?.[1]?.replaceAll(",", ""));
    };
    await dee.visit(profile);
    await see(page.getByRole("heading", { name: "Member Dee" }));
    const before = await sharesNow();

    const [ada] = members as [Actor];
    const title = "Accessibility audit of the member dashboards";
    const proposal = await propose(
      ada,
      stack.rizom,
      "Work",
      [
        { label: "Title", value: title },
        { label: "Link to the spec", value: "https://rizom.example/specs/a11y" },
        { label: "Principle", option: "Technology as infrastructure" },
        { label: "Reward in shares", value: "20" },
        { label: "Contributor (empty: an open bounty)", value: dee.address },
        { label: "Why (the proposal's description)", value: `Commission: ${title}` },
      ],
      `Commission: ${title}`,
    );
    await passProposal(members, stack, proposal, ["Needed before the next season"]);

    await dee.visit(`/c/${stack.rizom}/work`);
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
    await see(card.getByText("commissioned", { exact: true }));
    await card.getByRole("textbox", { name: "Link to the delivery" }).fill("https://git.rizom.example/a11y-audit");
    await card.getByRole("button", { name: "Deliver" }).click();
    await confirmed(page, card);
    await see(card.getByText("delivered", { exact: true }));

    // The review window passes with no objection; then anyone may settle.
    await stack.advance(DEMO_SETTINGS.reviewWindow + 1);
    await dee.visit(`/c/${stack.rizom}/work`);
    await card.getByRole("button", { name: "Settle" }).click();
    await confirmed(page, card);
    await see(card.getByText("accepted", { exact: true }));

    await dee.visit(profile);
    await see(page.getByRole("listitem").filter({ hasText: `${title} — accepted, 20 shares` }));
    expect(await sharesNow()).toBe(before + 20);
    await screenshot(page, "work");
  });

  it("lets the proposer, and no one else, cancel a proposal before its vote opens", async () => {
    const [ada, bo] = members as [Actor, Actor];
    const title = "Pay for a second printer";
    const proposal = await propose(
      ada,
      stack.rizom,
      "Payment",
      [
        { label: "Recipient", value: bo.address },
        { label: "Amount in ETH", value: "0.2" },
        { label: "Description", value: title },
      ],
      title,
    );
    const cancel = (actor: Actor) => actor.page.getByRole("button", { name: "Cancel proposal" });
    await see(ada.page.getByText("pending", { exact: true }));
    await see(cancel(ada));

    // Another member sees the pending proposal without the button.
    await bo.visit(proposal);
    await see(bo.page.getByText("pending", { exact: true }));
    expect(await cancel(bo).count()).toBe(0);

    // The demo's vote opens a second after the proposal: mine the cancel at its snapshot, before that.
    const id = proposal.split("/").pop() ?? "";
    const { snapshot } = (await (
      await fetch(`${stack.url}/api/collectives/${stack.rizom}/proposals/${id}`)
    ).json()) as { snapshot: number };
    await stack.clients.publicClient.request({
      method: "evm_setNextBlockTimestamp" as never,
      params: [`0x${snapshot.toString(16)}`] as never,
    });
    await cancel(ada).click();
    await confirmed(ada.page, ada.page, /The proposal is canceled\./);
    await see(ada.page.getByText("canceled", { exact: true }));
    await see(ada.page.getByRole("listitem").filter({ hasText: /^Canceled: / }));
    expect(await cancel(ada).count()).toBe(0);
  });

  it("lets a member take an open bounty and deliver it, and members' objections dispute it", async () => {
    const [ada, bo] = members as [Actor, Actor];
    const eli = await openActor(browser, stack, ELI, "Eli");
    const board = `/c/${stack.rizom}/work`;
    const title = "Partner map of aligned collectives";
    const card = (page: Page) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });

    await eli.visit(board);
    const mine = card(eli.page);
    await see(mine.getByText("Open bounty: any member may take it."));
    await mine.getByRole("button", { name: "Take this bounty" }).click();
    await confirmed(eli.page, mine);
    // Eli, as the demo's profiles name him, with his address on hover.
    await see(mine.getByText(/^Contributor Eli/).locator(`[title="${eli.address}" i]`));
    await mine.getByRole("textbox", { name: "Link to the delivery" }).fill("https://docs.rizom.example/guide-es");
    await mine.getByRole("button", { name: "Deliver" }).click();
    await confirmed(eli.page, mine);
    await see(mine.getByText("delivered", { exact: true }));
    // No one objects to their own work.
    expect(await mine.getByRole("button", { name: "Object" }).count()).toBe(0);

    for (const [member, reason] of [
      [ada, "The glossary is missing"],
      [bo, "Half the examples are untranslated"],
    ] as const) {
      await member.visit(board);
      const theirs = card(member.page);
      await theirs.getByRole("textbox", { name: "Why you object" }).fill(reason);
      await theirs.getByRole("button", { name: "Object" }).click();
      await confirmed(member.page, theirs);
    }
    // A second objection is refused, in words, before the wallet is asked.
    const adas = card(ada.page);
    await adas.getByRole("textbox", { name: "Why you object" }).fill("Still missing");
    await adas.getByRole("button", { name: "Object" }).click();
    await see(adas.getByRole("status").filter({ hasText: "Failed: You have already objected to this work." }));

    // The objections reach the threshold; once the review window is over, settling disputes it.
    await bo.visit(board);
    const figures = card(bo.page).getByText(/objections [\d,]+ of [\d,]+ needed to dispute/);
    await see(figures);
    const [weight, needed] = [...((await figures.textContent()) ?? "").matchAll(/([\d,]+) (?:of|needed)/g)].map((m) =>
      Number(m[1]?.replaceAll(",", "")),
    );
    expect(weight).toBeGreaterThanOrEqual(needed ?? Infinity);
    await stack.advance(DEMO_SETTINGS.reviewWindow + 1);
    await eli.visit(board);
    await mine.getByRole("button", { name: "Settle" }).click();
    await confirmed(eli.page, mine);
    await see(mine.getByText("disputed", { exact: true }));
    await screenshot(eli.page, "bounty-disputed");
  });

  it("lets members object to a passed proposal while it waits, and enough objections veto it", async () => {
    const chain = governance(stack.clients, stack.demo.rizom.modules, DEMO_SETTINGS);
    const adaWallet = stack.clients.wallets[ADA];
    if (!adaWallet) throw new Error("No dev account for Ada");
    const title = "Pay Ada a bonus from the treasury";
    const actions = paymentProposal(
      stack.demo.rizom.modules,
      { to: stack.address(ADA), amount: parseEther("1") },
      title,
    );
    const id = await chain.propose(adaWallet, actions);
    await chain.vote(adaWallet, id, Vote.For);
    await stack.advance(DEMO_SETTINGS.votingPeriod + 1);
    const [ada, bo, cai] = members as [Actor, Actor, Actor];
    const proposal = `/c/${stack.rizom}/proposals/${id}`;
    await ada.visit(proposal);
    await ada.page.getByRole("button", { name: "Queue" }).click();
    await settles(ada.page, ada.page.getByText("queued", { exact: true }));

    // Cai objects with a reason: counted, not yet enough.
    await cai.visit(proposal);
    const objections = cai.page.getByRole("heading", { name: "Objections" }).locator("..");
    await see(objections.getByText(/^0 of [\d,]+ needed to cancel it\.$/));
    await cai.page.getByRole("textbox", { name: "Why you object (optional)" }).fill("A bonus needs a policy first");
    await cai.page.getByRole("button", { name: "Object to it" }).click();
    await confirmed(cai.page, cai.page, /Your objection is recorded\./);
    await see(cai.page.getByRole("listitem").filter({ hasText: /objected with 180: A bonus needs a policy first$/ }));
    await see(cai.page.getByText("queued", { exact: true }));

    // Bo's objection reaches the threshold: the proposal is cancelled for good.
    await bo.visit(proposal);
    await bo.page.getByRole("button", { name: "Object to it" }).click();
    await settles(bo.page, bo.page.getByText("canceled", { exact: true }));
    await see(bo.page.getByText(/Members vetoed it during the grace period: it will not run\./));
    await see(bo.page.getByRole("listitem").filter({ hasText: /^Vetoed by members: / }));
    await stack.advance(DEMO_SETTINGS.timelockDelay + 1);
    await bo.visit(proposal);
    await see(bo.page.getByText("canceled", { exact: true }));
    expect(await bo.page.getByRole("button", { name: "Execute" }).count()).toBe(0);
    await screenshot(bo.page, "veto");
  });
});
