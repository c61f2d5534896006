/**
 * End to end in Chromium against the whole local stack: Ada comments on a proposal and Bo replies,
 * each signing in the test wallet (EIP-712, no transaction), the list shows the thread's new count,
 * and Ada finds Bo's reply in her inbox and follows it back. Someone who is not a member is
 * refused in the service's words and keeps what they typed. Work Eli delivers arrives in Ada's
 * inbox to review, with the time left before it is accepted, and on the board she comments on it,
 * edits her comment and deletes it.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser, screenshot } from "./helpers/browser.js";
import { startE2eStack, type E2eStack } from "./helpers/stack.js";
import { confirmed, openActor, screenshotFailure, see, type Actor } from "./helpers/ui.js";

/** Dev accounts: Ada and Bo are members, Eli takes the open bounty, 14 has never held shares. */
const ADA = 1;
const BO = 2;
const ELI = 5;
const NEWCOMER = 14;

/** The comment in the thread whose text contains `text`. */
const comment = (page: Page, text: string) =>
  page.getByRole("region", { name: "Discussion" }).locator("li.comment").filter({ hasText: text }).last();

describe.skipIf(!browserAvailable("discussion.test.ts"))("discussing and the inbox in the browser", () => {
  let stack: E2eStack;
  let browser: Browser;
  let ada: Actor;
  let bo: Actor;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startE2eStack(), launchBrowser()]);
    [ada, bo] = await Promise.all([openActor(browser, stack, ADA, "Ada"), openActor(browser, stack, BO, "Bo")]);
  });
  beforeEach(({ onTestFailed, task }) => onTestFailed(() => screenshotFailure(task.name)));
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("lets a member comment, another reply, and the first find the reply in their inbox", async () => {
    const list = (await (await fetch(`${stack.url}/api/collectives/${stack.rizom}/proposals?limit=1`)).json()) as {
      items: { proposalId: string; commentCount: number; description: string }[];
    };
    const [proposal] = list.items;
    if (!proposal) throw new Error("The demo has no proposal");
    const path = `/c/${stack.rizom}/proposals/${proposal.proposalId}`;

    await ada.visit(path);
    await ada.page
      .getByRole("textbox", { name: "Your comment" })
      .fill("Shall we fund **this**? [The plan](https://rizom.example/plan)");
    await ada.page.getByRole("button", { name: "Sign and post" }).click();
    const adas = comment(ada.page, "Shall we fund this?");
    await see(adas);
    await see(adas.getByText("Ada", { exact: true }));
    expect(await adas.locator("strong").textContent()).toBe("this");
    const link = adas.getByRole("link", { name: "The plan" });
    expect(await link.getAttribute("rel")).toBe("nofollow noopener");
    expect(await link.getAttribute("target")).toBe("_blank");
    await expect.poll(() => ada.page.getByRole("textbox", { name: "Your comment" }).inputValue()).toBe("");

    await bo.visit(path);
    await comment(bo.page, "Shall we fund this?").getByRole("button", { name: "Reply" }).click();
    await bo.page.getByRole("textbox", { name: "Your reply" }).fill("Yes, once the numbers are in.");
    await bo.page.getByRole("button", { name: "Sign and reply" }).click();
    // The reply sits under Ada's comment, in its list of replies.
    await see(comment(bo.page, "Shall we fund this?").locator(".replies").getByText("Yes, once the numbers are in."));
    await screenshot(bo.page, "thread-reply");

    // The proposals list counts both.
    await bo.visit(`/c/${stack.rizom}/proposals`);
    const count = proposal.commentCount + 2;
    await see(bo.page.getByTitle(`${count} comments`));

    // Ada's inbox holds Bo's reply, linking back to the proposal.
    await ada.visit(`/c/${stack.rizom}`);
    await ada.page.getByRole("link", { name: /^Inbox/ }).click();
    await ada.page.waitForURL(/\/inbox$/);
    const reply = ada.page.getByRole("listitem").filter({ hasText: "Yes, once the numbers are in." });
    await see(reply);
    expect(await reply.locator(".badge").textContent()).toBe("Reply");
    await reply.getByRole("link").click();
    await ada.page.waitForURL((url) => url.pathname === path);
    await see(comment(ada.page, "Yes, once the numbers are in."));
  });

  it("refuses a comment from someone who is not a member, in words, keeping the text", async () => {
    const newcomer = await openActor(browser, stack, NEWCOMER, "Newcomer");
    const list = (await (await fetch(`${stack.url}/api/collectives/${stack.rizom}/proposals?limit=1`)).json()) as {
      items: { proposalId: string }[];
    };
    await newcomer.visit(`/c/${stack.rizom}/proposals/${list.items[0]?.proposalId}`);
    const box = newcomer.page.getByRole("textbox", { name: "Your comment" });
    await box.fill("Can I join the discussion?");
    await newcomer.page.getByRole("button", { name: "Sign and post" }).click();
    const alert = newcomer.page.getByRole("region", { name: "Discussion" }).getByRole("alert");
    await see(alert);
    expect(await alert.textContent()).toMatch(/member/i);
    expect(await box.inputValue()).toBe("Can I join the discussion?");
  });

  it("puts work delivered by another member in a member's inbox, with the time left to review it", async () => {
    const eli = await openActor(browser, stack, ELI, "Eli");
    const title = "Partner map of aligned collectives";
    await ada.visit("/inbox");
    await see(ada.page.getByRole("heading", { name: "Inbox", level: 1 }));
    await see(ada.page.getByRole("listitem").first());
    expect(await ada.page.getByRole("listitem").filter({ hasText: title }).count()).toBe(0);

    await eli.visit(`/c/${stack.rizom}/work`);
    const card = eli.page.getByRole("listitem").filter({ has: eli.page.getByRole("heading", { name: title }) });
    await card.getByRole("button", { name: "Take this bounty" }).click();
    await confirmed(eli.page, card);
    await card.getByRole("textbox", { name: "Link to the delivery" }).fill("https://docs.rizom.example/partners");
    await card.getByRole("button", { name: "Deliver" }).click();
    await confirmed(eli.page, card);
    await stack.indexed();

    // The inbox updates from the service's live events, without a reload.
    const review = ada.page.getByRole("listitem").filter({ hasText: title });
    await see(review);
    expect(await review.locator(".badge").textContent()).toBe("Review delivered work");
    const deadline = review.locator("time");
    expect(await deadline.textContent()).toBe("closes in 2 days");
    expect(await deadline.getAttribute("title")).toMatch(/\d{4}/);
    expect(await review.getByRole("link").getAttribute("href")).toBe(`/c/${stack.rizom}/work`);
    await screenshot(ada.page, "inbox");

    // On the board, the work's thread folds open under it: Ada asks, edits and withdraws her question.
    await review.getByRole("link").click();
    const work = ada.page.getByRole("listitem").filter({ has: ada.page.getByRole("heading", { name: title }) });
    await work.getByText("Discussion (0 comments)").click();
    await work.getByRole("textbox", { name: "Your comment" }).fill("Which partners are on it?");
    await work.getByRole("button", { name: "Sign and post" }).click();
    await see(comment(ada.page, "Which partners"));
    // Followed by its id from here on, since a deleted comment loses its text.
    const asked = ada.page.locator(`#${await comment(ada.page, "Which partners").getAttribute("id")}`);
    await see(work.getByTitle("1 comment"));
    await asked.getByRole("button", { name: "Edit" }).click();
    await asked.getByRole("textbox", { name: "Edit your comment" }).fill("Which partners are on the map?");
    await asked.getByRole("button", { name: "Sign and save" }).click();
    await see(asked.getByText("edited", { exact: true }));
    await see(asked.getByText("Which partners are on the map?"));
    ada.page.once("dialog", (dialog) => void dialog.accept());
    await asked.getByRole("button", { name: "Delete" }).click();
    await see(asked.getByText("This comment was deleted by its author."));
    await see(work.getByTitle("0 comments"));
  });
});
