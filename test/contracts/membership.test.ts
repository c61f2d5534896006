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

  it("lets members, and only members, set a profile: a display name, an avatar and a link", async () => {
    const f = await collectiveFixture();
    const { shares } = f.as(f.bob);
    const set = await waitFor(
      f,
      shares.write.setProfile(["Bob Ó Briain 🌱", "ipfs://bafy/bob.png", "https://bob.example"]),
    );
    const [event] = parseEventLogs({ abi: sharesAbi, eventName: "ProfileSet", logs: set.logs });
    expect(event?.args).toEqual({
      member: addressOf(f.bob),
      name: "Bob Ó Briain 🌱",
      avatar: "ipfs://bafy/bob.png",
      uri: "https://bob.example",
    });
    // Empty fields clear them.
    const cleared = await waitFor(f, shares.write.setProfile(["", "", ""]));
    const [clearedEvent] = parseEventLogs({ abi: sharesAbi, eventName: "ProfileSet", logs: cleared.logs });
    expect(clearedEvent?.args).toEqual({ member: addressOf(f.bob), name: "", avatar: "", uri: "" });

    await expectRevert(f.as(f.eve).shares.write.setProfile(["Eve", "", "https://eve.example"]), "SharesNotMember");
    expect(await expectRevert(shares.write.setProfile(["", "", "x".repeat(513)]), "SharesInvalidProfile")).toEqual([
      513n,
    ]);
    expect(await expectRevert(shares.write.setProfile(["", "x".repeat(513), ""]), "SharesInvalidProfile")).toEqual([
      513n,
    ]);
    // Limits are in bytes: 64 one-byte characters fit, 17 four-byte emoji (68 bytes) do not.
    await waitFor(f, shares.write.setProfile(["x".repeat(64), "x".repeat(512), "x".repeat(512)]));
    expect(await expectRevert(shares.write.setProfile(["x".repeat(65), "", ""]), "SharesNameTooLong")).toEqual([65n]);
    expect(await expectRevert(shares.write.setProfile(["🌱".repeat(17), "", ""]), "SharesNameTooLong")).toEqual([68n]);
  });

  it("refuses a display name with a control character, naming where it is", async () => {
    const f = await collectiveFixture();
    const { shares } = f.as(f.bob);
    for (const [name, index] of [
      ["Bob\nAdmin", 3n],
      ["\u0000", 0n],
      ["Bob\u001b[31m", 3n],
      ["Bob\u007f", 3n],
      ["\tBob", 0n],
    ] as const) {
      expect(await expectRevert(shares.write.setProfile([name, "", ""]), "SharesNameControlCharacter")).toEqual([
        index,
      ]);
    }
    // Space, punctuation and any character above 0x7f are a name's to use.
    await waitFor(f, shares.write.setProfile(["~ Bob (he/him) ~ \u00a0 Ωμέγα", "", ""]));
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
