/**
 * Leaving across the network: a member's exit takes the same fraction of the shares their
 * collective holds in another collective, which leaves that collective with them and pays the
 * member directly (`ragequitAcross`). Rounded down; in order and once per collective; only the
 * collective's own modules can make its timelock leave; a collective posing as another cannot
 * reenter the exit.
 */
import { describe, expect, it } from "vitest";
import { getAddress, parseEther, parseEventLogs } from "viem";
import { treasuryAbi } from "@rhizome/contracts";
import { addressOf, carolLeavesAcross, networkOfTwo as network, waitFor, type Fixture } from "../helpers/collective.js";
import { expectRevert } from "../helpers/reverts.js";

const ethOf = (f: Fixture, account: `0x${string}`) => f.publicClient.getBalance({ address: account });

describe("Leaving across the network", () => {
  it("pays the member's fraction of the shares held in another collective, straight from it", async () => {
    const { a, b, token } = await network();
    const eve = addressOf(a.eve);
    const before = await ethOf(a, eve);
    expect(await b.as(a.alice).shares.read.balanceOf([a.modules.timelock])).toBe(10n);
    // Carol holds 100 of 1,000: 10% of A's ETH, and 1 of the 10 Mycel shares, which is 1/20 of
    // Mycel's ETH and tokens. Paid to Eve, as a member who cannot take ETH would ask.
    const receipt = await carolLeavesAcross({ a, b, token });
    expect((await ethOf(a, eve)) - before).toBe(parseEther("0.1") + parseEther("0.1"));
    expect(await token.read.balanceOf([eve])).toBe(50n);
    expect(await b.as(a.alice).shares.read.balanceOf([a.modules.timelock])).toBe(9n);
    const [exited] = parseEventLogs({ abi: treasuryAbi, eventName: "NetworkExited", logs: receipt.logs });
    expect(exited?.args).toEqual({
      member: addressOf(a.carol),
      treasury: getAddress(b.modules.treasury),
      shares: 1n,
      held: 10n,
      to: eve,
    });
    // Mycel saw A's timelock leave with one share, paid to Eve.
    const paidTo = parseEventLogs({ abi: treasuryAbi, eventName: "RagequitPaidTo", logs: receipt.logs });
    expect(paidTo.map((e) => [e.address, e.args.member, e.args.to])).toEqual([
      [a.modules.treasury.toLowerCase(), addressOf(a.carol), eve],
      [b.modules.treasury.toLowerCase(), getAddress(a.modules.timelock), eve],
    ]);
  });

  it("rounds the part down: what is too small to leave with stays with the collective", async () => {
    const { a, b } = await network();
    // 50 of 1,000 shares is half a Mycel share: none.
    const receipt = await waitFor(
      a,
      a
        .as(a.bob)
        .treasury.write.ragequitAcross([
          50n,
          [],
          [],
          addressOf(a.bob),
          [{ treasury: b.modules.treasury, tokens: [], forVotes: [] }],
        ]),
    );
    expect(parseEventLogs({ abi: treasuryAbi, eventName: "NetworkExited", logs: receipt.logs })).toEqual([]);
    expect(await b.as(a.alice).shares.read.balanceOf([a.modules.timelock])).toBe(10n);
  });

  it("takes each collective once, in order, and never itself", async () => {
    const { a, b } = await network();
    const { treasury } = a.as(a.carol);
    const mycel = { treasury: b.modules.treasury, tokens: [], forVotes: [] };
    const itself = { treasury: a.modules.treasury, tokens: [], forVotes: [] };
    const carol = addressOf(a.carol);
    expect(
      await expectRevert(
        treasury.write.ragequitAcross([100n, [], [], carol, [mycel, mycel]]),
        "TreasuryNetworkNotAscending",
      ),
    ).toEqual([1n]);
    expect(
      await expectRevert(treasury.write.ragequitAcross([100n, [], [], carol, [itself]]), "TreasuryNetworkNotAscending"),
    ).toEqual([0n]);
    await expectRevert(
      treasury.write.ragequitAcross([100n, [], [], "0x0000000000000000000000000000000000000000", [mycel]]),
      "TreasuryInvalidRecipient",
    );
  });

  it("lets no one but the collective's modules make its timelock leave another collective", async () => {
    const { a, b } = await network();
    await expectRevert(
      a.as(a.eve).timelock.write.exitFrom([b.modules.treasury, 10n, [], [], addressOf(a.eve)]),
      "TimelockUnauthorized",
    );
    expect(await b.as(a.alice).shares.read.balanceOf([a.modules.timelock])).toBe(10n);
  });

  it("refuses a collective posing as another that reenters the exit", async () => {
    const { a, b } = await network();
    // It names Mycel's shares, which the timelock holds, so the timelock calls it to leave.
    const fake = await a.connection.viem.deployContract("FakeTreasury", [b.modules.shares, a.modules.treasury]);
    const before = await a.as(a.carol).shares.read.balanceOf([addressOf(a.carol)]);
    await expectRevert(
      a
        .as(a.carol)
        .treasury.write.ragequitAcross([
          100n,
          [],
          [],
          addressOf(a.carol),
          [{ treasury: fake.address, tokens: [], forVotes: [] }],
        ]),
      "ReentrancyGuardReentrantCall",
    );
    // Nothing happened: carol still holds her shares, the timelock its Mycel shares.
    expect(await a.as(a.carol).shares.read.balanceOf([addressOf(a.carol)])).toBe(before);
    expect(await b.as(a.alice).shares.read.balanceOf([a.modules.timelock])).toBe(10n);
  });
});
