/**
 * Signed actions on the real contracts: a member signs (EIP-712, no gas) and another account
 * relays, paying the gas, while the action is recorded as the member's. Each is refused, with the
 * contract's own error, when the signature is someone else's, replayed or out of order, expired,
 * made for another collective's contract or another chain, or when the signer may not do the
 * action at all. Contract wallets sign through ERC-1271.
 */
import { describe, expect, it } from "vitest";
import { getAddress, parseEventLogs, type Hex } from "viem";
import {
  castVoteBySig,
  collectiveGovernorAbi,
  delegateBySigCall,
  objectBySigCall,
  objectionTypedData,
  profileTypedData,
  readSigningContext,
  readSigningDomain,
  setProfileBySigCall,
  sharesAbi,
  signDelegation,
  signObjection,
  signProfile,
  signVote,
  workAbi,
  workProposal,
  type SignedObjection,
  type SignedProfile,
  type SignedVote,
} from "@rhizome/contracts";
import {
  addressOf,
  advance,
  collectiveFixture,
  contractMember,
  pass,
  propose,
  quorumProposal,
  secondCollective,
  SETTINGS,
  waitFor,
  type Fixture,
  type Wallet,
} from "../helpers/collective.js";
import { expectRevert } from "../helpers/reverts.js";

const clients = (f: Fixture, walletClient: Wallet) => ({ publicClient: f.publicClient, walletClient });

/** A deadline `seconds` after the chain's latest block. */
async function inAWhile(f: Fixture, seconds = 3_600): Promise<bigint> {
  return BigInt(await f.networkHelpers.time.latest()) + BigInt(seconds);
}

/** Work item 1, commissioned to carol and delivered by her, in its review window. */
async function deliveredWork(f: Fixture): Promise<bigint> {
  const terms = { title: "Write the guide", specUri: "https://spec.example", principle: 0, reward: 40n };
  await pass(f, workProposal(f.modules, { ...terms, contributor: addressOf(f.carol) }, "Commission the guide"));
  await waitFor(f, f.as(f.carol).work.write.deliver([1n, "https://guide.example"]));
  await advance(f, 1);
  return 1n;
}

describe("Signed objections (Work.objectBySig)", () => {
  it("records a relayed objection as the member's, while the relayer pays the gas", async () => {
    const f = await collectiveFixture();
    const id = await deliveredWork(f);
    const signed = await signObjection(clients(f, f.bob), {
      work: f.modules.work,
      id,
      reason: "The guide skips the set-up",
      deadline: await inAWhile(f),
    });
    const bobBefore = await f.publicClient.getBalance({ address: addressOf(f.bob) });
    const daveBefore = await f.publicClient.getBalance({ address: addressOf(f.dave) });

    // Dave, who is not a member, relays it.
    const receipt = await waitFor(f, f.dave.writeContract(objectBySigCall(signed)));
    expect(getAddress(receipt.from)).toBe(addressOf(f.dave));
    const [event] = parseEventLogs({ abi: workAbi, eventName: "WorkObjected", logs: receipt.logs });
    expect(event?.args).toEqual({
      id,
      objector: addressOf(f.bob),
      weight: 300n,
      objections: 300n,
      reason: "The guide skips the set-up",
    });
    expect(await f.as(f.alice).work.read.hasObjected([id, addressOf(f.bob)])).toBe(true);
    expect(await f.as(f.alice).work.read.hasObjected([id, addressOf(f.dave)])).toBe(false);
    expect(await f.as(f.alice).work.read.nonces([addressOf(f.bob)])).toBe(1n);
    expect(await f.publicClient.getBalance({ address: addressOf(f.bob) })).toBe(bobBefore);
    const paid = receipt.gasUsed * receipt.effectiveGasPrice;
    expect(await f.publicClient.getBalance({ address: addressOf(f.dave) })).toBe(daveBefore - paid);

    // The same rules as a direct objection: one per member, by signature or not.
    await expectRevert(f.as(f.bob).work.write.object([id, "again"]), "WorkAlreadyObjected");
  });

  it("declares a domain of its own per collective, named Rhizome Work", async () => {
    const f = await collectiveFixture();
    const mycel = await secondCollective(f, f.eve);
    const domain = await readSigningDomain(f.publicClient, f.modules.work);
    expect(domain).toEqual({
      name: "Rhizome Work",
      version: "1",
      chainId: await f.publicClient.getChainId(),
      verifyingContract: f.modules.work,
    });
    expect((await readSigningDomain(f.publicClient, mycel.modules.work)).verifyingContract).toBe(mycel.modules.work);
  });

  it("refuses a signature by someone else, or for another objection", async () => {
    const f = await collectiveFixture();
    const id = await deliveredWork(f);
    const { domain, nonce } = await readSigningContext(f.publicClient, {
      contract: f.modules.work,
      signer: addressOf(f.bob),
    });
    const message = { id, reason: "Not done", objector: addressOf(f.bob), nonce, deadline: await inAWhile(f) };
    // Alice signs an objection in Bob's name.
    const forged = await f.alice.signTypedData(objectionTypedData(domain, message));
    const byAlice: SignedObjection = { work: f.modules.work, message, signature: forged };
    expect(await expectRevert(f.dave.writeContract(objectBySigCall(byAlice)), "WorkInvalidSignature")).toEqual([
      addressOf(f.bob),
    ]);
    // Bob's own signature, relayed with another reason.
    const signature = await f.bob.signTypedData(objectionTypedData(domain, message));
    const altered = { work: f.modules.work, message: { ...message, reason: "Reject it all" }, signature };
    await expectRevert(f.dave.writeContract(objectBySigCall(altered)), "WorkInvalidSignature");
    // A signature that is not one at all.
    const garbage = { work: f.modules.work, message, signature: "0x1234" as Hex };
    await expectRevert(f.dave.writeContract(objectBySigCall(garbage)), "WorkInvalidSignature");
    expect(await f.as(f.alice).work.read.hasObjected([id, addressOf(f.bob)])).toBe(false);
  });

  it("counts each signature once, in nonce order", async () => {
    const f = await collectiveFixture();
    const id = await deliveredWork(f);
    await deliveredWorkAgain(f);
    const deadline = await inAWhile(f);
    const { domain } = await readSigningContext(f.publicClient, { contract: f.modules.work, signer: addressOf(f.bob) });
    const sign = async (workId: bigint, nonce: bigint): Promise<SignedObjection> => {
      const message = { id: workId, reason: "", objector: addressOf(f.bob), nonce, deadline };
      return {
        work: f.modules.work,
        message,
        signature: await f.bob.signTypedData(objectionTypedData(domain, message)),
      };
    };
    const first = await sign(id, 0n);
    const second = await sign(2n, 1n);
    // The second cannot go before the first.
    expect(await expectRevert(f.dave.writeContract(objectBySigCall(second)), "InvalidAccountNonce")).toEqual([
      addressOf(f.bob),
      0n,
    ]);
    await waitFor(f, f.dave.writeContract(objectBySigCall(first)));
    // Replayed: its nonce is spent.
    expect(await expectRevert(f.dave.writeContract(objectBySigCall(first)), "InvalidAccountNonce")).toEqual([
      addressOf(f.bob),
      1n,
    ]);
    await waitFor(f, f.dave.writeContract(objectBySigCall(second)));
    expect(await f.as(f.alice).work.read.hasObjected([2n, addressOf(f.bob)])).toBe(true);
  });

  it("refuses a signature past its deadline, and takes one at it", async () => {
    const f = await collectiveFixture();
    const id = await deliveredWork(f);
    const work = f.modules.work;
    const past = BigInt(await f.networkHelpers.time.latest()) - 1n;
    const expired = await signObjection(clients(f, f.bob), { work, id, reason: "", deadline: past });
    expect(await expectRevert(f.dave.writeContract(objectBySigCall(expired)), "WorkExpiredSignature")).toEqual([past]);
    const deadline = await inAWhile(f, 60);
    const onTime = await signObjection(clients(f, f.bob), { work, id, reason: "", deadline });
    await f.networkHelpers.time.setNextBlockTimestamp(deadline);
    // With its gas given, the transaction is not estimated first but mined at the deadline.
    await waitFor(f, f.dave.writeContract({ ...objectBySigCall(onTime), gas: 200_000n }));
    expect(await f.as(f.alice).work.read.hasObjected([id, addressOf(f.bob)])).toBe(true);
  });

  it("refuses a signature made for another collective's work module, or another chain", async () => {
    const f = await collectiveFixture();
    const mycel = await secondCollective(f, f.eve);
    const id = await deliveredWork(f);
    const message = { id, reason: "", objector: addressOf(f.bob), nonce: 0n, deadline: await inAWhile(f) };
    const theirs = await readSigningDomain(f.publicClient, mycel.modules.work);
    const elsewhere = {
      work: f.modules.work,
      message,
      signature: await f.bob.signTypedData(objectionTypedData(theirs, message)),
    };
    await expectRevert(f.dave.writeContract(objectBySigCall(elsewhere)), "WorkInvalidSignature");
    const ours = await readSigningDomain(f.publicClient, f.modules.work);
    const mainnet = { ...ours, chainId: 1 };
    const otherChain = {
      work: f.modules.work,
      message,
      signature: await f.bob.signTypedData(objectionTypedData(mainnet, message)),
    };
    await expectRevert(f.dave.writeContract(objectBySigCall(otherChain)), "WorkInvalidSignature");
  });

  it("applies the rules of a direct objection to the signer", async () => {
    const f = await collectiveFixture();
    const id = await deliveredWork(f);
    // Eve holds no shares: her signature is good, her objection weighs nothing.
    const eve = await signObjection(clients(f, f.eve), {
      work: f.modules.work,
      id,
      reason: "",
      deadline: await inAWhile(f),
    });
    expect(await expectRevert(f.dave.writeContract(objectBySigCall(eve)), "WorkNoObjectionWeight")).toEqual([
      id,
      addressOf(f.eve),
    ]);
    // After the review window.
    const bob = await signObjection(clients(f, f.bob), {
      work: f.modules.work,
      id,
      reason: "",
      deadline: await inAWhile(f, 30 * 86_400),
    });
    await advance(f, SETTINGS.reviewWindow + 1);
    await expectRevert(f.dave.writeContract(objectBySigCall(bob)), "WorkReviewClosed");
  });

  it("takes an objection signed by a contract wallet (ERC-1271)", async () => {
    const f = await collectiveFixture();
    // Eve's key owns the wallet; the wallet, not Eve, is the member.
    const wallet = await contractMember(f, f.eve, 50n);
    const id = await deliveredWork(f);
    const { domain, nonce } = await readSigningContext(f.publicClient, { contract: f.modules.work, signer: wallet });
    const message = { id, reason: "From the multisig", objector: wallet, nonce, deadline: await inAWhile(f) };
    const signed = {
      work: f.modules.work,
      message,
      signature: await f.eve.signTypedData(objectionTypedData(domain, message)),
    };
    const receipt = await waitFor(f, f.dave.writeContract(objectBySigCall(signed)));
    const [event] = parseEventLogs({ abi: workAbi, eventName: "WorkObjected", logs: receipt.logs });
    expect(event?.args.objector).toBe(wallet);
    expect(event?.args.weight).toBe(50n);
    // A key that does not own the wallet.
    const other = { ...signed, message: { ...message, nonce: 1n } };
    other.signature = await f.bob.signTypedData(objectionTypedData(domain, other.message));
    await expectRevert(f.dave.writeContract(objectBySigCall(other)), "WorkInvalidSignature");
  });
});

/** Work item 2, commissioned to carol and delivered: a second item to object to. */
async function deliveredWorkAgain(f: Fixture) {
  const terms = { title: "Translate the guide", specUri: "https://spec.example/fr", principle: 0, reward: 10n };
  await pass(f, workProposal(f.modules, { ...terms, contributor: addressOf(f.carol) }, "Commission the translation"));
  await waitFor(f, f.as(f.carol).work.write.deliver([2n, "https://guide.example/fr"]));
  await advance(f, 1);
}

describe("Signed profiles (Shares.setProfileBySig)", () => {
  const profile = { name: "Bob 🌱", avatar: "ipfs://bafy/bob.png", uri: "https://bob.example" };

  it("records a relayed profile as the member's, while the relayer pays the gas", async () => {
    const f = await collectiveFixture();
    const signed = await signProfile(clients(f, f.bob), {
      shares: f.modules.shares,
      ...profile,
      deadline: await inAWhile(f),
    });
    const bobBefore = await f.publicClient.getBalance({ address: addressOf(f.bob) });
    const receipt = await waitFor(f, f.dave.writeContract(setProfileBySigCall(signed)));
    expect(getAddress(receipt.from)).toBe(addressOf(f.dave));
    const [event] = parseEventLogs({ abi: sharesAbi, eventName: "ProfileSet", logs: receipt.logs });
    expect(event?.args).toEqual({ member: addressOf(f.bob), ...profile });
    expect(await f.publicClient.getBalance({ address: addressOf(f.bob) })).toBe(bobBefore);
    expect(await f.as(f.alice).shares.read.nonces([addressOf(f.bob)])).toBe(1n);
  });

  it("refuses a signature by someone else, replayed, expired, or for another collective", async () => {
    const f = await collectiveFixture();
    const mycel = await secondCollective(f, f.eve);
    const { domain, nonce } = await readSigningContext(f.publicClient, {
      contract: f.modules.shares,
      signer: addressOf(f.bob),
    });
    const message = { ...profile, member: addressOf(f.bob), nonce, deadline: await inAWhile(f) };
    const signedBy = async (signer: Wallet, d = domain, m = message): Promise<SignedProfile> => ({
      shares: f.modules.shares,
      message: m,
      signature: await signer.signTypedData(profileTypedData(d, m)),
    });
    const send = (signed: SignedProfile) => f.dave.writeContract(setProfileBySigCall(signed));

    expect(await expectRevert(send(await signedBy(f.alice)), "SharesInvalidSignature")).toEqual([addressOf(f.bob)]);
    const theirs = await readSigningDomain(f.publicClient, mycel.modules.shares);
    await expectRevert(send(await signedBy(f.bob, theirs)), "SharesInvalidSignature");
    await expectRevert(send(await signedBy(f.bob, { ...domain, chainId: 1 })), "SharesInvalidSignature");
    const good = await signedBy(f.bob);
    await expectRevert(send({ ...good, message: { ...message, name: "Admin" } }), "SharesInvalidSignature");
    await waitFor(f, send(good));
    expect(await expectRevert(send(good), "InvalidAccountNonce")).toEqual([addressOf(f.bob), 1n]);

    const past = BigInt(await f.networkHelpers.time.latest()) - 1n;
    const expired = await signedBy(f.bob, domain, { ...message, nonce: 1n, deadline: past });
    expect(await expectRevert(send(expired), "SharesExpiredSignature")).toEqual([past]);
  });

  it("applies the rules of setProfile to the signer: members only, a clean name", async () => {
    const f = await collectiveFixture();
    const deadline = await inAWhile(f);
    const eve = await signProfile(clients(f, f.eve), { shares: f.modules.shares, ...profile, deadline });
    expect(await expectRevert(f.dave.writeContract(setProfileBySigCall(eve)), "SharesNotMember")).toEqual([
      addressOf(f.eve),
    ]);
    const shares = f.modules.shares;
    const spoof = await signProfile(clients(f, f.bob), { shares, ...profile, name: "Bob\u202e\nAdmin", deadline });
    expect(await expectRevert(f.dave.writeContract(setProfileBySigCall(spoof)), "SharesNameControlCharacter")).toEqual([
      6n,
    ]);
    const long = await signProfile(clients(f, f.bob), { shares, ...profile, name: "b".repeat(65), deadline });
    await expectRevert(f.dave.writeContract(setProfileBySigCall(long)), "SharesNameTooLong");
  });

  it("shares one nonce sequence with delegateBySig", async () => {
    const f = await collectiveFixture();
    const deadline = await inAWhile(f);
    const shares = f.modules.shares;
    // Signed one after the other, before either is sent: both carry nonce 0.
    const delegation = await signDelegation(clients(f, f.bob), {
      shares,
      delegatee: addressOf(f.alice),
      expiry: deadline,
    });
    const signed = await signProfile(clients(f, f.bob), { shares, ...profile, deadline });
    expect(delegation.message.nonce).toBe(0n);
    expect(signed.message.nonce).toBe(0n);
    await waitFor(f, f.dave.writeContract(delegateBySigCall(delegation)));
    await expectRevert(f.dave.writeContract(setProfileBySigCall(signed)), "InvalidAccountNonce");
  });

  it("takes a profile signed by a contract wallet (ERC-1271)", async () => {
    const f = await collectiveFixture();
    const wallet = await contractMember(f, f.eve, 5n);
    const { domain, nonce } = await readSigningContext(f.publicClient, { contract: f.modules.shares, signer: wallet });
    const message = { ...profile, name: "The multisig", member: wallet, nonce, deadline: await inAWhile(f) };
    const signature = await f.eve.signTypedData(profileTypedData(domain, message));
    const receipt = await waitFor(
      f,
      f.dave.writeContract(setProfileBySigCall({ shares: f.modules.shares, message, signature })),
    );
    const [event] = parseEventLogs({ abi: sharesAbi, eventName: "ProfileSet", logs: receipt.logs });
    expect(event?.args).toMatchObject({ member: wallet, name: "The multisig" });
  });
});

describe("Signed votes and delegations (castVoteBySig, delegateBySig)", () => {
  /** An active proposal. */
  async function activeProposal(f: Fixture): Promise<bigint> {
    const id = await propose(f, f.alice, quorumProposal(f.modules, 25n, "Raise the quorum to 25%"));
    await advance(f, SETTINGS.votingDelay + 1);
    return id;
  }

  it("records a relayed vote, with or without a reason, as the member's", async () => {
    const f = await collectiveFixture();
    const proposalId = await activeProposal(f);
    const governor = f.modules.governor;
    const bob = await signVote(clients(f, f.bob), { governor, proposalId, support: "for" });
    const carol = await signVote(clients(f, f.carol), { governor, proposalId, support: "against", reason: "Too high" });
    const bobVote = await waitFor(f, castVoteBySig(f.dave, bob));
    const carolVote = await waitFor(f, castVoteBySig(f.dave, carol));
    const [cast] = parseEventLogs({ abi: collectiveGovernorAbi, eventName: "VoteCast", logs: bobVote.logs });
    expect(cast?.args).toMatchObject({ voter: addressOf(f.bob), proposalId, support: 1, weight: 300n, reason: "" });
    const [withReason] = parseEventLogs({ abi: collectiveGovernorAbi, eventName: "VoteCast", logs: carolVote.logs });
    expect(withReason?.args).toMatchObject({ voter: addressOf(f.carol), support: 0, weight: 100n, reason: "Too high" });
    expect(await f.as(f.alice).governor.read.hasVoted([proposalId, addressOf(f.dave)])).toBe(false);
  });

  it("refuses a vote signed by someone else, replayed, for another collective, or by a non-voter", async () => {
    const f = await collectiveFixture();
    const mycel = await secondCollective(f, f.eve);
    const proposalId = await activeProposal(f);
    const governor = f.modules.governor;
    const bob = await signVote(clients(f, f.bob), { governor, proposalId, support: "for" });
    // Signed by Alice in Bob's name: the governor checks the signature against the voter named.
    const forged = await signVote(clients(f, f.alice), { governor, proposalId, support: "for" });
    const send = (vote: SignedVote) => castVoteBySig(f.dave, vote);
    expect(
      await expectRevert(
        send({ ...forged, message: { ...forged.message, voter: addressOf(f.bob) } }),
        "GovernorInvalidSignature",
      ),
    ).toEqual([addressOf(f.bob)]);
    const theirs = await signVote(clients(f, f.bob), { governor: mycel.modules.governor, proposalId, support: "for" });
    await expectRevert(send({ ...theirs, governor }), "GovernorInvalidSignature");
    await waitFor(f, send(bob));
    // OpenZeppelin's ballot hashes the current nonce: a replay no longer matches it.
    await expectRevert(send(bob), "GovernorInvalidSignature");
    const eve = await signVote(clients(f, f.eve), { governor, proposalId, support: "for" });
    await expectRevert(send(eve), "GovernorNotAVoter");
  });

  it("moves a member's votes by a relayed delegation, and refuses a replayed or expired one", async () => {
    const f = await collectiveFixture();
    const shares = f.modules.shares;
    const signed = await signDelegation(clients(f, f.bob), {
      shares,
      delegatee: addressOf(f.alice),
      expiry: await inAWhile(f),
    });
    const receipt = await waitFor(f, f.dave.writeContract(delegateBySigCall(signed)));
    const [changed] = parseEventLogs({ abi: sharesAbi, eventName: "DelegateChanged", logs: receipt.logs });
    expect(changed?.args).toEqual({
      delegator: addressOf(f.bob),
      fromDelegate: addressOf(f.bob),
      toDelegate: addressOf(f.alice),
    });
    expect(await f.as(f.alice).shares.read.getVotes([addressOf(f.alice)])).toBe(900n);
    await expectRevert(f.dave.writeContract(delegateBySigCall(signed)), "InvalidAccountNonce");

    const past = BigInt(await f.networkHelpers.time.latest()) - 1n;
    const expired = await signDelegation(clients(f, f.carol), { shares, delegatee: addressOf(f.alice), expiry: past });
    expect(await expectRevert(f.dave.writeContract(delegateBySigCall(expired)), "VotesExpiredSignature")).toEqual([
      past,
    ]);
  });

  it("delegates for no member when a delegation was signed for another collective: the relay must check the signer", async () => {
    const f = await collectiveFixture();
    const mycel = await secondCollective(f, f.eve);
    // Signed for Mycel's shares, sent to Rizom's: the contract recovers some other address, whose
    // nonce is 0 too, and delegates its (zero) votes. Bob's delegation does not move.
    const signed = await signDelegation(clients(f, f.bob), {
      shares: mycel.modules.shares,
      delegatee: addressOf(f.alice),
      expiry: await inAWhile(f),
    });
    await waitFor(f, f.dave.writeContract(delegateBySigCall({ ...signed, shares: f.modules.shares })));
    expect(await f.as(f.alice).shares.read.delegates([addressOf(f.bob)])).toBe(addressOf(f.bob));
    expect(await f.as(f.alice).shares.read.nonces([addressOf(f.bob)])).toBe(0n);
  });
});
