import { describe, expect, it } from "vitest";
import { encodeFunctionData, parseEventLogs } from "viem";
import { admissionProposal, sharesAbi } from "@rhizome/contracts";
import { addressOf, collectiveFixture, pass, secondCollective, waitFor } from "../helpers/collective.js";
import { expectFailedExecution, expectRevert } from "../helpers/reverts.js";

describe("Membership", () => {
  it("lets anyone apply, and a member's admission proposal mints the shares to the applicant", async () => {
    const f = await collectiveFixture();
    const dave = addressOf(f.dave);
    const applied = await waitFor(f, f.as(f.dave).shares.write.applyForMembership([50n, "https://dave.example/pitch"]));
    const [submitted] = parseEventLogs({ abi: sharesAbi, eventName: "ApplicationSubmitted", logs: applied.logs });
    expect(submitted?.args).toEqual({
      applicationId: 1n,
      applicant: dave,
      requestedShares: 50n,
      pitch: "https://dave.example/pitch",
    });
    expect(await f.as(f.alice).shares.read.application([1n])).toEqual([dave, 50n, true]);

    // The sponsor may grant a different amount than asked: the proposal decides.
    const { executed } = await pass(f, admissionProposal(f.modules, 1n, 40n, "Admit Dave (application 1)"));
    const [admitted] = parseEventLogs({ abi: sharesAbi, eventName: "ApplicationAdmitted", logs: executed.logs });
    expect(admitted?.args).toEqual({ applicationId: 1n, applicant: dave, shares: 40n });
    expect(await f.as(f.alice).shares.read.balanceOf([dave])).toBe(40n);
    expect(await f.as(f.alice).shares.read.getVotes([dave])).toBe(40n);
    // The fourth account to hold votes, after the three founders.
    expect(await f.as(f.alice).shares.read.voterIndex([dave])).toBe(4n);
    expect(await f.as(f.alice).shares.read.application([1n])).toEqual([dave, 50n, false]);

    // An application is admitted once.
    await expectFailedExecution(
      pass(f, admissionProposal(f.modules, 1n, 40n, "Admit Dave again")),
      "SharesApplicationNotOpen",
    );
  });

  it("refuses an application without shares or pitch, or with an oversized pitch", async () => {
    const f = await collectiveFixture();
    const { shares } = f.as(f.dave);
    expect(await expectRevert(shares.write.applyForMembership([0n, "hi"]), "SharesInvalidApplication")).toEqual([
      0n,
      2n,
    ]);
    await expectRevert(shares.write.applyForMembership([1n, ""]), "SharesInvalidApplication");
    await expectRevert(shares.write.applyForMembership([1n, "x".repeat(1025)]), "SharesInvalidApplication");
    await expectRevert(shares.write.applyForMembership([2n ** 64n, "hi"]), "SharesInvalidApplication");
    expect(await shares.read.applicationCount()).toBe(0n);
  });

  it("lets only the applicant withdraw an open application", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.as(f.dave).shares.write.applyForMembership([50n, "pitch"]));
    expect(await expectRevert(f.as(f.eve).shares.write.withdrawApplication([1n]), "SharesNotApplicant")).toEqual([
      1n,
      addressOf(f.eve),
    ]);
    const withdrawn = await waitFor(f, f.as(f.dave).shares.write.withdrawApplication([1n]));
    const [event] = parseEventLogs({ abi: sharesAbi, eventName: "ApplicationWithdrawn", logs: withdrawn.logs });
    expect(event?.args).toEqual({ applicationId: 1n, applicant: addressOf(f.dave) });
    await expectRevert(f.as(f.dave).shares.write.withdrawApplication([1n]), "SharesApplicationNotOpen");
    await expectFailedExecution(
      pass(f, admissionProposal(f.modules, 1n, 50n, "Admit Dave")),
      "SharesApplicationNotOpen",
    );
  });

  it("lets members, and only members, set a profile link", async () => {
    const f = await collectiveFixture();
    const set = await waitFor(f, f.as(f.bob).shares.write.setProfile(["https://bob.example"]));
    const [event] = parseEventLogs({ abi: sharesAbi, eventName: "ProfileUpdated", logs: set.logs });
    expect(event?.args).toEqual({ member: addressOf(f.bob), uri: "https://bob.example" });
    await expectRevert(f.as(f.eve).shares.write.setProfile(["https://eve.example"]), "SharesNotMember");
    await expectRevert(f.as(f.bob).shares.write.setProfile(["x".repeat(513)]), "SharesInvalidProfile");
  });

  it("lets a collective join another through its timelock, making a network link", async () => {
    const f = await collectiveFixture();
    const mycel = await secondCollective(f, f.eve);
    // Mycel applies to Rizom by a proposal of its own, executed by its timelock.
    const apply = {
      targets: [f.modules.shares],
      values: [0n],
      calldatas: [
        encodeFunctionData({
          abi: sharesAbi,
          functionName: "applyForMembership",
          args: [25n, "Mycel would like to join"],
        }),
      ],
      description: "Apply to join Rizom",
    };
    await pass(mycel, apply, { proposer: f.eve, voters: [f.eve] });
    expect(await f.as(f.alice).shares.read.application([1n])).toEqual([mycel.modules.timelock, 25n, true]);
    await pass(f, admissionProposal(f.modules, 1n, 25n, "Admit Mycel"));
    expect(await f.as(f.alice).shares.read.balanceOf([mycel.modules.timelock])).toBe(25n);
    expect(await f.as(f.alice).shares.read.getVotes([mycel.modules.timelock])).toBe(25n);
  });
});
