import { describe, expect, it } from "vitest";
import { exitLocks, ragequitPayout } from "./ragequit";

const ETH = "0x0000000000000000000000000000000000000000";
const EUR = "0xa513E6E4b8f2a923D98304ec87F64353C4D5C853";
const balances = [
  { token: ETH, balance: "21950570342205323194", updatedBlock: 74 },
  { token: EUR, balance: "9257414448669201520913", updatedBlock: 74 },
];

describe("ragequitPayout", () => {
  it("pays each asset's balance times shares over supply, rounded down like the treasury", () => {
    const payout = ragequitPayout(balances, 60n, 1295n);
    expect(payout).toEqual([
      { token: ETH, balance: 21950570342205323194n, amount: (21950570342205323194n * 60n) / 1295n },
      { token: EUR, balance: 9257414448669201520913n, amount: (9257414448669201520913n * 60n) / 1295n },
    ]);
    expect(payout[0]?.amount).toBe(1017014842109899144n);
  });

  it("pays everything to the last member and nothing for no shares", () => {
    expect(ragequitPayout(balances, 100n, 100n).map((p) => p.amount)).toEqual([
      21950570342205323194n,
      9257414448669201520913n,
    ]);
    expect(ragequitPayout(balances, 0n, 100n).map((p) => p.amount)).toEqual([0n, 0n]);
  });

  it("never previews more than the supply's worth", () => {
    expect(ragequitPayout(balances, 500n, 100n)[0]?.amount).toBe(21950570342205323194n);
  });
});

describe("exitLocks", () => {
  const settings = { timelockDelay: 10 };
  const proposals = new Map([
    ["1", { state: "active" as const, deadline: 1_000, eta: null, executionWindow: 100 }],
    ["2", { state: "queued" as const, deadline: 1_000, eta: 2_000, executionWindow: 100 }],
    ["3", { state: "executed" as const, deadline: 1_000, eta: 1_500, executionWindow: 100 }],
    ["4", { state: "active" as const, deadline: 1_000, eta: null, executionWindow: 100 }],
  ]);

  it("locks on for-votes that can still run, until they execute or expire at the latest", () => {
    const votes = [
      { proposalId: "1", support: "for" as const, description: "Pay" },
      { proposalId: "2", support: "for" as const, description: "Admit" },
      { proposalId: "3", support: "for" as const, description: "Done" },
      { proposalId: "4", support: "against" as const, description: "No" },
    ];
    expect(exitLocks(votes, proposals, settings)).toEqual([
      { proposalId: "1", description: "Pay", state: "active", until: 1_000 + 100 + 10 + 100 },
      { proposalId: "2", description: "Admit", state: "queued", until: 2_000 + 100 },
    ]);
  });

  it("does not lock a member who voted against or abstained", () => {
    expect(exitLocks([{ proposalId: "1", support: "abstain", description: "" }], proposals, settings)).toEqual([]);
  });
});
