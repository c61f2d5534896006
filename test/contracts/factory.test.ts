import { describe, expect, it } from "vitest";
import { keccak256, parseEther, parseEventLogs, toHex, zeroAddress } from "viem";
import {
  collectiveFactoryAbi,
  collectiveGovernorAbi,
  collectiveTimelockAbi,
  createCollective,
  sharesAbi,
  type CreateCollectiveParameters,
  treasuryAbi,
} from "@rhizome/contracts";
import { addressOf, collectiveFixture, PRINCIPLES, SETTINGS, startChain } from "../helpers/collective.js";
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
      settings: SETTINGS,
    });
    // id, governor and creator are indexed, so an indexer can filter on them.
    expect(event?.topics).toHaveLength(4);
    const addresses = new Set(Object.values(f.modules));
    expect(addresses.size).toBe(4);
    for (const address of addresses) {
      const code = await f.publicClient.getCode({ address });
      // An ERC-1167 minimal proxy: 45 bytes of runtime code.
      expect(code?.length).toBe(2 + 45 * 2);
    }
  });

  it("keeps a registry of the collectives it created", async () => {
    const f = await collectiveFixture();
    const { factory } = f.as(f.alice);
    expect(await factory.read.collectiveCount()).toBe(1n);
    expect(await factory.read.collective([0n])).toEqual(f.modules);
    await expectRevert(factory.read.collective([1n]), "FactoryUnknownCollective");
  });

  it("wires the modules to each other", async () => {
    const f = await collectiveFixture();
    const { shares, governor, timelock, treasury } = f.as(f.alice);
    expect(await governor.read.token()).toBe(f.modules.shares);
    expect(await governor.read.timelock()).toBe(f.modules.timelock);
    expect(await governor.read.name()).toBe("Rizom");
    expect(await governor.read.votingDelay()).toBe(BigInt(SETTINGS.votingDelay));
    expect(await governor.read.votingPeriod()).toBe(BigInt(SETTINGS.votingPeriod));
    expect(await governor.read.proposalThreshold()).toBe(SETTINGS.proposalThreshold);
    expect(await governor.read.quorumNumerator()).toBe(SETTINGS.quorumNumerator);
    expect(await timelock.read.getMinDelay()).toBe(SETTINGS.timelockDelay);
    expect(await treasury.read.governance()).toBe(f.modules.timelock);
    expect(await treasury.read.shares()).toBe(f.modules.shares);
    expect(await treasury.read.governor()).toBe(f.modules.governor);
    expect(await shares.read.isModule([f.modules.timelock])).toBe(true);
    expect(await shares.read.isModule([f.modules.treasury])).toBe(true);
    expect(await shares.read.isModule([f.modules.governor])).toBe(false);
    expect(await shares.read.name()).toBe("Rizom");
    expect(await shares.read.symbol()).toBe("RZM");

    const role = (name: string) => keccak256(toHex(name));
    for (const name of ["PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE"]) {
      expect(await timelock.read.hasRole([role(name), f.modules.governor])).toBe(true);
      expect(await timelock.read.hasRole([role(name), addressOf(f.alice)])).toBe(false);
    }
    const admin = "0x0000000000000000000000000000000000000000000000000000000000000000";
    expect(await timelock.read.hasRole([admin, f.modules.timelock])).toBe(true);
    expect(await timelock.read.hasRole([admin, addressOf(f.alice)])).toBe(false);
    expect(await timelock.read.hasRole([admin, f.deployment.factory])).toBe(false);
  });

  it("mints the founders' shares and gives them their votes at once", async () => {
    const f = await collectiveFixture();
    const { shares } = f.as(f.alice);
    expect(await shares.read.totalSupply()).toBe(parseEther("1000"));
    for (const [wallet, amount] of [
      [f.alice, parseEther("600")],
      [f.bob, parseEther("300")],
      [f.carol, parseEther("100")],
    ] as const) {
      expect(await shares.read.balanceOf([addressOf(wallet)])).toBe(amount);
      expect(await shares.read.getVotes([addressOf(wallet)])).toBe(amount);
      expect(await shares.read.delegates([addressOf(wallet)])).toBe(addressOf(wallet));
    }
    const mints = parseEventLogs({ abi: sharesAbi, eventName: "Transfer", logs: f.receipt.logs });
    expect(mints.map((log) => [log.args.from, log.args.to, log.args.value])).toEqual([
      [zeroAddress, addressOf(f.alice), parseEther("600")],
      [zeroAddress, addressOf(f.bob), parseEther("300")],
      [zeroAddress, addressOf(f.carol), parseEther("100")],
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
      founders: [{ account: alice.account.address, shares: 1n }],
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
    await expectRevert(create({ settings: { ...SETTINGS, quorumNumerator: 101n } }), "FactoryInvalidSettings");
    // A valid one still goes through after all the refusals.
    const created = await create({});
    expect(created.id).toBe(0n);
  });

  it("refuses to initialise an implementation or a clone a second time", async () => {
    const f = await collectiveFixture();
    const { shares, governor, timelock, treasury } = f.as(f.alice);
    await expectRevert(shares.write.initialize(["X", "X", [], [], []]), "InvalidInitialization");
    await expectRevert(
      governor.write.initialize(["X", f.modules.shares, f.modules.timelock, 1, 1, 0n, 1n]),
      "InvalidInitialization",
    );
    await expectRevert(timelock.write.initialize([0n, [], [], addressOf(f.alice)]), "InvalidInitialization");
    await expectRevert(
      treasury.write.initialize([addressOf(f.alice), addressOf(f.alice), addressOf(f.alice)]),
      "InvalidInitialization",
    );
    // The implementations themselves were locked at deployment.
    const implementations = f.deployment.implementations;
    const attempts = [
      f.alice.writeContract({
        address: implementations.shares,
        abi: sharesAbi,
        functionName: "initialize",
        args: ["X", "X", [addressOf(f.alice)], [], []],
      }),
      f.alice.writeContract({
        address: implementations.governor,
        abi: collectiveGovernorAbi,
        functionName: "initialize",
        args: ["X", f.modules.shares, f.modules.timelock, 1, 1, 0n, 1n],
      }),
      f.alice.writeContract({
        address: implementations.timelock,
        abi: collectiveTimelockAbi,
        functionName: "initialize",
        args: [0n, [], [], addressOf(f.alice)],
      }),
      f.alice.writeContract({
        address: implementations.treasury,
        abi: treasuryAbi,
        functionName: "initialize",
        args: [addressOf(f.alice), addressOf(f.alice), addressOf(f.alice)],
      }),
    ];
    for (const attempt of attempts) await expectRevert(attempt, "InvalidInitialization");
  });
});
