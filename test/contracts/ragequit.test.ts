import { describe, expect, it } from "vitest";
import { parseEther, parseEventLogs } from "viem";
import { ragequit, ragequitTokens, treasuryAbi } from "@rhizome/contracts";
import { addressOf, collectiveFixture, deployToken, waitFor, type Fixture } from "../helpers/collective.js";
import { expectRevert } from "../helpers/reverts.js";

async function fundedTreasury(f: Fixture) {
  await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("10") }));
  const a = await deployToken(f, f.modules.treasury, 1_000n);
  const b = await deployToken(f, f.modules.treasury, 501n);
  return { a, b, tokens: ragequitTokens([a.address, b.address]) };
}

describe("Ragequit", () => {
  it("pays the burned fraction of the treasury's ETH and of each named token, burning first", async () => {
    const f = await collectiveFixture();
    const { a, b, tokens } = await fundedTreasury(f);
    const carol = addressOf(f.carol);
    const ethBefore = await f.publicClient.getBalance({ address: carol });

    // carol burns 50 of the 1000 shares: 5% of everything.
    const hash = await ragequit(
      { publicClient: f.publicClient, walletClient: f.carol },
      { governor: f.modules.governor, treasury: f.modules.treasury, shares: 50n, tokens: [b.address, a.address] },
    );
    const receipt = await waitFor(f, hash);
    const gas = receipt.gasUsed * receipt.effectiveGasPrice;

    expect(await f.publicClient.getBalance({ address: carol })).toBe(ethBefore + parseEther("0.5") - gas);
    expect(await a.read.balanceOf([carol])).toBe(50n);
    // 501 * 50 / 1000 = 25.05, rounded down: the treasury keeps the dust.
    expect(await b.read.balanceOf([carol])).toBe(25n);
    expect(await f.as(f.alice).shares.read.balanceOf([carol])).toBe(50n);
    expect(await f.as(f.alice).shares.read.getVotes([carol])).toBe(50n);
    expect(await f.as(f.alice).shares.read.totalSupply()).toBe(950n);

    const [event] = parseEventLogs({ abi: treasuryAbi, eventName: "Ragequit", logs: receipt.logs });
    const amountOf = (token: string) => (token === a.address ? 50n : 25n);
    const balanceOf = (token: string) => (token === a.address ? 950n : 476n);
    expect(event?.args).toEqual({
      member: carol,
      shares: 50n,
      supply: 1000n,
      ethAmount: parseEther("0.5"),
      ethBalance: parseEther("9.5"),
      tokens,
      amounts: tokens.map(amountOf),
      balances: tokens.map(balanceOf),
    });
  });

  it("lets a member leave entirely, with no shares or votes left", async () => {
    const f = await collectiveFixture();
    await fundedTreasury(f);
    await waitFor(f, f.as(f.carol).treasury.write.ragequit([100n, [], []]));
    expect(await f.as(f.alice).shares.read.balanceOf([addressOf(f.carol)])).toBe(0n);
    expect(await f.as(f.alice).shares.read.getVotes([addressOf(f.carol)])).toBe(0n);
    expect(await f.publicClient.getBalance({ address: f.modules.treasury })).toBe(parseEther("9"));
  });

  it("refuses tokens out of order or named twice, nothing to burn, or more than the member holds", async () => {
    const f = await collectiveFixture();
    const { tokens } = await fundedTreasury(f);
    const [low, high] = tokens as [`0x${string}`, `0x${string}`];
    const { treasury } = f.as(f.carol);
    expect(await expectRevert(treasury.write.ragequit([1n, [high, low], []]), "TreasuryTokensNotAscending")).toEqual([
      1n,
    ]);
    await expectRevert(treasury.write.ragequit([1n, [low, low], []]), "TreasuryTokensNotAscending");
    await expectRevert(
      treasury.write.ragequit([1n, ["0x0000000000000000000000000000000000000000"], []]),
      "TreasuryTokensNotAscending",
    );
    await expectRevert(treasury.write.ragequit([0n, [], []]), "TreasuryNothingToBurn");
    await expectRevert(treasury.write.ragequit([101n, [], []]), "ERC20InsufficientBalance");
    await expectRevert(f.as(f.eve).treasury.write.ragequit([1n, [], []]), "ERC20InsufficientBalance");
    expect(await f.as(f.alice).shares.read.totalSupply()).toBe(1000n);
  });
});
