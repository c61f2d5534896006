/** Whether a stored index is this chain's: refused, started afresh, or kept. */
import { describe, expect, it } from "vitest";
import { IndexMismatchError, resetReason } from "./state.js";

const factory = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const genesis = `0x${"11".repeat(32)}` as const;
const stored = { chainId: 8453, factory, genesisHash: genesis };

describe("the stored index against the chain", () => {
  it("keeps an index of the same chain, factory and genesis", () => {
    expect(resetReason(stored, { chainId: 8453, genesis, factory })).toBeUndefined();
  });

  it("refuses another chain or another factory, naming what to change", () => {
    expect(() => resetReason(stored, { chainId: 10, genesis, factory })).toThrow(IndexMismatchError);
    expect(() => resetReason(stored, { chainId: 10, genesis, factory })).toThrow(
      /chain 8453, but RPC_URL serves chain 10/,
    );
    const other = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
    expect(() => resetReason(stored, { chainId: 8453, genesis, factory: other })).toThrow(/set FACTORY_ADDRESS/);
  });

  it("starts a development chain afresh on a new genesis, and refuses a real chain's", () => {
    const other = `0x${"22".repeat(32)}` as const;
    const local = { ...stored, chainId: 31337 };
    expect(resetReason(local, { chainId: 31337, genesis: other, factory })).toBe("another genesis block");
    expect(() => resetReason(stored, { chainId: 8453, genesis: other, factory })).toThrow(IndexMismatchError);
  });
});
