/**
 * The security review's edges beyond those of review.test.ts (README, "Security"), each pinned by
 * a test: exits once no share is left and at the extremes of supply and balance; work reviewed by
 * a tiny or departed membership, and a commission's payment that is not set aside; every setting
 * at its slowest and fastest bounds still undone by a proposal, and how the settings bound a member
 * who moved their votes; what spam costs whom; signatures across same-named collectives and
 * chains; clones that no one can initialise first or impersonate.
 */
import { describe, expect, it } from "vitest";
import {
  encodeFunctionData,
  getContractAddress,
  maxUint256,
  parseEther,
  parseEventLogs,
  parseSignature,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import {
  collectiveFactoryAbi,
  collectiveGovernorAbi,
  collectiveTimelockAbi,
  createCollective,
  mintSharesProposal,
  proposalOperation,
  ragequit,
  sharesAbi,
  treasuryAbi,
  workAbi,
  workProposal,
  type CollectiveSettings,
  type ProposalActions,
} from "@rhizome/contracts";
import {
  addressOf,
  advance,
  collectiveFixture,
  contractsFor,
  deployToken,
  pass,
  PRINCIPLES,
  propose,
  ProposalState,
  SETTINGS,
  vote,
  Vote,
  waitFor,
  type Fixture,
  type Wallet,
} from "../helpers/collective.js";
import { expectRevert } from "../helpers/reverts.js";

const DAY = 86_400;
const WorkState = { Delivered: 2, Accepted: 3, Disputed: 4 } as const;

/** One proposal of several calls. */
function calls(description: string, ...actions: [Address, Hex][]): ProposalActions {
  return {
    targets: actions.map(([target]) => target),
    values: actions.map(() => 0n),
    calldatas: actions.map(([, data]) => data),
    description,
  };
}

/** A collective's governance settings, as `settingsOf` reads them (the counting rule as its value). */
interface GovernanceSettings {
  votingDelay: number;
  votingPeriod: number;
  executionWindow: number;
  timelockDelay: number;
  quorumPercent: number;
  proposalThreshold: bigint;
  vetoPercent: number;
  countingRule: number;
}

/** The calls that set every governance setting of `f`'s collective. */
function settingsProposal(f: Fixture, description: string, s: GovernanceSettings): ProposalActions {
  const abi = collectiveGovernorAbi;
  const governor = (data: Hex): [Address, Hex] => [f.modules.governor, data];
  return calls(
    description,
    governor(encodeFunctionData({ abi, functionName: "setVotingDelay", args: [s.votingDelay] })),
    governor(encodeFunctionData({ abi, functionName: "setVotingPeriod", args: [s.votingPeriod] })),
    governor(encodeFunctionData({ abi, functionName: "setExecutionWindow", args: [s.executionWindow] })),
    governor(encodeFunctionData({ abi, functionName: "updateQuorumNumerator", args: [BigInt(s.quorumPercent)] })),
    governor(encodeFunctionData({ abi, functionName: "setProposalThreshold", args: [s.proposalThreshold] })),
    governor(encodeFunctionData({ abi, functionName: "setVetoThreshold", args: [s.vetoPercent] })),
    governor(encodeFunctionData({ abi, functionName: "setCountingRule", args: [s.countingRule] })),
    [
      f.modules.timelock,
      encodeFunctionData({ abi: collectiveTimelockAbi, functionName: "updateDelay", args: [s.timelockDelay] }),
    ],
  );
}

/** The demo's settings (test/helpers/collective.ts), counted by shares. */
const USUAL = {
  votingDelay: SETTINGS.votingDelay,
  votingPeriod: SETTINGS.votingPeriod,
  executionWindow: SETTINGS.executionWindow,
  timelockDelay: SETTINGS.timelockDelay,
  quorumPercent: SETTINGS.quorumPercent,
  proposalThreshold: SETTINGS.proposalThreshold,
  vetoPercent: SETTINGS.vetoPercent,
  countingRule: 0,
} as const;

/**
 * Every setting at the bound that makes deciding slowest or hardest: the longest waits, the
 * highest quorum in both houses, a threshold of the whole supply (one delegate of every vote may
 * propose), and the lowest veto threshold (a small minority cancels anything queued).
 */
const SLOWEST = {
  votingDelay: 30 * DAY,
  votingPeriod: 30 * DAY,
  executionWindow: 90 * DAY,
  timelockDelay: 30 * DAY,
  quorumPercent: 80,
  proposalThreshold: 1_000n,
  vetoPercent: 1,
  countingRule: 2,
} as const;

/** `f`'s collective's governance settings as its governor and timelock give them. */
async function settingsOf(f: Fixture): Promise<GovernanceSettings> {
  const { governor, timelock } = f.as(f.alice);
  return {
    votingDelay: Number(await governor.read.votingDelay()),
    votingPeriod: Number(await governor.read.votingPeriod()),
    executionWindow: Number(await governor.read.executionWindow()),
    timelockDelay: Number(await timelock.read.getMinDelay()),
    quorumPercent: Number(await governor.read.quorumNumerator()),
    proposalThreshold: await governor.read.proposalThreshold(),
    vetoPercent: Number(await governor.read.vetoThreshold()),
    countingRule: await governor.read.countingRule(),
  };
}

/** `wallet` leaves with `shares` through the client's action, which gathers the exit proof. */
function leave(f: Fixture, wallet: Wallet, shares: bigint) {
  return waitFor(
    f,
    ragequit(
      { publicClient: f.publicClient as PublicClient, walletClient: wallet },
      { governor: f.modules.governor, treasury: f.modules.treasury, shares },
    ),
  );
}

/** Work for dave, commissioned by a passed proposal (alice and bob vote for it); its id. */
async function commissionForDave(f: Fixture, title: string, payment?: bigint) {
  const terms = {
    title,
    specUri: "https://rizom.example/spec",
    principle: 0,
    reward: 5n,
    contributor: addressOf(f.dave),
  };
  const withPayment = payment === undefined ? terms : { ...terms, payment: { amount: payment } };
  const { executed } = await pass(f, workProposal(f.modules, withPayment, `Commission: ${title}`));
  const [event] = parseEventLogs({ abi: workAbi, eventName: "WorkCommissioned", logs: executed.logs });
  if (!event) throw new Error("No work was commissioned");
  return event.args.id;
}

/** A collective of `founders` on `f`'s chain, as a fixture of its own. */
async function collectiveOf(
  f: Fixture,
  creator: Wallet,
  founders: [Wallet, bigint][],
  settings: Partial<CollectiveSettings> = {},
  name = "Rizom",
): Promise<Fixture> {
  const created = await createCollective(
    { publicClient: f.publicClient, walletClient: creator },
    {
      factory: f.deployment.factory,
      name,
      symbol: "RZM",
      principles: PRINCIPLES,
      founders: founders.map(([wallet, shares]) => ({ account: wallet.account.address, shares })),
      settings: { ...SETTINGS, ...settings },
    },
  );
  return { ...f, ...created, as: (wallet: Wallet) => contractsFor(f, created.modules, wallet) };
}

describe("security review: exits at the edges", () => {
  it("refuses an exit once every share is gone by name, not with a division by zero", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: 1n }));
    for (const [wallet, shares] of [
      [f.alice, 600n],
      [f.bob, 300n],
      [f.carol, 100n],
    ] as const) {
      await waitFor(f, f.as(wallet).treasury.write.ragequit([shares, [], []]));
    }
    expect(await f.as(f.alice).shares.read.totalSupply()).toBe(0n);
    // The supply the part would be divided by is zero: the burn refuses first, by name.
    const args = await expectRevert(f.as(f.alice).treasury.write.ragequit([1n, [], []]), "ERC20InsufficientBalance");
    expect(args).toEqual([addressOf(f.alice), 0n, 1n]);
    await expectRevert(
      f.as(f.eve).treasury.write.ragequitTo([1n, [], [], addressOf(f.eve)]),
      "ERC20InsufficientBalance",
    );
  });

  it("pays one share of the largest supply its exact part of the largest balance, and a part under a unit nothing", async () => {
    const f = await collectiveFixture();
    // alice 2^64 − 2 shares and bob 1: the largest supply the shares allow.
    const big = await collectiveOf(f, f.alice, [
      [f.alice, 2n ** 64n - 2n],
      [f.bob, 1n],
    ]);
    const token = await deployToken(f, big.modules.treasury, maxUint256);
    await waitFor(f, f.deployer.sendTransaction({ to: big.modules.treasury, value: 1n }));

    const receipt = await waitFor(f, big.as(f.bob).treasury.write.ragequit([1n, [token.address], []]));
    const [event] = parseEventLogs({ abi: treasuryAbi, eventName: "Ragequit", logs: receipt.logs });
    // (2^256 − 1) / (2^64 − 1) is exactly 2^192 + 2^128 + 2^64 + 1: no overflow, no rounding lost.
    const part = 2n ** 192n + 2n ** 128n + 2n ** 64n + 1n;
    expect(event?.args.amounts).toEqual([part]);
    expect(await token.read.balanceOf([addressOf(f.bob)])).toBe(part);
    // Bob's share of one wei rounds to nothing: nothing is sent, the wei stays, his share is gone.
    expect(event?.args.ethAmount).toBe(0n);
    expect(await f.publicClient.getBalance({ address: big.modules.treasury })).toBe(1n);
    expect(await big.as(f.bob).shares.read.balanceOf([addressOf(f.bob)])).toBe(0n);

    // The last member takes the rest of both, to the unit.
    await waitFor(f, big.as(f.alice).treasury.write.ragequit([2n ** 64n - 2n, [token.address], []]));
    expect(await token.read.balanceOf([addressOf(f.alice)])).toBe(maxUint256 - part);
    expect(await token.read.balanceOf([big.modules.treasury])).toBe(0n);
    expect(await f.publicClient.getBalance({ address: big.modules.treasury })).toBe(0n);
  });

  it("makes a member who joins after everyone left the owner of the whole collective, able to propose and leave with all", async () => {
    const f = await collectiveFixture();
    const id = await commissionForDave(f, "Keep the archive");
    await waitFor(f, f.as(f.dave).work.write.deliver([id, "https://rizom.example/archive"]));
    // Every member leaves during the review: no supply is left behind.
    await leave(f, f.alice, 600n);
    await leave(f, f.bob, 300n);
    await leave(f, f.carol, 100n);
    const { shares, governor, treasury, work } = f.as(f.dave);
    expect(await shares.read.totalSupply()).toBe(0n);
    // Delivered while there were members (an objection quorum of 100 of 1,000 shares); no one objected.
    await advance(f, SETTINGS.reviewWindow + 1);
    await waitFor(f, work.write.settle([id]));
    expect((await work.read.item([id])).state).toBe(WorkState.Accepted);
    expect(await shares.read.totalSupply()).toBe(5n);
    expect(await shares.read.memberCount()).toBe(1n);
    // Its 5 shares are below the threshold of 10, which no longer locks it out.
    await advance(f, 1);
    await propose(f, f.dave, mintSharesProposal(f.modules, addressOf(f.dave), 1n, "Start again"));
    expect(await governor.read.proposalThreshold()).toBe(10n);
    // What the collective receives from now on is all the new member's.
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("1") }));
    const before = await f.publicClient.getBalance({ address: addressOf(f.dave) });
    const exit = await waitFor(f, treasury.write.ragequit([5n, [], []]));
    const after = await f.publicClient.getBalance({ address: addressOf(f.dave) });
    expect(after - before + exit.gasUsed * exit.effectiveGasPrice).toBe(parseEther("1"));
    expect(await f.publicClient.getBalance({ address: f.modules.treasury })).toBe(0n);
  });
});

describe("security review: work reviewed by few or by those who left", () => {
  it("rounds the objection quorum of a one-share supply up to that share: its holder alone disputes, silence accepts", async () => {
    const f = await collectiveFixture();
    // A collective whose whole supply is alice's one share.
    const tiny = await collectiveOf(f, f.alice, [[f.alice, 1n]], { proposalThreshold: 1n }, "Spore");
    const terms = (title: string) => ({ title, specUri: "https://spore.example", principle: 0, reward: 3n });
    const dave = addressOf(f.dave);
    const work = (title: string) => workProposal(tiny.modules, { ...terms(title), contributor: dave }, title);
    await pass(tiny, work("Disputed"), { voters: [f.alice] });
    await pass(tiny, work("Accepted"), { voters: [f.alice] });
    const contributor = tiny.as(f.dave).work;
    await waitFor(f, contributor.write.deliver([1n, "https://spore.example/1"]));
    await waitFor(f, contributor.write.deliver([2n, "https://spore.example/2"]));
    expect((await contributor.read.item([1n])).objectionQuorum).toBe(1n);
    await advance(f, 1);
    await waitFor(f, tiny.as(f.alice).work.write.object([1n, "Not what we asked"]));
    await advance(f, SETTINGS.reviewWindow + 1);
    await waitFor(f, contributor.write.settle([1n]));
    await waitFor(f, contributor.write.settle([2n]));
    expect((await contributor.read.item([1n])).state).toBe(WorkState.Disputed);
    expect((await contributor.read.item([2n])).state).toBe(WorkState.Accepted);
    expect(await tiny.as(f.alice).shares.read.balanceOf([dave])).toBe(3n);
  });

  it("gives a member who left since the delivery no say on the work: their objection is refused or cut to what they kept", async () => {
    const f = await collectiveFixture();
    const id = await commissionForDave(f, "Write the guide");
    const { work } = f.as(f.dave);
    await waitFor(f, work.write.deliver([id, "https://rizom.example/guide"]));
    // 10% of the 1,000 shares at delivery dispute it: 100, carol's whole stake.
    expect((await work.read.item([id])).objectionQuorum).toBe(100n);
    await leave(f, f.carol, 100n);
    const refused = await expectRevert(f.as(f.carol).work.write.object([id, "On my way out"]), "WorkNoVotesLeft");
    expect(refused).toEqual([id, addressOf(f.carol)]);
    // bob keeps 50 of his 300: his objection weighs 50, not the 300 he had at delivery.
    await leave(f, f.bob, 250n);
    const objected = await waitFor(f, f.as(f.bob).work.write.object([id, "Too short"]));
    const [event] = parseEventLogs({ abi: workAbi, eventName: "WorkObjected", logs: objected.logs });
    expect([event?.args.weight, event?.args.objections]).toEqual([50n, 50n]);
    await advance(f, SETTINGS.reviewWindow + 1);
    await waitFor(f, work.write.settle([id]));
    expect((await work.read.item([id])).state).toBe(WorkState.Accepted);
  });

  it("sets no commission's payment aside: its backers may leave before it is paid, and settling waits until the treasury covers it", async () => {
    const f = await collectiveFixture();
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("10") }));
    const id = await commissionForDave(f, "Translate the guide", parseEther("5"));
    // alice voted for the payment; the commission has run, so she is free to go, with 60% of all 10 ETH.
    await leave(f, f.alice, 600n);
    expect(await f.publicClient.getBalance({ address: f.modules.treasury })).toBe(parseEther("4"));
    const { work } = f.as(f.dave);
    await waitFor(f, work.write.deliver([id, "https://rizom.example/guide/fr"]));
    await advance(f, SETTINGS.reviewWindow + 1);
    // Accepted, but the 4 ETH left cannot pay 5: nothing settles, reward included, and it stays delivered.
    const [token, balance, amount] = await expectRevert(work.write.settle([id]), "TreasuryInsufficientBalance");
    expect([balance, amount]).toEqual([parseEther("4"), parseEther("5")]);
    expect(token).toBe("0x0000000000000000000000000000000000000000");
    expect((await work.read.item([id])).state).toBe(WorkState.Delivered);
    // Once the treasury can pay, anyone settles it, once.
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("1") }));
    await waitFor(f, f.as(f.eve).work.write.settle([id]));
    expect((await work.read.item([id])).state).toBe(WorkState.Accepted);
    expect(await f.publicClient.getBalance({ address: f.modules.treasury })).toBe(0n);
    expect(await f.as(f.dave).shares.read.balanceOf([addressOf(f.dave)])).toBe(5n);
  });
});

describe("security review: settings at their bounds", () => {
  it("after every setting at its slowest bound, passes the proposal that restores the usual ones", async () => {
    const f = await collectiveFixture();
    await pass(f, settingsProposal(f, "As slow as it gets", SLOWEST));
    expect(await settingsOf(f)).toEqual(SLOWEST);

    // Everyone pools their votes in alice, who proposes, and meets both houses' 80% quorums alone.
    await waitFor(f, f.as(f.bob).shares.write.delegate([addressOf(f.alice)]));
    await waitFor(f, f.as(f.carol).shares.write.delegate([addressOf(f.alice)]));
    await advance(f, 1);
    const restore = settingsProposal(f, "Back to the usual", USUAL);
    const id = await propose(f, f.alice, restore);
    await advance(f, 30 * DAY + 1);
    await vote(f, f.alice, id, Vote.For);
    await advance(f, 30 * DAY);
    const { governor } = f.as(f.eve);
    await waitFor(f, governor.write.queue(proposalOperation(restore)));
    await advance(f, 30 * DAY + 1);
    await waitFor(f, governor.write.execute(proposalOperation(restore)));
    expect(await governor.read.proposalFailed([id])).toBe(false);
    expect(await settingsOf(f)).toEqual(USUAL);
  });

  it("after every setting at its fastest bound, passes the proposal that restores the usual ones, with no grace period to veto in", async () => {
    const f = await collectiveFixture();
    const fastest = settingsProposal(f, "As fast as it gets", {
      votingDelay: 0,
      votingPeriod: 600,
      executionWindow: 3_600,
      timelockDelay: 0,
      quorumPercent: 1,
      proposalThreshold: 0n,
      vetoPercent: 50,
      countingRule: 1,
    });
    await pass(f, fastest);
    const restore = settingsProposal(f, "Back to the usual", USUAL);
    // With no threshold, anyone may propose; the vote opens a second later and lasts ten minutes.
    const id = await propose(f, f.eve, restore);
    await advance(f, 1);
    await vote(f, f.carol, id, Vote.For);
    await advance(f, 600);
    const { governor } = f.as(f.eve);
    await waitFor(f, governor.write.queue(proposalOperation(restore)));
    // No grace period: it is ready at once, so there is no time to veto it (or to leave before it).
    await expectRevert(f.as(f.alice).governor.write.veto([id, "Too fast"]), "GovernorVetoClosed");
    await waitFor(f, governor.write.execute(proposalOperation(restore)));
    expect(await governor.read.state([id])).toBe(ProposalState.Executed);
    expect(await settingsOf(f)).toEqual(USUAL);
  });

  it("holds a member who moved their votes for the proposal life of the settings at their exit, so shortening them frees the member sooner (a known limit)", async () => {
    const f = await collectiveFixture();
    const carol = addressOf(f.carol);
    // carol lends her votes to bob, who backs a grant with them.
    await waitFor(f, f.as(f.carol).shares.write.delegate([addressOf(f.bob)]));
    await advance(f, 1);
    const set = (functionName: "setExecutionWindow" | "setVotingPeriod", value: number): [Address, Hex] => [
      f.modules.governor,
      encodeFunctionData({ abi: collectiveGovernorAbi, functionName, args: [value] }),
    ];
    const faster = calls("Faster decisions", set("setExecutionWindow", 3_600), set("setVotingPeriod", 600));
    const grant = mintSharesProposal(f.modules, addressOf(f.dave), 10n, "Grant Dave");
    const fasterId = await propose(f, f.alice, faster);
    const grantId = await propose(f, f.alice, grant);
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.alice, fasterId, Vote.For);
    await vote(f, f.bob, grantId, Vote.For);
    await advance(f, SETTINGS.votingPeriod);
    // The grant passed with a window of 7 days, fixed when its vote ended; the faster settings run.
    await waitFor(f, f.as(f.alice).governor.write.queue(proposalOperation(faster)));
    await advance(f, SETTINGS.timelockDelay + 1);
    await waitFor(f, f.as(f.alice).governor.write.execute(proposalOperation(faster)));
    expect(await f.as(f.alice).governor.read.proposalExecutionWindow([grantId])).toBe(7n * BigInt(DAY));

    await waitFor(f, f.as(f.carol).shares.write.delegate([carol]));
    await expectRevert(f.as(f.carol).treasury.write.ragequit([100n, [], []]), "GovernorDelegateBound");
    // The bound is a voting period, two windows and the grace period of the settings now: 2 h 20 min.
    await advance(f, 600 + 2 * 3_600 + SETTINGS.timelockDelay + 1);
    await waitFor(f, f.as(f.carol).treasury.write.ragequit([100n, [], []]));
    // carol left while the grant her shares backed could still run, and it runs.
    expect(await f.as(f.alice).governor.read.state([grantId])).toBe(ProposalState.Succeeded);
    await waitFor(f, f.as(f.alice).governor.write.queue(proposalOperation(grant)));
    await advance(f, SETTINGS.timelockDelay + 1);
    await waitFor(f, f.as(f.alice).governor.write.execute(proposalOperation(grant)));
    expect(await f.as(f.alice).governor.read.state([grantId])).toBe(ProposalState.Executed);
  });
});

describe("security review: spam", () => {
  it("charges a stranger's applications and delegations to the stranger, and leaves a member's exit cost as it was", async () => {
    const f = await collectiveFixture();
    const exitGas = async () => (await waitFor(f, f.as(f.carol).treasury.write.ragequit([1n, [], []]))).gasUsed;
    const before = await exitGas();

    const stranger = f.as(f.eve);
    const pitch = "x".repeat(1_024);
    const applications: bigint[] = [];
    for (let i = 0; i < 10; ++i) {
      applications.push((await waitFor(f, stranger.shares.write.applyForMembership([2n ** 64n - 1n, pitch]))).gasUsed);
    }
    // A stranger with no shares may delegate (to anyone), which moves no votes.
    for (const to of [f.alice, f.bob, f.carol, f.dave]) {
      await waitFor(f, stranger.shares.write.delegate([addressOf(to)]));
    }
    expect(await stranger.shares.read.getVotes([addressOf(f.alice)])).toBe(600n);
    // Nor can a stranger propose: the threshold is in votes.
    const grant = mintSharesProposal(f.modules, addressOf(f.eve), 1n, "Let me in");
    await expectRevert(
      stranger.governor.write.propose([grant.targets, grant.values, grant.calldatas, grant.description]),
      "GovernorInsufficientProposerVotes",
    );
    // Each application costs its applicant some 80,000 gas with the largest pitch (56,000 with one byte).
    expect(Math.min(...applications.map(Number))).toBeGreaterThan(75_000);
    expect(await stranger.shares.read.applicationCount()).toBe(10n);

    // None of it is anything a member's exit reads.
    expect(await exitGas()).toBe(before);
  });

  it("grows a member's exit proof only with their own for votes, at a bounded cost per proposal", async () => {
    const f = await collectiveFixture();
    const ids: bigint[] = [];
    for (let i = 0; i < 9; ++i) {
      ids.push(await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 1n, `Grant ${i}`)));
    }
    await advance(f, SETTINGS.votingDelay + 1);
    for (const id of ids) await vote(f, f.alice, id, Vote.For);
    const [first] = ids as [bigint];
    await vote(f, f.carol, first, Vote.For);
    // bob's against votes are on no one's proof.
    for (const id of ids) await vote(f, f.bob, id, Vote.Against);
    // None is queued: each expires after its window, and then every proof releases.
    await advance(f, SETTINGS.votingPeriod + SETTINGS.executionWindow + 1);
    expect(await f.as(f.alice).governor.read.state([first])).toBe(ProposalState.Expired);
    const release = async (voter: Wallet, list: bigint[]) =>
      (await waitFor(f, f.as(f.eve).governor.write.releaseForVotes([addressOf(voter), list]))).gasUsed;
    const one = await release(f.carol, [first]);
    const nine = await release(f.alice, ids);
    // Each proposal more on a proof costs about 15,000 gas (its state, read cold): some 2,000 fit
    // in a block of 30 million, and pruneForVotes keeps a proof to the proposals still open.
    const perProposal = (nine - one) / 8n;
    expect(perProposal).toBeGreaterThan(5_000n);
    expect(perProposal).toBeLessThan(20_000n);
    // bob voted on all nine and has nothing to prove.
    expect(await f.as(f.bob).governor.read.forVoteChain([addressOf(f.bob)])).toBe(`0x${"0".repeat(64)}`);
  });
});

describe("security review: signatures", () => {
  it("names the chain and the clone in every EIP-712 domain, so same-named collectives sign apart", async () => {
    const f = await collectiveFixture();
    const twin = await collectiveOf(f, f.bob, [[f.bob, 10n]]);
    const chainId = BigInt(await f.publicClient.getChainId());
    for (const c of [f, twin]) {
      const { governor, shares } = c.as(f.alice);
      for (const [contract, address] of [
        [governor, c.modules.governor],
        [shares, c.modules.shares],
      ] as const) {
        const [, name, version, domainChainId, verifyingContract] = await contract.read.eip712Domain();
        expect([name, version, domainChainId, verifyingContract]).toEqual(["Rizom", "1", chainId, address]);
      }
    }
    expect(twin.modules.governor).not.toBe(f.modules.governor);
    expect(twin.modules.shares).not.toBe(f.modules.shares);
  });

  it("moves no one's votes when a delegation signed for one collective is replayed on a same-named one or for another chain", async () => {
    const f = await collectiveFixture();
    const twin = await collectiveOf(f, f.eve, [
      [f.carol, 100n],
      [f.alice, 600n],
    ]);
    const carol = addressOf(f.carol);
    const alice = addressOf(f.alice);
    const expiry = (await f.publicClient.getBlock()).timestamp + 3_600n;
    const sign = async (verifyingContract: Address, chainId: number) => {
      const signature = await f.carol.signTypedData({
        domain: { name: "Rizom", version: "1", chainId, verifyingContract },
        types: {
          Delegation: [
            { name: "delegatee", type: "address" },
            { name: "nonce", type: "uint256" },
            { name: "expiry", type: "uint256" },
          ],
        },
        primaryType: "Delegation",
        message: { delegatee: alice, nonce: 0n, expiry },
      });
      const { r, s, v } = parseSignature(signature);
      return [alice, 0n, expiry, Number(v), r, s] as const;
    };
    const chainId = await f.publicClient.getChainId();
    const forRizom = await sign(f.modules.shares, chainId);
    const forAnotherChain = await sign(twin.modules.shares, 1);
    const { shares } = twin.as(f.eve);
    // Each recovers some other signer than carol, one with no key, no shares and nothing to move.
    for (const args of [forRizom, forAnotherChain]) {
      const receipt = await waitFor(f, shares.write.delegateBySig(args));
      const [changed] = parseEventLogs({ abi: sharesAbi, eventName: "DelegateChanged", logs: receipt.logs });
      expect(changed?.args.delegator).not.toBe(carol);
      expect(await shares.read.balanceOf([changed?.args.delegator ?? carol])).toBe(0n);
    }
    expect(await shares.read.delegates([carol])).toBe(carol);
    expect(await shares.read.getVotes([alice])).toBe(600n);
    expect(await shares.read.nonces([carol])).toBe(0n);
    // Where it was signed for, it delegates carol's votes, once.
    await waitFor(f, f.as(f.eve).shares.write.delegateBySig(forRizom));
    expect(await f.as(f.eve).shares.read.getVotes([alice])).toBe(700n);
  });
});

describe("security review: clones", () => {
  it("deploys and initialises a collective's clones in the transaction that creates it, where only the factory deploys", async () => {
    const f = await collectiveFixture();
    const factory = f.deployment.factory;
    const id = Number(await f.as(f.eve).factory.read.collectiveCount());
    // The next collective's five modules are at the factory's next five CREATE addresses...
    const next = [1, 2, 3, 4, 5].map((k) => getContractAddress({ from: factory, nonce: BigInt(5 * id + k) }));
    for (const address of next) expect(await f.publicClient.getCode({ address })).toBeUndefined();
    const created = await collectiveOf(f, f.eve, [[f.eve, 10n]], {}, "Next");
    const { shares, governor, timelock, treasury, work } = created.modules;
    expect([shares, governor, timelock, treasury, work]).toEqual(next);
    // ...and the four that have an initialiser ran it in that same transaction: no one could go first.
    const initialized = parseEventLogs({ abi: sharesAbi, eventName: "Initialized", logs: created.receipt.logs });
    expect(initialized.map((log) => log.address).sort()).toEqual(
      [shares, governor, timelock, work].map((a) => a.toLowerCase()).sort(),
    );
  });

  it("lets anyone copy a collective's name, symbol and founders, told apart only by its addresses and creator", async () => {
    const f = await collectiveFixture();
    const copy = await collectiveOf(f, f.eve, [
      [f.alice, 600n],
      [f.bob, 300n],
      [f.carol, 100n],
    ]);
    const created = (receipt: typeof f.receipt) =>
      parseEventLogs({ abi: collectiveFactoryAbi, eventName: "CollectiveCreated", logs: receipt.logs })[0]?.args;
    const [original, copied] = [created(f.receipt), created(copy.receipt)];
    expect([copied?.name, copied?.symbol, copied?.principles]).toEqual([
      original?.name,
      original?.symbol,
      original?.principles,
    ]);
    expect([original?.creator, copied?.creator]).toEqual([addressOf(f.alice), addressOf(f.eve)]);
    for (const module of Object.keys(f.modules) as (keyof typeof f.modules)[]) {
      expect(copy.modules[module]).not.toBe(f.modules[module]);
    }
    // The copy's modules have no authority in the original.
    const { shares } = f.as(f.eve);
    for (const module of [copy.modules.timelock, copy.modules.treasury, copy.modules.work]) {
      expect(await shares.read.isModule([module])).toBe(false);
    }
  });
});
