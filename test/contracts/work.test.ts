import { describe, expect, it } from "vitest";
import { encodeFunctionData, parseEther, parseEventLogs, zeroAddress } from "viem";
import { mintSharesProposal, resolveWorkProposal, workAbi, workProposal, type WorkTerms } from "@rhizome/contracts";
import {
  addressOf,
  advance,
  collectiveFixture,
  deployToken,
  pass,
  SETTINGS,
  waitFor,
  type Fixture,
} from "../helpers/collective.js";
import { expectFailedExecution, expectRevert } from "../helpers/reverts.js";

const WorkState = { None: 0, Commissioned: 1, Delivered: 2, Accepted: 3, Disputed: 4, Rejected: 5, Cancelled: 6 };

async function commission(f: Fixture, terms: WorkTerms) {
  const { executed } = await pass(f, workProposal(f.modules, terms, `Work: ${terms.title}`));
  const [event] = parseEventLogs({ abi: workAbi, eventName: "WorkCommissioned", logs: executed.logs });
  if (!event) throw new Error("No WorkCommissioned event");
  return event;
}

const indexerTerms = (f: Fixture): WorkTerms => ({
  title: "Build the indexer",
  specUri: "https://rizom.example/specs/indexer",
  principle: 0,
  reward: 40n,
  contributor: addressOf(f.dave),
});

describe("Work", () => {
  it("is commissioned by a proposal, with its terms in one event", async () => {
    const f = await collectiveFixture();
    const event = await commission(f, { ...indexerTerms(f), payment: { amount: parseEther("1") } });
    expect(event.args).toEqual({
      id: 1n,
      contributor: addressOf(f.dave),
      principle: 0n,
      reward: 40n,
      paymentToken: zeroAddress,
      paymentAmount: parseEther("1"),
      title: "Build the indexer",
      specUri: "https://rizom.example/specs/indexer",
    });
    const item = await f.as(f.alice).work.read.item([1n]);
    expect(item.state).toBe(WorkState.Commissioned);
    expect(item.contributor).toBe(addressOf(f.dave));
    expect(await f.as(f.alice).work.read.itemCount()).toBe(1n);
  });

  it("is delivered, reviewed and accepted: the reward is minted and the payment sent exactly once", async () => {
    const f = await collectiveFixture();
    const token = await deployToken(f, f.modules.treasury, parseEther("100"));
    await commission(f, { ...indexerTerms(f), payment: { amount: parseEther("30"), token: token.address } });
    const dave = addressOf(f.dave);

    await expectRevert(f.as(f.eve).work.write.deliver([1n, "https://pr/1"]), "WorkNotContributor");
    const delivered = await waitFor(f, f.as(f.dave).work.write.deliver([1n, "https://pr/1"]));
    const [deliveredEvent] = parseEventLogs({ abi: workAbi, eventName: "WorkDelivered", logs: delivered.logs });
    // 10% of the 1000 shares at delivery.
    expect(deliveredEvent?.args.objectionQuorum).toBe(100n);
    expect(deliveredEvent?.args.uri).toBe("https://pr/1");

    await expectRevert(f.as(f.eve).work.write.settle([1n]), "WorkReviewOpen");
    await advance(f, SETTINGS.reviewWindow + 1);
    const settled = await waitFor(f, f.as(f.eve).work.write.settle([1n]));
    const [accepted] = parseEventLogs({ abi: workAbi, eventName: "WorkAccepted", logs: settled.logs });
    expect(accepted?.args).toEqual({
      id: 1n,
      contributor: dave,
      reward: 40n,
      paymentToken: token.address,
      paymentAmount: parseEther("30"),
    });
    expect(await f.as(f.alice).shares.read.balanceOf([dave])).toBe(40n);
    expect(await f.as(f.alice).shares.read.getVotes([dave])).toBe(40n);
    expect(await token.read.balanceOf([dave])).toBe(parseEther("30"));

    expect(await expectRevert(f.as(f.eve).work.write.settle([1n]), "WorkInvalidState")).toEqual([
      1n,
      WorkState.Accepted,
    ]);
    expect(await f.as(f.alice).shares.read.balanceOf([dave])).toBe(40n);
    expect(await token.read.balanceOf([dave])).toBe(parseEther("30"));
  });

  it("lets any member take an open bounty, and no one else", async () => {
    const f = await collectiveFixture();
    await commission(f, { ...indexerTerms(f), contributor: undefined });
    await expectRevert(f.as(f.dave).work.write.take([1n]), "WorkNotMember");
    await expectRevert(f.as(f.carol).work.write.deliver([1n, "https://pr/2"]), "WorkNotContributor");
    const taken = await waitFor(f, f.as(f.carol).work.write.take([1n]));
    const [event] = parseEventLogs({ abi: workAbi, eventName: "WorkTaken", logs: taken.logs });
    expect(event?.args).toEqual({ id: 1n, contributor: addressOf(f.carol) });
    await expectRevert(f.as(f.bob).work.write.take([1n]), "WorkInvalidState");
    await waitFor(f, f.as(f.carol).work.write.deliver([1n, "https://pr/2"]));
    await advance(f, SETTINGS.reviewWindow + 1);
    await waitFor(f, f.as(f.alice).work.write.settle([1n]));
    expect(await f.as(f.alice).shares.read.balanceOf([addressOf(f.carol)])).toBe(140n);
  });

  it("is disputed when objections reach the threshold, then accepted or rejected by a proposal", async () => {
    const f = await collectiveFixture();
    await commission(f, indexerTerms(f));
    await commission(f, { ...indexerTerms(f), title: "Second try" });
    for (const id of [1n, 2n]) await waitFor(f, f.as(f.dave).work.write.deliver([id, `https://pr/${id}`]));
    await advance(f, 1);
    // carol's 100 shares are exactly the 10% threshold.
    const objected = await waitFor(f, f.as(f.carol).work.write.object([1n, "Untested"]));
    const [event] = parseEventLogs({ abi: workAbi, eventName: "WorkObjected", logs: objected.logs });
    expect(event?.args).toEqual({
      id: 1n,
      objector: addressOf(f.carol),
      weight: 100n,
      objections: 100n,
      reason: "Untested",
    });
    await expectRevert(f.as(f.carol).work.write.object([1n, "Again"]), "WorkAlreadyObjected");
    await waitFor(f, f.as(f.carol).work.write.object([2n, "Untested too"]));
    await advance(f, SETTINGS.reviewWindow);
    await expectRevert(f.as(f.bob).work.write.object([1n, "Late"]), "WorkReviewClosed");
    for (const id of [1n, 2n]) await waitFor(f, f.as(f.eve).work.write.settle([id]));
    expect((await f.as(f.alice).work.read.item([1n])).state).toBe(WorkState.Disputed);
    expect(await f.as(f.alice).shares.read.balanceOf([addressOf(f.dave)])).toBe(0n);

    await pass(f, resolveWorkProposal(f.modules, 1n, true, "Accept the indexer after all"));
    await pass(f, resolveWorkProposal(f.modules, 2n, false, "Reject the second try"));
    expect((await f.as(f.alice).work.read.item([1n])).state).toBe(WorkState.Accepted);
    expect((await f.as(f.alice).work.read.item([2n])).state).toBe(WorkState.Rejected);
    expect(await f.as(f.alice).shares.read.balanceOf([addressOf(f.dave)])).toBe(40n);
  });

  it("is accepted when objections stay under the threshold", async () => {
    const f = await collectiveFixture();
    await pass(f, mintSharesProposal(f.modules, addressOf(f.eve), 99n, "Shares for Eve"));
    await commission(f, { ...indexerTerms(f), contributor: addressOf(f.bob) });
    await waitFor(f, f.as(f.bob).work.write.deliver([1n, "https://pr/1"]));
    await advance(f, 1);
    // The threshold is 10% of 1099 shares, rounded up: 110. Eve's 99 stay under it.
    await waitFor(f, f.as(f.eve).work.write.object([1n, "Not convinced"]));
    await advance(f, SETTINGS.reviewWindow + 1);
    await waitFor(f, f.as(f.eve).work.write.settle([1n]));
    const item = await f.as(f.alice).work.read.item([1n]);
    expect(item.objections).toBe(99n);
    expect(item.objectionQuorum).toBe(110n);
    expect(item.state).toBe(WorkState.Accepted);
  });

  it("can be cancelled by governance until it is settled", async () => {
    const f = await collectiveFixture();
    await commission(f, indexerTerms(f));
    const { executed } = await pass(f, {
      targets: [f.modules.work],
      values: [0n],
      calldatas: [encodeFunctionData({ abi: workAbi, functionName: "cancel", args: [1n] })],
      description: "Cancel the indexer",
    });
    expect(parseEventLogs({ abi: workAbi, eventName: "WorkCancelled", logs: executed.logs })).toHaveLength(1);
    await expectRevert(f.as(f.dave).work.write.deliver([1n, "https://pr/1"]), "WorkInvalidState");
    await expectRevert(f.as(f.dave).work.write.settle([9n]), "WorkUnknownItem");
  });

  it("keeps to the collective's principles, which a proposal can amend", async () => {
    const f = await collectiveFixture();
    await expectFailedExecution(
      pass(f, workProposal(f.modules, { ...indexerTerms(f), principle: 4 }, "Bad")),
      "WorkUnknownPrinciple",
    );
    const { executed } = await pass(f, {
      targets: [f.modules.work, f.modules.work],
      values: [0n, 0n],
      calldatas: [
        encodeFunctionData({ abi: workAbi, functionName: "setPrinciple", args: [4n, "Care for the commons"] }),
        encodeFunctionData({
          abi: workAbi,
          functionName: "setPrinciple",
          args: [0n, "Technology as shared infrastructure"],
        }),
      ],
      description: "Amend the principles",
    });
    const set = parseEventLogs({ abi: workAbi, eventName: "PrincipleSet", logs: executed.logs });
    expect(set.map((e) => e.args)).toEqual([
      { index: 4n, name: "Care for the commons" },
      { index: 0n, name: "Technology as shared infrastructure" },
    ]);
    expect(await f.as(f.alice).work.read.principleCount()).toBe(5n);
    await commission(f, { ...indexerTerms(f), principle: 4 });
  });

  it("refuses work without a title or anything to earn", async () => {
    const f = await collectiveFixture();
    await expectFailedExecution(
      pass(f, workProposal(f.modules, { ...indexerTerms(f), title: "" }, "No title")),
      "WorkInvalidTerms",
    );
    await expectFailedExecution(
      pass(f, workProposal(f.modules, { ...indexerTerms(f), reward: 0n }, "No reward")),
      "WorkInvalidTerms",
    );
  });
});
