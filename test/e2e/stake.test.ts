/**
 * End to end in Chromium against the whole local stack: on My stake, a member delegates their
 * votes and takes them back, one who voted for a live proposal is kept from leaving, and another
 * leaves by ragequit, and one more past a honeypot token and spam, through the web client and the
 * injected test wallet; and the wallet itself:
 * found by EIP-6963, and on another network, asked to switch.
 */
import { paymentProposal } from "@rhizome/contracts";
import type { Browser, Page } from "playwright-core";
import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  erc20Abi,
  formatEther,
  maxUint256,
  parseEther,
  verifyMessage,
  verifyTypedData,
  type Abi,
  type Address,
  type Hex,
} from "viem";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { governance, Vote } from "../../scripts/demo/governance.js";
import { DEMO_SETTINGS } from "../../scripts/demo/rizom.js";
import { browserAvailable, launchBrowser, screenshot } from "./helpers/browser.js";
import { startE2eStack, type E2eStack } from "./helpers/stack.js";
import { confirmed, figure, openActor, screenshotFailure, see } from "./helpers/ui.js";
import { OTHER_CHAIN, WALLET_NAME } from "./helpers/wallet.js";

/**
 * Dev accounts: Ada proposes; Bo and Eli vote for themselves; Dee votes for Ada's proposal; Gus
 * (40 shares) and Hal (30 shares) have voted for nothing.
 */
const ADA = 1;
const BO = 2;
const DEE = 4;
const ELI = 5;
const GUS = 7;
const HAL = 8;
const MO = 13;
/** Never held shares. */
const IVO = 16;

/** The members table's row of `account` (found by the link to its page: it shows by name), and its cells by column. */
function memberRow(page: Page, account: string) {
  const row = page.getByRole("row").filter({ has: page.locator(`a[href$="/members/${account}" i]`) });
  const cell = (column: number) => row.getByRole("cell").nth(column);
  return { row, shares: cell(1), votingPower: cell(3), delegate: cell(4) };
}
/** Typed data as a dapp would ask the wallet to sign it (eth_signTypedData_v4). */
const TYPED = {
  types: {
    EIP712Domain: [
      { name: "name", type: "string" },
      { name: "chainId", type: "uint256" },
    ],
    Vote: [{ name: "proposal", type: "uint256" }],
  },
  primaryType: "Vote",
  domain: { name: "Rhizome", chainId: 31337 },
  message: { proposal: 1 },
} as const;

/** In the page: finds the wallet by EIP-6963, as the app does, and asks it to sign. */
const PROBE = `(async () => {
  const { info, provider } = await new Promise((resolve) => {
    window.addEventListener("eip6963:announceProvider", (event) => resolve(event.detail), { once: true });
    window.dispatchEvent(new Event("eip6963:requestProvider"));
  });
  const [account] = await provider.request({ method: "eth_accounts" });
  const hex = "0x" + [...new TextEncoder().encode("Rhizome e2e")].map((b) => b.toString(16).padStart(2, "0")).join("");
  const signature = await provider.request({ method: "personal_sign", params: [hex, account] });
  const typed = await provider.request({ method: "eth_signTypedData_v4", params: [account, ${JSON.stringify(JSON.stringify(TYPED))}] });
  const refused = await provider
    .request({ method: "wallet_switchEthereumChain", params: [{ chainId: "0x2a" }] })
    .then(() => 0, (error) => error.code);
  const chainId = await provider.request({ method: "eth_chainId" });
  return { info, isWindowEthereum: provider === window.ethereum, account, signature, typed, refused, chainId };
})()`;

const count = async (text: Promise<string | null>) => Number((await text)?.replaceAll(",", ""));
/** "0.5085 ETH" as wei. */
const wei = (text: string | null) => parseEther(/([\d.,]+) ETH/.exec(text ?? "")?.[1]?.replaceAll(",", "") ?? "0");

describe.skipIf(!browserAvailable("stake.test.ts"))("my stake in Rizom, in the browser", () => {
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

  it("moves a member's voting power to the one they delegate to, and back", async () => {
    const eli = await openActor(browser, stack, ELI, "Eli");
    const { page } = eli;
    const bo = stack.address(BO);
    await eli.visit(`/c/${stack.rizom}/members`);
    await see(memberRow(page, bo).row);
    const boBefore = await count(memberRow(page, bo).votingPower.textContent());
    const eliShares = await count(memberRow(page, eli.address).shares.textContent());
    expect(await count(memberRow(page, eli.address).votingPower.textContent())).toBe(eliShares);

    await eli.visit(`/c/${stack.rizom}/stake`);
    await see(page.getByText("Your shares vote through you."));
    await page.getByRole("textbox", { name: "Delegate your votes to" }).fill(bo);
    await page.getByRole("button", { name: "Delegate", exact: true }).click();
    await confirmed(page);
    await see(page.getByText("Your shares vote through Bo."));

    await eli.visit(`/c/${stack.rizom}/members`);
    const row = memberRow(page, eli.address);
    await see(row.delegate.filter({ hasText: /^Bo$/ }).locator(`[title="${bo}" i]`));
    expect(await row.votingPower.textContent()).toBe("0");
    expect(await count(memberRow(page, bo).votingPower.textContent())).toBe(boBefore + eliShares);
    await screenshot(page, "delegate");

    // And back: Eli votes for himself again.
    await eli.visit(`/c/${stack.rizom}/stake`);
    await page.getByRole("button", { name: "Undelegate (vote yourself)" }).click();
    await confirmed(page);
    await see(page.getByText("Your shares vote through you."));
    await eli.visit(`/c/${stack.rizom}/members`);
    await see(
      memberRow(page, eli.address).votingPower.filter({
        hasText: new RegExp(`^${eliShares.toLocaleString("en-US")}$`),
      }),
    );
    expect(await count(memberRow(page, bo).votingPower.textContent())).toBe(boBefore);
  });

  it("keeps a member who voted for a live proposal from leaving, and says why and until when", async () => {
    const chain = governance(stack.clients, stack.demo.rizom.modules, DEMO_SETTINGS);
    const [adaWallet, deeWallet] = [stack.clients.wallets[ADA], stack.clients.wallets[DEE]];
    if (!adaWallet || !deeWallet) throw new Error("No dev accounts for Ada and Dee");
    const title = "Buy a laminator";
    const id = await chain.propose(
      adaWallet,
      paymentProposal(stack.demo.rizom.modules, { to: stack.address(DEE), amount: 1n }, title),
    );
    await chain.vote(deeWallet, id, Vote.For);
    await stack.indexed();

    const dee = await openActor(browser, stack, DEE, "Dee");
    const { page } = dee;
    await dee.visit(`/c/${stack.rizom}/stake`);
    const lock = page.getByRole("alert").filter({ hasText: "You cannot leave yet" });
    await see(lock.getByRole("listitem").filter({ hasText: new RegExp(`^${title} \\(active\\) — at the latest `) }));
    const shares = await figure(page, "Shares").textContent();

    await page.getByRole("button", { name: "Burn shares and leave" }).click();
    await see(
      page.getByRole("status").filter({
        hasText: "Failed: You voted for a proposal that can still run: you can leave after it is executed or expires.",
      }),
    );
    expect(await figure(page, "Shares").textContent()).toBe(shares);
    await screenshot(page, "ragequit-locked");
  });

  it("pays a member who ragequits their part of the treasury, and shows them as left", async () => {
    const hal = await openActor(browser, stack, HAL, "Hal");
    const { page } = hal;
    await hal.visit(`/c/${stack.rizom}/stake`);
    await see(page.getByRole("heading", { name: "Leave (ragequit)" }));
    // The preview: all 30 shares by default, and what each asset pays for them.
    await expect.poll(() => page.getByRole("textbox", { name: /Shares to burn/ }).inputValue()).toBe("30");
    const ethRow = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "ETH", exact: true }) });
    await see(ethRow);
    const preview = wei(await ethRow.getByRole("cell").nth(2).textContent());
    expect(preview).toBeGreaterThan(0n);

    // Hal's votes go through Ada, whose for votes (on proposals that have all ended) bind them
    // until released: the page says so, and leaving releases them first.
    await see(page.getByRole("alert").filter({ hasText: /leaving first releases them/ }));
    const before = await stack.balance(HAL);
    await page.getByRole("button", { name: "Burn shares and leave" }).click();
    await confirmed(page, page, /You have left with your part\./);
    const gained = (await stack.balance(HAL)) - before;
    // The preview shows four decimals, and the exit costs a little gas.
    expect(gained).toBeGreaterThan(preview - parseEther("0.005"));
    expect(gained).toBeLessThan(preview + parseEther("0.0001"));
    console.info(`[e2e] Hal ragequit: previewed ${formatEther(preview)} ETH, received ${formatEther(gained)} ETH`);
    await see(figure(page, "Shares").filter({ hasText: /^0$/ }));
    await screenshot(page, "ragequit");

    await hal.visit(`/c/${stack.rizom}/members`);
    const row = memberRow(page, hal.address);
    await see(row.row.getByText("left"));
    expect(await row.shares.textContent()).toBe("0");
  });

  it("takes a member's part of what their collective holds in another, paid by that collective", async () => {
    const mo = await openActor(browser, stack, MO, "Mo");
    const { page } = mo;
    const mycel = stack.demo.mycel.modules;
    const rizomShares = { address: stack.demo.rizom.modules.shares, abi: erc20Abi, functionName: "balanceOf" } as const;
    const held = await stack.clients.publicClient.readContract({ ...rizomShares, args: [mycel.timelock] });
    expect(held).toBe(40n);
    await mo.visit(`/c/${mycel.governor}/stake`);
    // Mo holds 30 of Mycel's 100 shares: 12 of the 40 Rizom shares Mycel holds are theirs.
    const network = page.getByRole("table", { name: /And from the collectives Mycel is a member of/ });
    const rizom = network.getByRole("row").filter({ has: page.getByRole("cell", { name: "Rizom", exact: true }) });
    await see(rizom.getByRole("cell", { name: "40 shares", exact: true }));
    await see(rizom.getByRole("cell", { name: /^12 shares, taken out in its assets$/ }));
    const before = await stack.balance(MO);
    await page.getByRole("button", { name: "Burn shares and leave" }).click();
    await confirmed(page, page, /You have left with your part\./);
    expect(await stack.clients.publicClient.readContract({ ...rizomShares, args: [mycel.timelock] })).toBe(28n);
    // Mycel's treasury holds no ETH: what Mo gained is Rizom's ETH for 12 of its shares.
    expect(await stack.balance(MO)).toBeGreaterThan(before);
    await screenshot(page, "ragequit-across");
  });

  it("leaves a honeypot token and spam out of an exit, says so, and pays every real asset past 50 fake ones", async () => {
    const { publicClient, wallets } = stack.clients;
    const [deployer] = wallets;
    if (!deployer) throw new Error("No deployer");
    const treasury = stack.demo.rizom.modules.treasury;
    const artifact = JSON.parse(
      await readFile(
        path.resolve(import.meta.dirname, "../../artifacts/contracts/testing/SpamToken.sol/SpamToken.json"),
        "utf8",
      ),
    ) as { abi: Abi; bytecode: Hex };
    const deploy = async (name: string) => {
      const hash = await deployer.deployContract({
        abi: artifact.abi,
        bytecode: artifact.bytecode,
        args: [name, name],
      });
      const address = (await publicClient.waitForTransactionReceipt({ hash })).contractAddress as Address;
      const call = async (functionName: string, args: unknown[]) =>
        publicClient.waitForTransactionReceipt({
          hash: await deployer.writeContract({ address, abi: artifact.abi, functionName, args }),
        });
      return { address, call };
    };
    // Fifty tokens that claim deposits they never made: listed, worth nothing.
    for (let i = 0; i < 50; i++) await (await deploy(`FAKE${i}`)).call("fakeTransfer", [treasury, 1n]);
    // A honeypot: it shows a balance it will never send, so taking it reverts any exit.
    const honey = await deploy("HONEY");
    await honey.call("fakeTransfer", [treasury, parseEther("1")]);
    await honey.call("becomeHoneypot", [parseEther("1000")]);
    // Spam that claims more than any token can hold.
    const spam = await deploy("SPAM");
    for (let i = 0; i < 2; i++) await spam.call("fakeTransfer", [treasury, maxUint256]);
    await stack.indexed();

    const euro = stack.demo.token;
    const euroOf = (account: Address) =>
      publicClient.readContract({ address: euro, abi: erc20Abi, functionName: "balanceOf", args: [account] });
    const gus = await openActor(browser, stack, GUS, "Gus");
    const { page } = gus;
    const [treasuryEuro, supply] = await Promise.all([
      euroOf(treasury),
      publicClient.readContract({
        address: stack.demo.rizom.modules.shares,
        abi: erc20Abi,
        functionName: "totalSupply",
      }),
    ]);
    await gus.visit(`/c/${stack.rizom}/stake`);
    await see(page.getByText("Left out: 1 asset marked as spam"));
    await page.getByRole("button", { name: "Burn shares and leave" }).click();
    await confirmed(page, page, /You have left with your part\./);
    await see(page.getByRole("status").filter({ hasText: "Left out of your exit, because sending it fails: HONEY" }));
    // The euro token was paid, wherever its address falls among the fifty-two.
    expect(await euroOf(gus.address)).toBe((treasuryEuro * 40n) / supply);
    await screenshot(page, "ragequit-spam");
  });

  it("has a test wallet that announces itself by EIP-6963 and signs as its dev account", async () => {
    const bo = await openActor(browser, stack, BO, "Bo");
    await bo.visit(`/c/${stack.rizom}`);
    const probe = (await bo.page.evaluate(PROBE)) as {
      info: { name: string; rdns: string; icon: string; uuid: string };
      isWindowEthereum: boolean;
      account: string;
      signature: Hex;
      typed: Hex;
      refused: number;
      chainId: string;
    };
    expect(probe.info).toMatchObject({ name: WALLET_NAME, rdns: "dev.rhizome.testwallet" });
    expect(probe.info.icon).toMatch(/^data:image\//);
    expect(probe).toMatchObject({ isWindowEthereum: true, account: bo.address, refused: 4902, chainId: "0x7a69" });
    const address = bo.address;
    expect(await verifyMessage({ address, message: "Rhizome e2e", signature: probe.signature })).toBe(true);
    const { types, primaryType } = TYPED;
    const typed = { types, primaryType, domain: { name: "Rhizome", chainId: 31337n }, message: { proposal: 1n } };
    expect(await verifyTypedData({ address, ...typed, signature: probe.typed })).toBe(true);
  });

  it("asks a wallet on another network to switch, and sends nothing until it has", async () => {
    await stack.fund(IVO);
    const ivo = await openActor(browser, stack, IVO, "Ivo");
    const { page } = ivo;
    await ivo.visit(`/c/${stack.rizom}/apply`);
    const prompt = page.getByRole("alert").filter({ hasText: "Your wallet is on another network." });
    expect(await prompt.count()).toBe(0);

    // Ivo switches his wallet to another network, as a user would in the wallet itself.
    await page.evaluate(
      (chainId) =>
        (window as unknown as { ethereum: { request(args: object): Promise<unknown> } }).ethereum.request({
          method: "wallet_switchEthereumChain",
          params: [{ chainId }],
        }),
      `0x${OTHER_CHAIN.toString(16)}`,
    );
    await see(prompt);

    const sent = () => stack.clients.publicClient.getTransactionCount({ address: ivo.address });
    const before = await sent();
    await page.getByRole("textbox", { name: "Shares you ask for" }).fill("12");
    await page.getByRole("textbox", { name: /Your pitch/ }).fill("I repair bicycles.");
    await page.getByRole("button", { name: "Apply" }).click();
    await see(
      page.getByRole("status").filter({ hasText: /^Failed: Your wallet is on another network: switch it to / }),
    );
    expect(await sent()).toBe(before);
    await screenshot(page, "wrong-network");

    await prompt.getByRole("button", { name: /^Switch to / }).click();
    await prompt.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Apply" }).click();
    await confirmed(page, page, /Your application is in/);
    expect(await sent()).toBe(before + 1);
  });
});
