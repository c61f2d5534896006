import { describe, expect, it } from "vitest";
import type { Address } from "viem";
import { displayable, EnsNames, NO_ENS } from "./names.js";

const A = "0x00000000000000000000000000000000000000aA" as Address;
const B = "0x00000000000000000000000000000000000000bB" as Address;
const C = "0x00000000000000000000000000000000000000cC" as Address;

/** A resolver that answers from `names` and counts what it is asked; a clock the test moves. */
function world(names: Record<string, string | Error | Promise<string>> = {}) {
  const asked: string[] = [];
  let time = 0;
  return {
    asked,
    now: () => time,
    pass: (ms: number) => void (time += ms),
    resolve: async (address: Address) => {
      asked.push(address);
      const answer = names[address];
      if (answer instanceof Error) throw answer;
      return (await answer) ?? null;
    },
  };
}

describe("ENS names kept for the API", () => {
  it("asks once for a name and for the lack of one, until they expire", async () => {
    const w = world({ [A]: "ada.eth" });
    const ens = new EnsNames(w.resolve, { now: w.now, ttlMs: 1_000 });
    expect((await ens.lookup([A, B])).names).toEqual(
      new Map([
        [A, "ada.eth"],
        [B, null],
      ]),
    );
    await ens.lookup([A, B]);
    expect(w.asked).toEqual([A, B]);
    w.pass(1_001);
    await ens.lookup([B]);
    expect(w.asked).toEqual([A, B, B]);
  });

  it("answers null for a failure, says the answer is incomplete, and tries again after a short while", async () => {
    const w = world({ [A]: new Error("node down") });
    const ens = new EnsNames(w.resolve, { now: w.now, failureTtlMs: 100 });
    expect(await ens.lookup([A])).toEqual({ names: new Map([[A, null]]), complete: false });
    await ens.lookup([A]);
    expect(w.asked).toEqual([A]);
    w.pass(101);
    await ens.lookup([A]);
    expect(w.asked).toEqual([A, A]);
  });

  it("takes a resolver that throws before it returns as a failure too", async () => {
    const ens = new EnsNames(() => {
      throw new Error("no client");
    });
    expect(await ens.lookup([A])).toEqual({ names: new Map([[A, null]]), complete: false });
  });

  it("waits a short while at most, and keeps the late answer once it comes", async () => {
    let answer: (name: string) => void = () => {};
    const w = world({ [A]: new Promise<string>((resolve) => (answer = resolve)) });
    const ens = new EnsNames(w.resolve, { now: w.now, timeoutMs: 20 });
    expect(await ens.lookup([A])).toEqual({ names: new Map([[A, null]]), complete: false });
    answer("ada.eth");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await ens.lookup([A])).toEqual({ names: new Map([[A, "ada.eth"]]), complete: true });
    expect(w.asked).toEqual([A]);
  });

  it("asks once for an account asked by several requests at the same time", async () => {
    const w = world({ [A]: Promise.resolve("ada.eth") });
    const ens = new EnsNames(w.resolve);
    const answers = await Promise.all([ens.lookup([A]), ens.lookup([A, A]), ens.lookup([A])]);
    expect(answers.map((a) => a.names.get(A))).toEqual(["ada.eth", "ada.eth", "ada.eth"]);
    expect(w.asked).toEqual([A]);
  });

  it("keeps at most maxEntries accounts, forgetting the least recently asked", async () => {
    const w = world();
    const ens = new EnsNames(w.resolve, { maxEntries: 2 });
    await ens.lookup([A, B]);
    await ens.lookup([A]);
    await ens.lookup([C]);
    expect(ens.size).toBe(2);
    await ens.lookup([A, C]);
    expect(w.asked).toEqual([A, B, C]);
    await ens.lookup([B]);
    expect(w.asked).toEqual([A, B, C, B]);
  });

  it("starts no more new lookups a minute than allowed, answering null for the others until it may", async () => {
    const w = world({ [A]: "ada.eth", [B]: "bo.eth", [C]: "cai.eth" });
    const ens = new EnsNames(w.resolve, { now: w.now, lookupsPerMinute: 2 });
    expect(await ens.lookup([A, B, C])).toEqual({
      names: new Map([
        [A, "ada.eth"],
        [B, "bo.eth"],
        [C, null],
      ]),
      complete: false,
    });
    // Kept names cost nothing; the allowance comes back over the minute.
    expect((await ens.lookup([A, B])).complete).toBe(true);
    expect((await ens.lookup([C])).names.get(C)).toBeNull();
    w.pass(30_000);
    expect((await ens.lookup([C])).names.get(C)).toBe("cai.eth");
    expect(w.asked).toEqual([A, B, C]);
  });

  it("shows a name only as ENSIP-15 normalizes it, and not too long", async () => {
    expect(displayable("vitalik.eth")).toBe("vitalik.eth");
    expect(displayable("💩.eth")).toBe("💩.eth");
    for (const name of [
      "Vitalik.eth",
      "<img src=x>.eth",
      "a\u0000b.eth",
      "ab\u202ecd.eth",
      "",
      `${"a".repeat(252)}.eth`,
    ])
      expect(displayable(name), name).toBeNull();
    const w = world({ [A]: "<script>.eth" });
    expect((await new EnsNames(w.resolve).lookup([A])).names.get(A)).toBeNull();
  });

  it("answers null for every account without ENS, asking no one", async () => {
    expect(await NO_ENS.lookup([A, B])).toEqual({
      names: new Map([
        [A, null],
        [B, null],
      ]),
      complete: true,
    });
  });
});
