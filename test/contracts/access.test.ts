/**
 * Every privileged function refuses everyone but its rightful caller, each with its custom
 * error: founders, strangers, and the other modules of the same collective alike.
 */
import { describe, expect, it } from "vitest";
import { keccak256, parseEther, toHex, zeroAddress, zeroHash } from "viem";
import { addressOf, collectiveFixture, waitFor } from "../helpers/collective.js";
import { expectRevert } from "../helpers/reverts.js";

describe("Access control", () => {
  it("lets only the collective's modules mint and burn shares", async () => {
    const f = await collectiveFixture();
    for (const wallet of [f.alice, f.eve, f.deployer]) {
      const { shares } = f.as(wallet);
      const args = await expectRevert(shares.write.mint([addressOf(wallet), 1n]), "SharesUnauthorized");
      expect(args).toEqual([addressOf(wallet)]);
      await expectRevert(shares.write.burn([addressOf(f.bob), 1n]), "SharesUnauthorized");
    }
  });

  it("lets only governance pay from the treasury", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("1") }));
    for (const wallet of [f.alice, f.eve]) {
      const args = await expectRevert(
        f.as(wallet).treasury.write.pay([zeroAddress, addressOf(wallet), 1n]),
        "TreasuryUnauthorized",
      );
      expect(args).toEqual([addressOf(wallet)]);
    }
    expect(await f.publicClient.getBalance({ address: f.modules.treasury })).toBe(parseEther("1"));
  });

  it("lets only governance change the governor's settings or relay calls", async () => {
    const f = await collectiveFixture();
    const { governor } = f.as(f.alice);
    await expectRevert(governor.write.setVotingDelay([1]), "GovernorOnlyExecutor");
    await expectRevert(governor.write.setVotingPeriod([1]), "GovernorOnlyExecutor");
    await expectRevert(governor.write.setProposalThreshold([0n]), "GovernorOnlyExecutor");
    await expectRevert(governor.write.updateQuorumNumerator([1n]), "GovernorOnlyExecutor");
    await expectRevert(governor.write.updateTimelock([addressOf(f.alice)]), "GovernorOnlyExecutor");
    await expectRevert(governor.write.relay([f.modules.shares, 0n, "0x"]), "GovernorOnlyExecutor");
  });

  it("lets only the governor schedule, execute or cancel on the timelock, and only itself change its delay", async () => {
    const f = await collectiveFixture();
    const { timelock } = f.as(f.alice);
    const proposer = keccak256(toHex("PROPOSER_ROLE"));
    const executor = keccak256(toHex("EXECUTOR_ROLE"));
    const canceller = keccak256(toHex("CANCELLER_ROLE"));
    const alice = addressOf(f.alice);
    expect(
      await expectRevert(
        timelock.write.schedule([f.modules.treasury, 0n, "0x", zeroHash, zeroHash, 600n]),
        "AccessControlUnauthorizedAccount",
      ),
    ).toEqual([alice, proposer]);
    expect(
      await expectRevert(
        timelock.write.execute([f.modules.treasury, 0n, "0x", zeroHash, zeroHash]),
        "AccessControlUnauthorizedAccount",
      ),
    ).toEqual([alice, executor]);
    expect(await expectRevert(timelock.write.cancel([zeroHash]), "AccessControlUnauthorizedAccount")).toEqual([
      alice,
      canceller,
    ]);
    expect(await expectRevert(timelock.write.updateDelay([0n]), "TimelockUnauthorizedCaller")).toEqual([alice]);
    await expectRevert(timelock.write.grantRole([proposer, alice]), "AccessControlUnauthorizedAccount");
  });
});
