/**
 * Every privileged function refuses everyone but its rightful caller, each with its custom
 * error: founders, strangers, and the other modules of the same collective alike.
 */
import { describe, expect, it } from "vitest";
import { parseEther, zeroAddress } from "viem";
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
    await expectRevert(governor.write.setExecutionWindow([1]), "GovernorOnlyExecutor");
    await expectRevert(governor.write.updateQuorumNumerator([1n]), "GovernorOnlyExecutor");
    await expectRevert(governor.write.relay([f.modules.shares, 0n, "0x"]), "GovernorOnlyExecutor");
  });

  it("lets only the governor schedule and execute on the timelock, and only the timelock change its delay", async () => {
    const f = await collectiveFixture();
    for (const wallet of [f.alice, f.eve]) {
      const { timelock } = f.as(wallet);
      const who = addressOf(wallet);
      expect(await expectRevert(timelock.write.schedule([1n]), "TimelockUnauthorized")).toEqual([who]);
      expect(
        await expectRevert(timelock.write.execute([1n, [f.modules.treasury], [0n], ["0x"]]), "TimelockUnauthorized"),
      ).toEqual([who]);
      expect(await expectRevert(timelock.write.updateDelay([0]), "TimelockOnlySelf")).toEqual([who]);
    }
    expect(await f.as(f.alice).timelock.read.getMinDelay()).toBe(600n);
  });

  it("lets only governance run the work module's privileged functions", async () => {
    const f = await collectiveFixture();
    const { work } = f.as(f.alice);
    const alice = addressOf(f.alice);
    const attempts = [
      work.write.commission([alice, 0n, 10n, zeroAddress, 0n, "Title", "https://spec"]),
      work.write.resolve([1n, true]),
      work.write.cancel([1n]),
      work.write.setPrinciple([0n, "Renamed"]),
      work.write.setReviewWindow([1]),
      work.write.setObjectionThreshold([1]),
    ];
    for (const attempt of attempts) expect(await expectRevert(attempt, "WorkUnauthorized")).toEqual([alice]);
  });

  it("lets only the collective's modules admit an applicant", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.as(f.eve).shares.write.applyForMembership([50n, "I build indexers"]));
    for (const wallet of [f.alice, f.eve]) {
      await expectRevert(f.as(wallet).shares.write.admit([1n, 50n]), "SharesUnauthorized");
    }
  });
});
