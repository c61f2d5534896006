import { describe, expect, it } from "vitest";
import { parseEventLogs, zeroAddress, type Address } from "viem";
import {
  collectiveFactoryAbi,
  collectiveGovernorAbi,
  collectiveTimelockAbi,
  createCollective,
  sharesAbi,
  type CreateCollectiveParameters,
  treasuryAbi,
  workAbi,
} from "@rhizome/contracts";
import {
  addressOf,
  collectiveFixture,
  PRINCIPLES,
  secondCollective,
  SETTINGS,
  startChain,
} from "../helpers/collective.js";
import { expectRevert } from "../helpers/reverts.js";

describe("CollectiveFactory", () => {
  it("creates a whole collective in one transaction and announces every module in one event", async () => {
    const f = await collectiveFixture();
    const [event] = parseEventLogs({ abi: collectiveFactoryAbi, eventName: "CollectiveCreated", logs: f.receipt.logs });
    expect(event?.args).toEqual({
      id: 0n,
      governor: f.modules.governor,
      creator: addressOf(f.alice),
      modules: f.modules,
      name: "Rizom",
      symbol: "RZM",
      principles: [...PRINCIPLES],
      // By shares, the default: the rule's value on chain.
      settings: { ...SETTINGS, countingRule: 0 },
    });
    // id, governor and creator are indexed, so an indexer can filter on them.
    expect(event?.topics).toHaveLength(4);
    const addresses = new Set(Object.values(f.modules));
    expect(addresses.size).toBe(5);
    // ERC-1167 minimal proxies (45 bytes), followed by the neighbours each module needs.
    const m = f.modules;
    const expectedArgs: Record<keyof typeof m, Address[]> = {
      shares: [m.timelock, m.treasury, m.work],
      governor: [m.shares, m.timelock, m.treasury],
      timelock: [],
      treasury: [m.timelock, m.shares, m.governor, m.work],
      work: [m.timelock, m.shares, m.treasury],
    };
    for (const [module, args] of Object.entries(expectedArgs)) {
      const code = await f.publicClient.getCode({ address: m[module as keyof typeof m] });
      expect(code?.slice(2, 20)).toBe("363d3d373d3d3d363d");
      expect(code?.slice(2 + 90)).toBe(args.map((a) => a.slice(2).toLowerCase()).join(""));
    }
  });

  it("keeps a registry of the collectives it created", async () => {
    const f = await collectiveFixture();
    const { factory } = f.as(f.alice);
    expect(await factory.read.collectiveCount()).toBe(1n);
    expect(await factory.read.collective([0n])).toEqual(f.modules);
    await expectRevert(factory.read.collective([1n]), "FactoryUnknownCollective");
    // The registry derives each collective's addresses; they match what was created.
    const second = await secondCollective(f, f.eve);
    expect(await factory.read.collectiveCount()).toBe(2n);
    expect(await factory.read.collective([1n])).toEqual(second.modules);
    expect(second.id).toBe(1n);
  });

  it("wires the modules to each other", async () => {
    const f = await collectiveFixture();
    const { shares, governor, timelock, treasury, work } = f.as(f.alice);
    expect(await governor.read.token()).toBe(f.modules.shares);
    expect(await governor.read.timelock()).toBe(f.modules.timelock);
    expect(await governor.read.name()).toBe("Rizom");
    expect(await governor.read.votingDelay()).toBe(BigInt(SETTINGS.votingDelay));
    expect(await governor.read.votingPeriod()).toBe(BigInt(SETTINGS.votingPeriod));
    expect(await governor.read.proposalThreshold()).toBe(SETTINGS.proposalThreshold);
    expect(await governor.read.quorumNumerator()).toBe(BigInt(SETTINGS.quorumPercent));
    expect(await governor.read.executionWindow()).toBe(BigInt(SETTINGS.executionWindow));
    expect(await governor.read.COUNTING_MODE()).toBe("support=bravo&quorum=for,abstain");
    expect(await timelock.read.getMinDelay()).toBe(BigInt(SETTINGS.timelockDelay));
    expect(await timelock.read.governor()).toBe(f.modules.governor);
    expect(await treasury.read.governance()).toBe(f.modules.timelock);
    expect(await treasury.read.shares()).toBe(f.modules.shares);
    expect(await treasury.read.governor()).toBe(f.modules.governor);
    expect(await treasury.read.work()).toBe(f.modules.work);
    expect(await work.read.principleCount()).toBe(BigInt(PRINCIPLES.length));
    expect(await work.read.reviewWindow()).toBe(BigInt(SETTINGS.reviewWindow));
    expect(await work.read.objectionThreshold()).toBe(BigInt(SETTINGS.objectionThreshold));
    for (const module of [f.modules.timelock, f.modules.treasury, f.modules.work]) {
      expect(await shares.read.isModule([module])).toBe(true);
    }
    expect(await shares.read.isModule([f.modules.governor])).toBe(false);
    expect(await shares.read.isModule([addressOf(f.alice)])).toBe(false);
    expect(await shares.read.name()).toBe("Rizom");
    expect(await shares.read.symbol()).toBe("RZM");
    expect(await shares.read.decimals()).toBe(0);
  });

  it("mints the founders' shares and gives them their votes at once", async () => {
    const f = await collectiveFixture();
    const { shares } = f.as(f.alice);
    expect(await shares.read.totalSupply()).toBe(1000n);
    for (const [wallet, amount] of [
      [f.alice, 600n],
      [f.bob, 300n],
      [f.carol, 100n],
    ] as const) {
      expect(await shares.read.balanceOf([addressOf(wallet)])).toBe(amount);
      expect(await shares.read.getVotes([addressOf(wallet)])).toBe(amount);
      expect(await shares.read.delegates([addressOf(wallet)])).toBe(addressOf(wallet));
    }
    const mints = parseEventLogs({ abi: sharesAbi, eventName: "Transfer", logs: f.receipt.logs });
    expect(mints.map((log) => [log.args.from, log.args.to, log.args.value])).toEqual([
      [zeroAddress, addressOf(f.alice), 600n],
      [zeroAddress, addressOf(f.bob), 300n],
      [zeroAddress, addressOf(f.carol), 100n],
    ]);
  });

  it("refuses a collective that could not govern itself, naming what is wrong", async () => {
    const chain = await startChain();
    const [, alice] = chain.wallets;
    if (!alice) throw new Error("no account");
    const valid: CreateCollectiveParameters = {
      factory: chain.deployment.factory,
      name: "Rizom",
      symbol: "RZM",
      principles: PRINCIPLES,
      founders: [{ account: alice.account.address, shares: 10n }],
      settings: SETTINGS,
    };
    const create = (overrides: Partial<typeof valid>) =>
      createCollective({ publicClient: chain.publicClient, walletClient: alice }, { ...valid, ...overrides });
    await expectRevert(create({ name: "" }), "FactoryInvalidName");
    await expectRevert(create({ name: "x".repeat(65) }), "FactoryInvalidName");
    await expectRevert(create({ symbol: "" }), "FactoryInvalidSymbol");
    await expectRevert(create({ principles: [] }), "FactoryInvalidPrincipleCount");
    await expectRevert(create({ principles: Array(17).fill("p") }), "FactoryInvalidPrincipleCount");
    expect(await expectRevert(create({ principles: ["a", ""] }), "FactoryInvalidPrinciple")).toEqual([1n]);
    await expectRevert(create({ founders: [] }), "FactoryNoFounders");
    expect(
      await expectRevert(create({ founders: [{ account: zeroAddress, shares: 5n }] }), "FactoryInvalidFounder"),
    ).toEqual([0n, zeroAddress, 5n]);
    await expectRevert(create({ founders: [{ account: alice.account.address, shares: 0n }] }), "FactoryInvalidFounder");
    await expectRevert(create({ settings: { ...SETTINGS, votingPeriod: 0 } }), "FactoryInvalidSettings");
    for (const bad of [
      { executionWindow: 0 },
      { quorumPercent: 101 },
      { reviewWindow: 0 },
      { objectionThreshold: 0 },
      { objectionThreshold: 101 },
      // More than the founders' 10 shares: no one could ever propose.
      { proposalThreshold: 11n },
    ]) {
      await expectRevert(create({ settings: { ...SETTINGS, ...bad } }), "FactoryInvalidSettings");
    }
    // The modules refuse the rest of what is out of bounds, by name, as they are initialised.
    for (const [bad, error] of [
      [{ votingPeriod: 599 }, "GovernorInvalidVotingPeriod"],
      [{ votingPeriod: 30 * 86_400 + 1 }, "GovernorInvalidVotingPeriod"],
      [{ votingDelay: 30 * 86_400 + 1 }, "GovernorInvalidVotingDelay"],
      [{ executionWindow: 3_599 }, "GovernorInvalidExecutionWindow"],
      [{ executionWindow: 90 * 86_400 + 1 }, "GovernorInvalidExecutionWindow"],
      [{ quorumPercent: 0 }, "GovernorInvalidQuorumFraction"],
      [{ quorumPercent: 81 }, "GovernorInvalidQuorumFraction"],
      [{ timelockDelay: 30 * 86_400 + 1 }, "TimelockInvalidDelay"],
      [{ reviewWindow: 59 }, "WorkInvalidSettings"],
      [{ reviewWindow: 30 * 86_400 + 1 }, "WorkInvalidSettings"],
    ] as const) {
      await expectRevert(create({ settings: { ...SETTINGS, ...bad } }), error);
    }
    // Each bound itself is allowed.
    await create({
      settings: { ...SETTINGS, votingPeriod: 600, votingDelay: 30 * 86_400, executionWindow: 3_600, quorumPercent: 80 },
    });
    await create({
      settings: { ...SETTINGS, votingPeriod: 30 * 86_400, executionWindow: 90 * 86_400, quorumPercent: 1 },
    });
    await create({ settings: { ...SETTINGS, timelockDelay: 30 * 86_400, reviewWindow: 60, proposalThreshold: 10n } });
    // A valid one still goes through after all the refusals (and the three at the bounds).
    const created = await create({});
    expect(created.id).toBe(3n);
  });

  it("refuses to initialise an implementation or a clone a second time", async () => {
    const f = await collectiveFixture();
    const alice = addressOf(f.alice);
    const implementations = f.deployment.implementations;
    const initialize = (address: Address, which: "shares" | "governor" | "timelock" | "work") => {
      switch (which) {
        case "shares":
          return f.alice.writeContract({
            address,
            abi: sharesAbi,
            functionName: "initialize",
            args: ["X", "X", [alice], [1_000_000n]],
          });
        case "governor":
          return f.alice.writeContract({
            address,
            abi: collectiveGovernorAbi,
            functionName: "initialize",
            args: ["X", 1, 1, 0n, 1, 1n, 1, 0],
          });
        case "timelock":
          return f.alice.writeContract({
            address,
            abi: collectiveTimelockAbi,
            functionName: "initialize",
            args: [alice, 0],
          });
        case "work":
          return f.alice.writeContract({ address, abi: workAbi, functionName: "initialize", args: [1, 1, 1] });
      }
    };
    for (const which of ["shares", "governor", "timelock", "work"] as const) {
      // Neither the collective's clone nor the implementation behind it can be taken over.
      await expectRevert(initialize(f.modules[which], which), "InvalidInitialization");
      await expectRevert(initialize(implementations[which], which), "InvalidInitialization");
    }
    // The treasury has no initializer at all: its wiring is in its code.
    const names = treasuryAbi.map((item) => ("name" in item ? item.name : "")) as string[];
    expect(names).not.toContain("initialize");
  });
});
