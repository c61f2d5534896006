/**
 * End to end in Chromium against the whole local stack: a payment in the treasury's euro token,
 * a work item paid in it, a member's profile link, a long proposal list paged through the API's
 * cursors, and members shown by the names their profiles give, a name that is markup shown as the
 * text it is — each through the web client and the injected test wallet.
 */
import { paymentProposal, type CollectiveModules } from "@rhizome/contracts";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { erc20Abi, parseEther, type Address } from "viem";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { governance, Vote } from "../../scripts/demo/governance.js";
import { DEMO_SETTINGS } from "../../scripts/demo/rizom.js";
import { browserAvailable, launchBrowser, screenshot } from "./helpers/browser.js";
import { passProposal, propose } from "./helpers/governance.js";
import { startE2eStack, type E2eStack } from "./helpers/stack.js";
import { confirmed, openActor, screenshotFailure, see, short, type Actor } from "./helpers/ui.js";

/** Dev accounts: Ada, Bo and Cai hold most votes; Dee is a member; 15 has never held shares. */
const ADA = 1;
const BO = 2;
const CAI = 3;
const DEE = 4;
const OUTSIDER = 15;

describe.skipIf(!browserAvailable("forms.test.ts"))("forms and lists in the browser", () => {
  let stack: E2eStack;
  let browser: Browser;
  let members: Actor[];
  let ada: Actor;
  const euros = (account: Address) =>
    stack.clients.publicClient.readContract({
      address: stack.demo.token,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [account],
    });
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startE2eStack(), launchBrowser()]);
    members = await Promise.all([
      openActor(browser, stack, ADA, "Ada"),
      openActor(browser, stack, BO, "Bo"),
      openActor(browser, stack, CAI, "Cai"),
    ]);
    ada = members[0] as Actor;
  });
  beforeEach(({ onTestFailed, task }) => onTestFailed(() => screenshotFailure(task.name)));
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("loads the first page with at most 300 KB of JavaScript, gzipped", async () => {
    const context = await browser.newContext({ baseURL: stack.url });
    const page = await context.newPage();
    const scripts: Promise<number>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script")
        scripts.push(response.body().then((body) => gzipSync(body).length));
    });
    await page.goto("/");
    await see(page.getByRole("link", { name: "Rizom" }));
    await page.waitForLoadState("networkidle");
    const sizes = await Promise.all(scripts);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    console.info(`[e2e] first page: ${sizes.length} scripts, ${(total / 1024).toFixed(0)} KB of JavaScript gzipped`);
    expect(sizes.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(300 * 1024);
    await context.close();
  });

  it("pays a recipient in tEUR: the asset chosen, the amount in euros, checked against the treasury", async () => {
    const recipient = stack.address(OUTSIDER);
    const before = await euros(recipient);
    const held = await euros(stack.demo.rizom.modules.treasury);
    const { page } = ada;

    // More than the treasury holds is refused in the form, before anything is sent.
    await ada.visit(`/c/${stack.rizom}/proposals/new`);
    await page.getByRole("combobox", { name: "Kind" }).selectOption({ label: "Payment" });
    const asset = page.getByRole("combobox", { name: "Asset" });
    await asset.getByRole("option", { name: /^tEUR/ }).waitFor({ state: "attached" });
    await asset.selectOption({ label: (await asset.getByRole("option", { name: /^tEUR/ }).textContent()) ?? "" });
    await page.getByRole("textbox", { name: "Recipient" }).fill(recipient);
    await page.getByRole("textbox", { name: "Amount in tEUR" }).fill("1000000");
    await page.getByRole("textbox", { name: "Description" }).fill("Too much");
    await page.getByRole("button", { name: "Propose" }).click();
    const holds = Number(held / 10n ** 18n).toLocaleString("en-US");
    await see(page.getByText(new RegExp(`^The treasury holds ${holds}(\\.\\d{1,4})? tEUR; it cannot pay more\\.$`)));
    await page.getByRole("textbox", { name: "Amount in tEUR" }).fill("1,5");
    await page.getByRole("button", { name: "Propose" }).click();
    await see(page.getByText("The amount must be an amount such as 1.5, with at most 18 decimals."));

    const title = "Pay the translators 250 tEUR";
    const proposal = await propose(
      ada,
      stack.rizom,
      "Payment",
      [
        { label: "Recipient", value: recipient },
        { label: "Asset", option: /^tEUR/ },
        { label: "Amount in tEUR", value: "250" },
        { label: "Description", value: title },
      ],
      title,
    );
    await see(page.getByRole("listitem").filter({ hasText: `Pay 250 tEUR to ${short(recipient)}` }));
    await passProposal(members, stack, proposal, ["Translations matter", "Yes", "Agreed"]);
    expect(await euros(recipient)).toBe(before + parseEther("250"));

    // The home page's treasury movements read in euros too.
    await ada.visit(`/c/${stack.rizom}`);
    await see(page.getByRole("listitem").filter({ hasText: /payment of 250 tEUR to/ }));
    await screenshot(page, "payment-token");
  });

  it("proposes work paid in tEUR and says so in the proposal's actions", async () => {
    const title = "Translate the handbook into Spanish";
    await propose(
      ada,
      stack.rizom,
      "Work",
      [
        { label: "Title", value: title },
        { label: "Principle", option: "Values-based networks" },
        { label: "Reward in shares", value: "5" },
        { label: "Payment asset", option: /^tEUR/ },
        { label: "Payment in tEUR (optional), paid when the work is settled", value: "120.5" },
        { label: "Why (the proposal's description)", value: `Commission: ${title}` },
      ],
      `Commission: ${title}`,
    );
    await see(ada.page.getByRole("listitem").filter({ hasText: /paid 120\.5 tEUR when settled$/ }));
  });

  it("lets a member set their profile link, and refuses one that is not a link", async () => {
    const bo = members[1] as Actor;
    const { page } = bo;
    const profile = `/c/${stack.rizom}/members/${bo.address}`;
    await bo.visit(profile);
    const input = page.getByRole("textbox", { name: /Link to your profile/ });
    // The form starts from the profile as indexed: saving the link alone keeps the name.
    expect(await page.getByRole("textbox", { name: /Your name, as others see it/ }).inputValue()).toBe("Bo");
    await input.fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Save profile" }).click();
    await see(page.getByText("The profile must be a link starting with https://, http:// or ipfs://."));

    await input.fill("https://bo.rizom.example");
    await page.getByRole("button", { name: "Save profile" }).click();
    await confirmed(page, page, /Profile saved\./);
    const link = page.getByRole("link", { name: "https://bo.rizom.example" });
    await see(link);
    expect(await link.getAttribute("href")).toBe("https://bo.rizom.example");
    await see(page.getByRole("heading", { name: "Member Bo", exact: true }));

    // Others see the link and no form: only the member may change it.
    const dee = await openActor(browser, stack, DEE, "Dee");
    await dee.visit(profile);
    await see(dee.page.getByRole("link", { name: "https://bo.rizom.example" }));
    expect(await dee.page.getByRole("button", { name: "Save profile" }).count()).toBe(0);
    await screenshot(page, "profile");
  });

  it("creates a collective with two founders and opens it once indexed", async () => {
    const { page } = ada;
    const bo = members[1] as Actor;
    await ada.visit("/");
    await page.getByRole("link", { name: "Create a collective" }).click();
    await page.getByRole("textbox", { name: "Name" }).fill("Hyphae");
    await page.getByRole("textbox", { name: "Share symbol" }).fill("HYP");
    await page
      .getByRole("textbox", { name: /Principles, one per line/ })
      .fill("Care for the commons\nOpen books\nRotate every role");
    // The connected account is the first founder.
    expect(await page.getByRole("textbox", { name: "Founder 1's address" }).inputValue()).toBe(ada.address);
    await page.getByRole("button", { name: "Add a founder" }).click();
    await page.getByRole("textbox", { name: "Founder 2's address" }).fill(bo.address);
    await page.getByRole("textbox", { name: "Founder 2's shares" }).fill("50");
    await page.getByRole("textbox", { name: "Quorum (% of shares)" }).fill("150");
    await page.getByRole("button", { name: "Create the collective" }).click();
    await see(page.getByText("The quorum must be at most 80%."));

    await page.getByRole("textbox", { name: "Quorum (% of shares)" }).fill("25");
    // Two houses, and votes that open at once.
    await page.getByRole("radio", { name: "Two houses" }).check();
    await page.getByRole("textbox", { name: "Voting opens after (hours)" }).fill("0");
    await page.getByRole("button", { name: "Create the collective" }).click();
    await page.waitForURL(/\/c\/0x[0-9a-fA-F]{40}$/, { timeout: 30_000 });
    await see(page.getByRole("heading", { name: "Hyphae (HYP)" }));
    await see(page.getByRole("listitem").filter({ hasText: "Rotate every role" }));
    const governor = new URL(page.url()).pathname.split("/")[2] ?? "";
    const created = (await (await fetch(`${stack.url}/api/collectives/${governor}`)).json()) as {
      stats: { members: number; totalShares: string };
      settings: { quorumPercent: number; countingRule: string };
      modules: CollectiveModules;
    };
    expect(created.stats).toMatchObject({ members: 2, totalShares: "150" });
    expect(created.settings).toMatchObject({ quorumPercent: 25, countingRule: "both" });
    await see(page.getByText(/^Two houses: it passes only with more for than against both by shares and by members/));
    await screenshot(page, "create-collective");

    // A proposal Ada's 100 shares carry by shares, which Bo's one member vote against ties by members.
    const [adaWallet, boWallet] = [stack.clients.wallets[ADA], stack.clients.wallets[BO]];
    if (!adaWallet || !boWallet) throw new Error("No dev accounts for Ada and Bo");
    const chain = governance(stack.clients, created.modules, { ...DEMO_SETTINGS, votingDelay: 0 });
    const payment = { to: stack.address(OUTSIDER), amount: 0n };
    const id = await chain.propose(adaWallet, paymentProposal(created.modules, payment, "Buy the first seeds"));
    await chain.vote(adaWallet, id, Vote.For);
    await chain.vote(boWallet, id, Vote.Against);
    await stack.indexed();
    await ada.visit(`/c/${governor}/proposals/${id}`);
    await see(page.getByText("Two houses: it passes only if it passes both by shares and by members."));
    await see(page.getByLabel("By shares, for: 66.6% of the votes cast"));
    await see(page.getByLabel("By members, for: 50% of the votes cast"));
    await see(page.getByText(/^1 of 0 members needed — reached$/));
    await see(page.getByRole("listitem").filter({ hasText: /voted against with 50 \(1 by members\)$/ }));
    await screenshot(page, "two-houses");
  });

  it("shows a vote cast elsewhere without a reload", async () => {
    const chain = governance(stack.clients, stack.demo.rizom.modules, DEMO_SETTINGS);
    const [adaWallet, boWallet] = [stack.clients.wallets[ADA], stack.clients.wallets[BO]];
    if (!adaWallet || !boWallet) throw new Error("No dev accounts for Ada and Bo");
    const id = await chain.propose(
      adaWallet,
      paymentProposal(stack.demo.rizom.modules, { to: stack.address(OUTSIDER), amount: 1n }, "Fund the seed library"),
    );
    await stack.indexed();
    const { page } = ada;
    await ada.visit(`/c/${stack.rizom}/proposals/${id}`);
    await see(page.getByText("No votes yet."));
    // A mark on this very document: a reload would lose it.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await chain.vote(boWallet, id, Vote.For, "Seeds for everyone");
    await see(page.getByRole("listitem").filter({ hasText: /voted for with [\d,]+: Seeds for everyone$/ }));
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);

    // Ada casts her vote without choosing: the form says so, and the focus is on the first choice.
    await page.getByRole("button", { name: "Cast vote" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Choose for, against or abstain." });
    await see(alert);
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
      .toBe("for");
    const described = await page.getByRole("group", { name: "Your vote" }).getAttribute("aria-describedby");
    expect(described).toBe(await alert.getAttribute("id"));
  });

  it("pages through a long list of proposals with Show more", async () => {
    // 25 more proposals, straight to the chain: the list must page past its first 20.
    const { propose: proposeOnChain } = governance(stack.clients, stack.demo.rizom.modules, DEMO_SETTINGS);
    const wallet = stack.clients.wallets[ADA];
    if (!wallet) throw new Error("No dev account for Ada");
    for (let i = 1; i <= 25; i++)
      await proposeOnChain(
        wallet,
        paymentProposal(stack.demo.rizom.modules, { to: stack.address(OUTSIDER), amount: BigInt(i) }, `Tip ${i} wei`),
      );
    await stack.indexed();
    const total = (await (await fetch(`${stack.url}/api/collectives/${stack.rizom}`)).json()) as {
      stats: { proposals: number };
    };
    const { page } = ada;
    await ada.visit(`/c/${stack.rizom}/proposals`);
    const cards = page.locator("ul.cards > li");
    await see(page.getByText("Showing 20 proposals; there are more."));
    expect(await cards.count()).toBe(20);
    expect(await cards.first().textContent()).toContain("Tip 25 wei");
    await page.getByRole("button", { name: "Show more proposals" }).click();
    await see(page.getByText(/^Showing (\d+) proposals\.$/));
    expect(await cards.count()).toBe(total.stats.proposals);
    expect(await page.getByRole("button", { name: "Show more proposals" }).count()).toBe(0);
    // Every proposal once: no page overlaps the one before it.
    const links = await page.locator("ul.cards > li h3 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(new Set(links).size).toBe(total.stats.proposals);
    const titles = await page.locator("ul.cards > li h3").allTextContents();
    expect(titles.filter((t) => /^Tip \d+ wei$/.test(t))).toHaveLength(25);
  });

  it("shows members by their profile names in the list and on a proposal's votes, and a name that is markup as text", async () => {
    const [, bo, cai] = members as [Actor, Actor, Actor];
    const { page } = ada;
    const alerts: string[] = [];
    page.on("dialog", (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });

    // In the members list: Bo by name, linked to his page, with his address on hover.
    await ada.visit(`/c/${stack.rizom}/members`);
    const table = page.getByRole("table", { name: "Members" });
    const boInList = table.locator(`[title="${bo.address}" i]`).getByRole("link", { name: "Bo", exact: true });
    await see(boInList);
    expect(await boInList.getAttribute("href")).toBe(`/c/${stack.rizom}/members/${bo.address}`);

    // On a proposal's votes: the voter by name, the address on hover.
    const chain = governance(stack.clients, stack.demo.rizom.modules, DEMO_SETTINGS);
    const [adaWallet, boWallet] = [stack.clients.wallets[ADA], stack.clients.wallets[BO]];
    if (!adaWallet || !boWallet) throw new Error("No dev accounts for Ada and Bo");
    const id = await chain.propose(
      adaWallet,
      paymentProposal(stack.demo.rizom.modules, { to: stack.address(OUTSIDER), amount: 2n }, "Name the seed library"),
    );
    await chain.vote(boWallet, id, Vote.For, "Call it Bo's");
    await stack.indexed();
    await ada.visit(`/c/${stack.rizom}/proposals/${id}`);
    const vote = page.getByRole("listitem").filter({ hasText: /^Bo voted for with [\d,]+: Call it Bo's$/ });
    await see(vote);
    expect(await vote.locator(`[title="${bo.address}" i]`).textContent()).toBe("Bo");
    await see(page.getByText(/proposed by Ada on /).locator(`[title="${ada.address}" i]`));

    // Cai names himself with markup, through his profile form: everyone sees it as text.
    const hostile = "<img src=x onerror=alert(1)>";
    await cai.visit(`/c/${stack.rizom}/members/${cai.address}`);
    const name = cai.page.getByRole("textbox", { name: /Your name, as others see it/ });
    expect(await name.inputValue()).toBe("Cai");
    await name.fill(hostile);
    await cai.page.getByRole("button", { name: "Save profile" }).click();
    await confirmed(cai.page, cai.page, /Profile saved\./);

    await ada.visit(`/c/${stack.rizom}/members`);
    const caiInList = table.locator(`[title="${cai.address}" i]`).getByRole("link", { name: hostile, exact: true });
    await see(caiInList);
    expect(await caiInList.textContent()).toBe(hostile);
    expect(await caiInList.locator("bdi").innerHTML()).toBe("&lt;img src=x onerror=alert(1)&gt;");
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await ada.visit(`/c/${stack.rizom}/members/${cai.address}`);
    await see(page.getByRole("heading", { name: `Member ${hostile}`, exact: true }));
    expect(await page.title()).toMatch(/^Member <img src=x onerror=alert\(1\)> · /);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(alerts).toEqual([]);
    await screenshot(page, "names");
  });
});
