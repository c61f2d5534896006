/**
 * How votes count: by shares, one member one vote, or two houses. The same ballots decide
 * differently under each rule, quorum included; a delegate casts one member vote for each member
 * whose votes it holds; a rule changed by proposal applies from the next snapshot on; the veto
 * follows the rule.
 */
import { describe, expect, it } from "vitest";
import { encodeFunctionData, getContract, parseEventLogs } from "viem";
import {
  collectiveFactoryAbi,
  collectiveGovernorAbi,
  countingRuleValue,
  createCollective,
  paymentProposal,
  type CountingRule,
  type ProposalActions,
  proposalOperation,
} from "@rhizome/contracts";
import {
  addressOf,
  advance,
  collectiveFixture,
  contractsFor,
  pass,
  propose,
  ProposalState,
  SETTINGS,
  startChain,
  vote,
  Vote,
  waitFor,
  type Fixture,
  type Wallet,
} from "../helpers/collective.js";
import { expectRevert } from "../helpers/reverts.js";

/**
 * One chain, a collective per rule with the same four founders: alice 600, bob 300, carol 60,
 * dave 40 shares, and a quorum of 50%: 500 shares, or 2 of the 4 members.
 */
async function fourFounders(rules: readonly CountingRule[]) {
  const chain = await startChain();
  const [, alice, bob, carol, dave] = chain.wallets as [Wallet, Wallet, Wallet, Wallet, Wallet];
  const collectives = new Map<CountingRule, Fixture>();
  for (const rule of rules) {
    const created = await createCollective(
      { publicClient: chain.publicClient, walletClient: alice },
      {
        factory: chain.deployment.factory,
        name: `Rizom ${rule}`,
        symbol: "RZM",
        principles: ["Technology as infrastructure"],
        founders: [
          { account: alice.account.address, shares: 600n },
          { account: bob.account.address, shares: 300n },
          { account: carol.account.address, shares: 60n },
          { account: dave.account.address, shares: 40n },
        ],
        settings: { ...SETTINGS, quorumPercent: 50, countingRule: rule },
      },
    );
    const as = (wallet: Wallet) => contractsFor(chain, created.modules, wallet);
    collectives.set(rule, { ...chain, ...created, alice, bob, carol, dave, eve: dave, as });
  }
  return { chain, collectives, alice, bob, carol, dave };
}

/** `map`'s value at `key`, which the test put there. */
function got<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Nothing at ${String(key)}`);
  return value;
}

function payment(f: Fixture, description: string): ProposalActions {
  return paymentProposal(f.modules, { to: addressOf(f.dave), amount: 0n }, description);
}

describe("Counting rules", () => {
  it("decides the same ballots by shares, by members or in two houses, each with its quorum", async () => {
    const rules = ["shares", "members", "both"] as const;
    const { chain, collectives, alice, bob, carol, dave } = await fourFounders(rules);
    // Who votes for and who against, and what each rule makes of it.
    const ballots = [
      // 600 shares but one member of four: the shares' quorum and majority, not the members'.
      { for: [alice], against: [], shares: "Succeeded", members: "Defeated", both: "Defeated" },
      // 400 shares, three members: below the shares' quorum of 500, above the members' of 2.
      { for: [bob, carol, dave], against: [], shares: "Defeated", members: "Succeeded", both: "Defeated" },
      // 660 shares to 340, but two members to two: no majority of members.
      { for: [alice, carol], against: [bob, dave], shares: "Succeeded", members: "Defeated", both: "Defeated" },
      // A majority of both: 900 shares and three members to one.
      { for: [alice, bob, carol], against: [dave], shares: "Succeeded", members: "Succeeded", both: "Succeeded" },
    ] as const;
    const ids = new Map<string, bigint>();
    for (const rule of rules) {
      const f = got(collectives, rule);
      for (const i of ballots.keys()) {
        ids.set(`${rule}${i}`, await propose(f, f.alice, payment(f, `Ballot ${i}`)));
      }
    }
    await advance(chain, SETTINGS.votingDelay + 1);
    for (const rule of rules) {
      const f = got(collectives, rule);
      for (const [i, ballot] of ballots.entries()) {
        const id = got(ids, `${rule}${i}`);
        for (const voter of ballot.for) await vote(f, voter, id, Vote.For);
        for (const voter of ballot.against) await vote(f, voter, id, Vote.Against);
      }
    }
    await advance(chain, SETTINGS.votingPeriod);
    for (const rule of rules) {
      const { governor } = got(collectives, rule).as(alice);
      for (const [i, ballot] of ballots.entries()) {
        const state = await governor.read.state([got(ids, `${rule}${i}`)]);
        expect([rule, i, state]).toEqual([rule, i, ProposalState[ballot[rule]]]);
      }
    }

    // The tallies: by shares they are shares; by members, members; in two houses, both.
    const id = (rule: string) => got(ids, `${rule}2`);
    const governor = (rule: CountingRule) => got(collectives, rule).as(alice).governor;
    expect(await governor("shares").read.proposalVotes([id("shares")])).toEqual([340n, 660n, 0n]);
    expect(await governor("shares").read.proposalCounting([id("shares")])).toEqual([0, 0n, 0n, 0n, 0n]);
    expect(await governor("members").read.proposalVotes([id("members")])).toEqual([2n, 2n, 0n]);
    expect(await governor("members").read.proposalCounting([id("members")])).toEqual([1, 2n, 2n, 0n, 2n]);
    expect(await governor("both").read.proposalVotes([id("both")])).toEqual([340n, 660n, 0n]);
    expect(await governor("both").read.proposalCounting([id("both")])).toEqual([2, 2n, 2n, 0n, 2n]);
    expect(await governor("both").read.countingRule()).toBe(2);
  });

  it("reports each vote's weight in its rule's unit, and the members' house apart", async () => {
    const { chain, collectives, alice, carol } = await fourFounders(["members", "both"]);
    const byMembers = got(collectives, "members");
    const twoHouses = got(collectives, "both");
    const members = await propose(byMembers, alice, payment(byMembers, "Weights"));
    const houses = await propose(twoHouses, alice, payment(twoHouses, "Weights"));
    await advance(chain, SETTINGS.votingDelay + 1);

    const one = await vote(byMembers, carol, members, Vote.For);
    const [cast] = parseEventLogs({ abi: collectiveGovernorAbi, eventName: "VoteCast", logs: one.logs });
    expect(cast?.args.weight).toBe(1n);
    expect(parseEventLogs({ abi: collectiveGovernorAbi, eventName: "MemberVoteCast", logs: one.logs })).toEqual([]);

    const both = await vote(twoHouses, carol, houses, Vote.For);
    const [shares] = parseEventLogs({ abi: collectiveGovernorAbi, eventName: "VoteCast", logs: both.logs });
    const [member] = parseEventLogs({ abi: collectiveGovernorAbi, eventName: "MemberVoteCast", logs: both.logs });
    expect(shares?.args.weight).toBe(60n);
    expect(member?.args).toEqual({ voter: addressOf(carol), proposalId: houses, support: Vote.For, weight: 1n });
  });

  it("lets a delegate cast one member vote for each member whose votes it holds", async () => {
    const { chain, collectives, alice, bob, carol, dave } = await fourFounders(["members"]);
    const f = got(collectives, "members");
    // Carol and dave hand their votes to bob before the snapshot; alice keeps hers.
    await waitFor(f, f.as(carol).shares.write.delegate([addressOf(bob)]));
    await waitFor(f, f.as(dave).shares.write.delegate([addressOf(bob)]));
    expect(await f.as(bob).shares.read.getMemberVotes([addressOf(bob)])).toBe(3n);
    expect(await f.as(bob).shares.read.getMemberVotes([addressOf(carol)])).toBe(0n);
    const id = await propose(f, alice, payment(f, "Delegated"));
    await advance(chain, SETTINGS.votingDelay + 1);
    await vote(f, alice, id, Vote.Against);
    await vote(f, bob, id, Vote.For);
    // A delegator has no member vote of its own left to cast.
    await expectRevert(f.as(carol).governor.write.castVote([id, Vote.Against]), "GovernorNoVotesLeft");
    expect(await f.as(alice).governor.read.proposalVotes([id])).toEqual([1n, 3n, 0n]);
    await advance(chain, SETTINGS.votingPeriod);
    expect(await f.as(alice).governor.read.state([id])).toBe(ProposalState.Succeeded);
  });

  it("counts members who join and leave, at each snapshot", async () => {
    const f = await collectiveFixture({ countingRule: "members" });
    const { shares, treasury } = f.as(f.carol);
    expect(await shares.read.memberCount()).toBe(3n);
    const before = BigInt((await f.publicClient.getBlock()).timestamp);
    await advance(f, 10);
    await waitFor(f, treasury.write.ragequit([100n, [], []]));
    expect(await shares.read.memberCount()).toBe(2n);
    expect(await shares.read.getPastMemberCount([before])).toBe(3n);
    expect(await shares.read.getMemberVotes([addressOf(f.carol)])).toBe(0n);
    // Leaving with part of one's shares keeps the membership.
    await waitFor(f, f.as(f.bob).treasury.write.ragequit([100n, [], []]));
    expect(await shares.read.memberCount()).toBe(2n);
    expect(await shares.read.getMemberVotes([addressOf(f.bob)])).toBe(1n);
  });

  it("changes the rule by proposal for proposals whose snapshot comes after, never for one already open", async () => {
    const f = await collectiveFixture();
    const { governor } = f.as(f.alice);
    // No one but governance sets the rule, and only to one of the three.
    await expectRevert(governor.write.setCountingRule([1]), "GovernorOnlyExecutor");
    const toMembers: ProposalActions = {
      targets: [f.modules.governor],
      values: [0n],
      calldatas: [
        encodeFunctionData({
          abi: collectiveGovernorAbi,
          functionName: "setCountingRule",
          args: [countingRuleValue("members")],
        }),
      ],
      description: "One member, one vote",
    };
    // Open before the change takes effect: proposed while it waits in the timelock, so its
    // snapshot comes first, and alice's 600 shares outweigh bob and carol, though they are two.
    const changeId = await propose(f, f.alice, toMembers);
    await advance(f, SETTINGS.votingDelay + 1);
    for (const voter of [f.alice, f.bob]) await vote(f, voter, changeId, Vote.For);
    await advance(f, SETTINGS.votingPeriod);
    await waitFor(f, governor.write.queue(proposalOperation(toMembers)));
    const open = await propose(f, f.alice, payment(f, "Open before"));
    await advance(f, SETTINGS.timelockDelay + 1);
    const executed = await waitFor(f, governor.write.execute(proposalOperation(toMembers)));
    const [set] = parseEventLogs({ abi: collectiveGovernorAbi, eventName: "CountingRuleSet", logs: executed.logs });
    expect(set?.args).toEqual({ oldRule: 0, newRule: 1 });
    expect(await governor.read.countingRule()).toBe(1);
    const after = await propose(f, f.alice, payment(f, "Open after"));
    await advance(f, SETTINGS.votingDelay + 1);
    for (const id of [open, after]) {
      await vote(f, f.alice, id, Vote.For);
      await vote(f, f.bob, id, Vote.Against);
      await vote(f, f.carol, id, Vote.Against);
    }
    await advance(f, SETTINGS.votingPeriod);
    expect(await governor.read.state([open])).toBe(ProposalState.Succeeded);
    expect(await governor.read.proposalVotes([open])).toEqual([400n, 600n, 0n]);
    expect((await governor.read.proposalCounting([open]))[0]).toBe(0);
    expect(await governor.read.state([after])).toBe(ProposalState.Defeated);
    expect(await governor.read.proposalVotes([after])).toEqual([2n, 1n, 0n]);

    // A rule that does not exist: the proposal runs, its call fails, and the rule stays.
    const [calldata = "0x"] = toMembers.calldatas;
    const bad = {
      ...toMembers,
      calldatas: [`${calldata.slice(0, -2)}03`] as `0x${string}`[],
      description: "A fourth rule",
    };
    const { proposalId } = await pass(f, bad, { voters: [f.alice, f.bob, f.carol] });
    expect(await governor.read.proposalFailed([proposalId])).toBe(true);
    expect(await governor.read.countingRule()).toBe(1);
  });

  it("refuses a collective created with an unknown rule", async () => {
    const chain = await startChain();
    const [, alice] = chain.wallets as [Wallet, Wallet];
    const factory = getContract({
      address: chain.deployment.factory,
      abi: collectiveFactoryAbi,
      client: { public: chain.publicClient, wallet: alice },
    });
    await expectRevert(
      factory.write.create([
        "Rizom",
        "RZM",
        ["Technology as infrastructure"],
        [{ account: addressOf(alice), shares: 10n }],
        { ...SETTINGS, countingRule: 3 },
      ]),
      "GovernorInvalidCountingRule",
    );
  });

  it("weighs objections to a queued proposal by members under one member, one vote", async () => {
    const { chain, collectives, alice, bob, carol, dave } = await fourFounders(["members"]);
    const f = got(collectives, "members");
    const actions = payment(f, "Vetoed by members");
    const id = await propose(f, alice, actions);
    await advance(chain, SETTINGS.votingDelay + 1);
    for (const voter of [alice, bob, carol]) await vote(f, voter, id, Vote.For);
    await advance(chain, SETTINGS.votingPeriod);
    await waitFor(f, f.as(alice).governor.write.queue(proposalOperation(actions)));
    // 20% of four members, rounded up: one objection cancels it, whatever its shares.
    expect(await f.as(dave).governor.read.vetoQuorum([id])).toBe(1n);
    const receipt = await waitFor(f, f.as(dave).governor.write.veto([id, "Not with our money"]));
    const [cast] = parseEventLogs({ abi: collectiveGovernorAbi, eventName: "VetoCast", logs: receipt.logs });
    expect(cast?.args.weight).toBe(1n);
    expect(await f.as(dave).governor.read.state([id])).toBe(ProposalState.Canceled);
  });
});
