/** How backfill ranges adapt: grow while light, shrink when heavy or refused, never past a stated cap. */
import { describe, expect, it } from "vitest";
import { grownRange, MAX_RANGE, shrunkRange } from "./backfill.js";
import { RpcRangeError } from "./rpc-errors.js";

describe("range sizes", () => {
  it("doubles while ranges come back light, up to the widest range and the provider's cap", () => {
    expect(grownRange(100, 10, Infinity)).toBe(200);
    expect(grownRange(80_000, 10, Infinity)).toBe(MAX_RANGE);
    expect(grownRange(1_500, 10, 2_000)).toBe(2_000);
  });

  it("halves when a range comes back heavy, and keeps a size that answers a workable amount", () => {
    expect(grownRange(1_000, 25_000, Infinity)).toBe(500);
    expect(grownRange(1_000, 10_001, Infinity)).toBe(500);
    expect(grownRange(1, 25_000, Infinity)).toBe(1);
    expect(grownRange(1_000, 10_000, Infinity)).toBe(1_000);
    expect(grownRange(4_000, 10_000, 2_000)).toBe(2_000);
  });

  it("shrinks a refused range to the span the provider states, or to a quarter when it states none", () => {
    expect(shrunkRange(10_000, new RpcRangeError("", "span", 2_000, undefined))).toBe(2_000);
    expect(shrunkRange(10_000, new RpcRangeError("", "results", undefined, undefined))).toBe(2_500);
    // A stated span no smaller than the refused range cannot be what was wrong: shrink anyway.
    expect(shrunkRange(1_000, new RpcRangeError("", "results", 5_000, undefined))).toBe(250);
    expect(shrunkRange(2, new RpcRangeError("", "results", undefined, undefined))).toBe(1);
  });
});
