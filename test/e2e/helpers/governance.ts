/**
 * A governance round through the web client: propose with the New proposal form, vote on the
 * proposal's page, and after the voting period queue and execute with its buttons.
 */
import type { Page } from "playwright-core";
import { DEMO_SETTINGS } from "../../../scripts/demo/rizom.js";
import type { E2eStack } from "./stack.js";
import { confirmed, see, settles, type Actor } from "./ui.js";

/** The proposal's state as its page shows it (a badge with the state's name). */
const stateBadge = (page: Page, state: string) => page.getByText(state, { exact: true });

export type Field = { label: string; value: string } | { label: string; option: string | RegExp };

/** Fills the New proposal form for `kind` (an option of "Kind") and proposes; returns the proposal's path. */
export async function propose(proposer: Actor, rizom: string, kind: string, fields: Field[], title: string) {
  const { page } = proposer;
  await proposer.visit(`/c/${rizom}/proposals/new`);
  await page.getByRole("combobox", { name: "Kind" }).selectOption({ label: kind });
  for (const field of fields) {
    if ("value" in field) {
      await page.getByRole("textbox", { name: field.label, exact: true }).fill(field.value);
    } else {
      const select = page.getByRole("combobox", { name: field.label, exact: true });
      // Options are never "visible" to Playwright: wait for the one wanted to be there.
      const option = select.getByRole("option", { name: field.option }).first();
      await option.waitFor({ state: "attached" });
      const label = await option.textContent();
      await select.selectOption({ label: label ?? "" });
    }
  }
  await page.getByRole("button", { name: "Propose" }).click();
  // Once confirmed the form goes on to the list, where the new proposal appears once indexed.
  const link = page.getByRole("link", { name: title, exact: true });
  const failed = page.getByRole("status").filter({ hasText: /^Failed:/ });
  await see(link.or(failed));
  if (await failed.isVisible()) throw new Error(`Proposing failed: ${await failed.textContent()}`);
  await link.click();
  await page.waitForURL(/\/proposals\/\d+$/);
  return new URL(page.url()).pathname;
}

/** Opens the proposal as `voter`, casts a vote for with a reason, and waits for it to count. */
export async function voteFor(voter: Actor, proposal: string, reason: string) {
  const { page } = voter;
  await voter.visit(proposal);
  await see(stateBadge(page, "active"));
  await page.getByRole("radio", { name: "for" }).check();
  await page.getByRole("textbox", { name: "Reason (optional)" }).fill(reason);
  await page.getByRole("button", { name: "Cast vote" }).click();
  await confirmed(page, page, /Your vote is recorded\./);
  await see(page.getByRole("listitem").filter({ hasText: reason }));
}

/**
 * Waits out the voting period, then as `runner` queues the proposal, waits out the timelock's
 * grace period and executes it, each through the proposal page's buttons.
 */
export async function queueAndExecute(runner: Actor, stack: E2eStack, proposal: string) {
  const { page } = runner;
  await stack.advance(DEMO_SETTINGS.votingPeriod + 1);
  await runner.visit(proposal);
  await see(stateBadge(page, "succeeded"));
  await page.getByRole("button", { name: "Queue" }).click();
  await settles(page, stateBadge(page, "queued"));
  await stack.advance(DEMO_SETTINGS.timelockDelay + 1);
  // The page learns that the grace period is over from the index: open it afresh.
  await runner.visit(proposal);
  const execute = page.getByRole("button", { name: "Execute" });
  await see(page.getByText("The grace period is over: anyone can run it."));
  await execute.click();
  await settles(page, stateBadge(page, "executed"));
  // The outcome stays in view once the proposal is no longer queued.
  await see(page.getByRole("status").filter({ hasText: /^Confirmed\. \(transaction 0x/ }));
}

/** A whole round: proposed by the first of `members`, voted for by all, queued and executed. */
export async function passProposal(
  members: Actor[],
  stack: E2eStack,
  proposal: string,
  reasons: string[] = [],
): Promise<void> {
  // The demo's voting delay is one second: a block past it opens the vote.
  await stack.advance(2);
  for (const [i, member] of members.entries()) await voteFor(member, proposal, reasons[i] ?? `${member.name} agrees`);
  const [runner] = members;
  if (!runner) throw new Error("No one to run the proposal");
  await queueAndExecute(runner, stack, proposal);
}
