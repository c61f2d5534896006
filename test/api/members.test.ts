import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Api } from "@rhizome/client";
import { addressOf } from "../helpers/collective.js";
import { backend, get, indexedApp, type Indexed } from "./indexed.js";

/** Every page of a list, following `next`. */
async function allPages<T>(t: Indexed, url: string, limit: number): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const separator = url.includes("?") ? "&" : "?";
    const { status, body }: { status: number; body: Api.Page<T> } = await get<Api.Page<T>>(
      t.app,
      `${url}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(status).toBe(200);
    pages.push(body.items);
    cursor = body.next;
  } while (cursor !== null);
  return pages;
}

describe(`the API's members and ownership (${backend})`, () => {
  let t: Indexed;
  let base: string;
  let holders: [string, string][];

  beforeAll(async () => {
    t = await indexedApp();
    base = `/api/collectives/${t.f.modules.governor}`;
    holders = [
      [addressOf(t.f.alice), "600"],
      [addressOf(t.f.bob), "300"],
      [addressOf(t.f.dave), "80"],
      [addressOf(t.f.carol), "50"],
      [t.history.mycel.modules.timelock, "20"],
    ];
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists the members, most shares first, with their share of the supply and voting power", async () => {
    const { status, body } = await get<Api.Page<Api.Member>>(t.app, `${base}/members`);
    expect(status).toBe(200);
    expect(body.items.map((m) => [m.account, m.shares])).toEqual(holders);
    const byAccount = new Map(body.items.map((m) => [m.account, m]));
    expect(byAccount.get(addressOf(t.f.alice))).toMatchObject({
      shareOfSupply: 600 / 1050,
      votingPower: "650",
      delegate: addressOf(t.f.alice),
      leftAt: null,
      memberCollective: null,
    });
    expect(byAccount.get(addressOf(t.f.carol))).toMatchObject({ votingPower: "0", delegate: addressOf(t.f.alice) });
    expect(byAccount.get(addressOf(t.f.dave))).toMatchObject({
      name: "Dave 100%_",
      avatarUri: "https://dave.example/me.png",
      profileUri: "https://dave.example",
    });
    expect(byAccount.get(addressOf(t.f.alice))).toMatchObject({ name: null, avatarUri: null, profileUri: null });
    expect(byAccount.get(t.history.mycel.modules.timelock)).toMatchObject({
      memberCollective: t.history.mycel.modules.governor,
    });
    expect(body.items.every((m) => typeof m.joinedAt === "number")).toBe(true);
  });

  it("finds members by name in any case, LIKE's own characters taken as they are, or by address", async () => {
    const search = async (q: string) =>
      (await get<Api.Page<Api.Member>>(t.app, `${base}/members?q=${encodeURIComponent(q)}`)).body.items.map(
        (m) => m.account,
      );
    expect(await search("dAVE")).toEqual([addressOf(t.f.dave)]);
    expect(await search("100%_")).toEqual([addressOf(t.f.dave)]);
    // % and _ are no wildcards: as wildcards, "10_%" would match "100%_".
    expect(await search("10_%")).toEqual([]);
    expect(await search(addressOf(t.f.bob).slice(0, 12))).toEqual([addressOf(t.f.bob)]);
    expect(await search("nobody")).toEqual([]);
  });

  it("filters holders with active=true and pages them the same as one page", async () => {
    const active = await get<Api.Page<Api.Member>>(t.app, `${base}/members?active=true`);
    expect(active.body.items.map((m) => m.account)).toEqual(holders.map(([account]) => account));
    const former = await get<Api.Page<Api.Member>>(t.app, `${base}/members?active=false`);
    expect(former.body.items).toEqual([]);
    const pages = await allPages<Api.Member>(t, `${base}/members?active=true`, 2);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((m) => m.account)).toEqual(holders.map(([account]) => account));
  });

  it("shows a member with their shares history, votes and delegations, found in any case", async () => {
    const carol = addressOf(t.f.carol);
    const { status, body } = await get<Api.MemberDetail>(t.app, `${base}/members/${carol.toLowerCase()}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ account: carol, shares: "50", votingPower: "0", delegate: addressOf(t.f.alice) });
    // Founded with 100, then burnt 50 leaving.
    expect(body.shareHistory.items.map((e) => [e.delta, e.balance, e.supply])).toEqual([
      ["100", "100", "1000"],
      ["-50", "50", "1030"],
    ]);
    expect(body.votes.items.map((v) => [v.description, v.support, v.weight])).toEqual([["Admit Dave", "for", "100"]]);
    expect(body.work.items).toEqual([]);
    // Newest first: to alice, then the self-delegation of her first shares.
    expect(body.delegations.items.map((d) => [d.fromDelegate, d.toDelegate])).toEqual([
      [carol, addressOf(t.f.alice)],
      ["0x0000000000000000000000000000000000000000", carol],
    ]);
  });

  it("shows delegations to a member and the work they contributed", async () => {
    const alice = await get<Api.MemberDetail>(t.app, `${base}/members/${addressOf(t.f.alice)}`);
    expect(alice.body.delegations.items.map((d) => d.delegator)).toContain(addressOf(t.f.carol));
    expect(alice.body.votes.items.find((v) => v.description === "Pay Bob")).toMatchObject({
      support: "against",
      weight: "600",
      reason: "Too much",
    });
    const dave = await get<Api.MemberDetail>(t.app, `${base}/members/${addressOf(t.f.dave)}`);
    expect(dave.body.work.items.map((w) => [w.workId, w.title, w.state])).toEqual([[1, "Indexer", "accepted"]]);
    expect(dave.body.shareHistory.items.map((e) => e.delta)).toEqual(["50", "30"]);
  });

  it("pages each of a member's histories on its own route", async () => {
    const alice = addressOf(t.f.alice);
    const votes = await allPages<Api.MemberVote>(t, `${base}/members/${alice}/votes`, 2);
    expect(votes.flat().map((v) => v.description)).toEqual([
      "Admit Mycel",
      "Pay Eve",
      "Pay Bob",
      "Build it",
      "Admit Dave",
    ]);
    const shares = await get<Api.Page<Api.ShareEvent>>(t.app, `${base}/members/${alice}/shares`);
    expect(shares.body.items.map((e) => e.delta)).toEqual(["600"]);
    const delegations = await allPages<Api.Delegation>(t, `${base}/members/${alice}/delegations`, 1);
    expect(delegations.flat()).toHaveLength(2);
    const work = await get<Api.Page<Api.WorkItem>>(t.app, `${base}/members/${addressOf(t.f.dave)}/work`);
    expect(work.body.items.map((w) => w.workId)).toEqual([1]);
  });

  it("answers 404 for an account that never was a member, on the member and its histories", async () => {
    const eve = addressOf(t.f.eve);
    for (const path of ["", "/shares", "/votes", "/work", "/delegations"]) {
      const { status, body } = await get(t.app, `${base}/members/${eve}${path}`);
      expect(status).toBe(404);
      expect(body).toEqual({
        error: "NotFound",
        message: `${eve} is not a member of the collective ${t.f.modules.governor}.`,
      });
    }
  });

  it("shows ownership now: holders, top holders' share, Gini and Nakamoto", async () => {
    const { status, body } = await get<Api.Ownership>(t.app, `${base}/ownership`);
    expect(status).toBe(200);
    expect(body.holders.items.map((h) => [h.account, h.shares])).toEqual(holders);
    expect(body.holders.items[0]?.share).toBeCloseTo(600 / 1050, 12);
    // Gini of 20, 50, 80, 300, 600: 2·Σ i·x(i) / (n·Σx) − (n+1)/n = 2·4560/5250 − 6/5.
    expect(body.now).toMatchObject({ totalShares: "1050", holders: 5, nakamoto: 1 });
    expect(body.now.gini).toBeCloseTo((2 * 4560) / 5250 - 6 / 5, 12);
    expect(body.now.topHoldersShare).toBeCloseTo(600 / 1050, 12);
    expect(body.now.blockNumber).toBe(body.history.items.at(-1)?.blockNumber);
  });

  it("shows how ownership changed: after the founding, each admission, the reward and the exit", async () => {
    const { body } = await get<Api.Ownership>(t.app, `${base}/ownership`);
    expect(body.history.items.map((p) => [p.totalShares, p.holders])).toEqual([
      ["1000", 3],
      ["1050", 4],
      ["1080", 4],
      ["1030", 4],
      ["1050", 5],
    ]);
    const blocks = body.history.items.map((p) => p.blockNumber);
    expect([...blocks].sort((a, b) => a - b)).toEqual(blocks);
    const paged = await allPages<Api.ConcentrationPoint>(t, `${base}/ownership/history`, 2);
    expect(paged.flat()).toEqual(body.history.items);
    const holderPages = await allPages<Api.Holder>(t, `${base}/ownership/holders`, 3);
    expect(holderPages.flat().map((h) => h.account)).toEqual(holders.map(([account]) => account));
  });
});
