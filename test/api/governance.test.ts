import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEther, zeroAddress } from "viem";
import type { Api } from "@rhizome/client";
import { addressOf, SETTINGS } from "../helpers/collective.js";
import { backend, get, indexedApp, type Indexed } from "./indexed.js";
import { expectStateFilters } from "./state-filters.js";

describe(`the API's proposals, work, applications and treasury (${backend})`, () => {
  let t: Indexed;
  let base: string;

  beforeAll(async () => {
    t = await indexedApp();
    base = `/api/collectives/${t.f.modules.governor}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  const proposals = async (query = "") =>
    (await get<Api.Page<Api.Proposal>>(t.app, `${base}/proposals${query}`)).body.items;

  it("lists proposals newest first, with the state the governor would give them", async () => {
    const items = await proposals();
    expect(items.map((p) => [p.description, p.kind, p.state])).toEqual([
      ["Admit Mycel", "admission", "executed"],
      ["Pay Eve", "payment", "executed"],
      ["Pay Bob", "payment", "defeated"],
      ["Build it", "work", "executed"],
      ["Admit Dave", "admission", "executed"],
    ]);
    expect(items.find((p) => p.description === "Pay Bob")).toMatchObject({
      proposalId: t.history.defeated.toString(),
      proposer: addressOf(t.f.bob),
      forVotes: "300",
      againstVotes: "600",
      abstainVotes: "0",
      voteCount: 2,
      quorum: "216",
      eta: null,
      executedAt: null,
    });
  });

  it("filters proposals by computed state and by kind, together or apart", async () => {
    expect((await proposals("?state=defeated")).map((p) => p.description)).toEqual(["Pay Bob"]);
    expect(await proposals("?state=executed")).toHaveLength(4);
    for (const state of ["pending", "active", "succeeded", "queued", "expired", "canceled"]) {
      expect(await proposals(`?state=${state}`), state).toEqual([]);
    }
    expect((await proposals("?kind=payment")).map((p) => p.description)).toEqual(["Pay Eve", "Pay Bob"]);
    expect((await proposals("?kind=payment&state=executed")).map((p) => p.description)).toEqual(["Pay Eve"]);
    expect(await proposals("?kind=parameter")).toEqual([]);
    expect((await proposals(`?proposer=${addressOf(t.f.bob).toLowerCase()}`)).map((p) => p.description)).toEqual([
      "Pay Bob",
    ]);
  });

  it("lists under each state exactly the proposals the governor gives that state", async () => {
    await expectStateFilters(t.app, t.f);
  });

  it("pages proposals with a cursor, the filter kept", async () => {
    const first = await get<Api.Page<Api.Proposal>>(t.app, `${base}/proposals?state=executed&limit=3`);
    expect(first.body.items).toHaveLength(3);
    const second = await get<Api.Page<Api.Proposal>>(
      t.app,
      `${base}/proposals?state=executed&limit=3&cursor=${first.body.next}`,
    );
    expect(second.body.items.map((p) => p.description)).toEqual(["Admit Dave"]);
    expect(second.body.next).toBeNull();
  });

  it("shows the defeated proposal: tally, quorum progress, votes with reasons, actions and timeline", async () => {
    const { status, body } = await get<Api.ProposalDetail>(t.app, `${base}/proposals/${t.history.defeated}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      description: "Pay Bob",
      state: "defeated",
      quorum: "216",
      quorumReached: true,
      forVotes: "300",
      againstVotes: "600",
    });
    // 300 for of a 216 quorum (20% of 1080 at the snapshot).
    expect(body.quorumProgress).toBeCloseTo(300 / 216, 5);
    expect(body.votes.items.map((v) => [v.voter, v.support, v.weight, v.reason])).toEqual([
      [addressOf(t.f.alice), "against", "600", "Too much"],
      [addressOf(t.f.bob), "for", "300", ""],
    ]);
    const bob = addressOf(t.f.bob);
    expect(body.actions).toEqual([
      expect.objectContaining({
        target: t.f.modules.treasury,
        value: "0",
        function: "pay",
        args: { token: zeroAddress, to: bob, amount: parseEther("5").toString() },
        summary: `Pay 5 ETH to ${bob.slice(0, 6)}…${bob.slice(-4)}`,
      }),
    ]);
    expect(body.timeline).toEqual([
      { event: "created", timestamp: body.createdAt, past: true },
      { event: "votingStarts", timestamp: body.snapshot, past: true },
      { event: "votingEnds", timestamp: body.deadline, past: true },
    ]);
    expect(body.snapshot - body.createdAt).toBe(SETTINGS.votingDelay);
    expect(body.deadline - body.snapshot).toBe(SETTINGS.votingPeriod);
  });

  it("shows an executed proposal's timeline through its queueing and execution", async () => {
    const [payEve] = await proposals("?kind=payment&state=executed");
    const { body } = await get<Api.ProposalDetail>(t.app, `${base}/proposals/${payEve?.proposalId}`);
    expect(body.timeline.map((e) => e.event)).toEqual([
      "created",
      "votingStarts",
      "votingEnds",
      "queued",
      "eta",
      "executed",
    ]);
    expect(body.timeline.every((e) => e.past)).toBe(true);
    expect(body.eta).toBe((body.queuedAt ?? 0) + SETTINGS.timelockDelay);
    expect(body.quorumProgress).toBeCloseTo(900 / 216, 5);
  });

  it("pages a proposal's votes on their own route", async () => {
    const first = await get<Api.Page<Api.Vote>>(t.app, `${base}/proposals/${t.history.defeated}/votes?limit=1`);
    expect(first.body.items.map((v) => v.reason)).toEqual(["Too much"]);
    const second = await get<Api.Page<Api.Vote>>(
      t.app,
      `${base}/proposals/${t.history.defeated}/votes?limit=1&cursor=${first.body.next}`,
    );
    expect(second.body).toMatchObject({ items: [{ voter: addressOf(t.f.bob), support: "for" }], next: null });
  });

  it("answers 404 for an unknown proposal and 400 for an id past uint256", async () => {
    const missing = await get(t.app, `${base}/proposals/12345`);
    expect(missing).toMatchObject({ status: 404, body: { error: "NotFound" } });
    expect((await get(t.app, `${base}/proposals/12345/votes`)).status).toBe(404);
    const huge = await get(t.app, `${base}/proposals/${"9".repeat(78)}`);
    expect(huge).toMatchObject({ status: 400, body: { error: "BadRequest" } });
    const hex = await get(t.app, `${base}/proposals/0x12`);
    expect(hex).toMatchObject({
      status: 400,
      body: { error: "BadRequest", message: expect.stringContaining("proposalId") },
    });
  });

  it("shows the work board by state and principle, and the accepted item with its objection", async () => {
    const all = await get<Api.Page<Api.WorkItem>>(t.app, `${base}/work`);
    expect(all.body.items).toEqual([
      expect.objectContaining({
        workId: 1,
        title: "Indexer",
        principle: 2,
        principleName: "Ownership over employment",
        contributor: addressOf(t.f.dave),
        reward: "30",
        paymentToken: t.history.token.address,
        paymentAmount: "100",
        state: "accepted",
        deliveryUri: "https://pr/1",
        objectionQuorum: "105",
        objectionWeight: "100",
      }),
    ]);
    expect(
      (await get<Api.Page<Api.WorkItem>>(t.app, `${base}/work?state=accepted&principle=2`)).body.items,
    ).toHaveLength(1);
    expect((await get<Api.Page<Api.WorkItem>>(t.app, `${base}/work?state=delivered`)).body.items).toEqual([]);
    expect((await get<Api.Page<Api.WorkItem>>(t.app, `${base}/work?principle=1`)).body.items).toEqual([]);
    const item = await get<Api.WorkDetail>(t.app, `${base}/work/1`);
    expect(item.status).toBe(200);
    expect(item.body.objections).toEqual({
      items: [
        { objector: addressOf(t.f.carol), weight: "100", reason: "Missing tests", timestamp: expect.any(Number) },
      ],
      next: null,
    });
    expect((await get<Api.Page<Api.Objection>>(t.app, `${base}/work/1/objections`)).body.items).toHaveLength(1);
    expect(await get(t.app, `${base}/work/2`)).toMatchObject({ status: 404, body: { error: "NotFound" } });
    expect((await get(t.app, `${base}/work/2/objections`)).status).toBe(404);
    expect((await get(t.app, `${base}/work?state=done`)).status).toBe(400);
    // Ajv turns these into Infinity, which must not reach the database.
    for (const path of ["/work/-Infinity", "/work/1e400", "/work?principle=Infinity", "/work/Infinity/objections"]) {
      expect(await get(t.app, `${base}${path}`), path).toMatchObject({
        status: 400,
        body: { error: "BadRequest", message: expect.stringContaining("must be a finite number") },
      });
    }
  });

  it("lists applications by status", async () => {
    const all = await get<Api.Page<Api.Application>>(t.app, `${base}/applications`);
    expect(all.body.items.map((a) => [a.applicationId, a.status, a.requestedShares, a.admittedShares])).toEqual([
      [3, "admitted", "20", "20"],
      [2, "withdrawn", "5", null],
      [1, "admitted", "50", "50"],
    ]);
    const admitted = await get<Api.Page<Api.Application>>(t.app, `${base}/applications?status=admitted`);
    expect(admitted.body.items.map((a) => a.applicant)).toEqual([
      t.history.mycel.modules.timelock,
      addressOf(t.f.dave),
    ]);
    const eve = await get<Api.Page<Api.Application>>(t.app, `${base}/applications?applicant=${addressOf(t.f.eve)}`);
    expect(eve.body.items).toMatchObject([{ pitch: "Curious", status: "withdrawn" }]);
    expect((await get(t.app, `${base}/applications?status=open`)).body).toEqual({ items: [], next: null });
  });

  it("shows the treasury: ETH and token balances, flows and carol's ragequit", async () => {
    const { status, body } = await get<Api.Treasury>(t.app, `${base}/treasury`);
    expect(status).toBe(200);
    // 10 ETH in, 1 paid to eve, carol took 50/1080 of the rest.
    const eth = parseEther("9") - (parseEther("9") * 50n) / 1080n;
    const tokenBalance = await t.history.token.read.balanceOf([t.f.modules.treasury]);
    expect(body.address).toBe(t.f.modules.treasury);
    expect(body.eth).toBe(eth.toString());
    expect(body.balances.items.map((b) => [b.token, b.balance])).toEqual([
      [zeroAddress, eth.toString()],
      [t.history.token.address, tokenBalance.toString()],
    ]);
    expect(body.flows.items.map((f) => [f.kind, f.token, f.amount])).toEqual([
      ["ragequit", t.history.token.address, (-(900n * 50n) / 1080n).toString()],
      ["ragequit", zeroAddress, (-(parseEther("9") * 50n) / 1080n).toString()],
      ["payment", zeroAddress, (-parseEther("1")).toString()],
      ["payment", t.history.token.address, "-100"],
      ["deposit", t.history.token.address, "1000"],
      ["deposit", zeroAddress, parseEther("10").toString()],
    ]);
    expect(body.ragequits.items).toEqual([
      expect.objectContaining({
        member: addressOf(t.f.carol),
        shares: "50",
        supply: "1080",
        ethAmount: ((parseEther("9") * 50n) / 1080n).toString(),
        tokens: [{ token: t.history.token.address, amount: ((900n * 50n) / 1080n).toString() }],
      }),
    ]);
  });

  it("pages and filters treasury flows, balances and ragequits on their own routes", async () => {
    const payments = await get<Api.Page<Api.Flow>>(t.app, `${base}/treasury/flows?kind=payment`);
    expect(payments.body.items.map((f) => f.counterparty)).toEqual([addressOf(t.f.eve), addressOf(t.f.dave)]);
    const first = await get<Api.Page<Api.Flow>>(t.app, `${base}/treasury/flows?limit=4`);
    const rest = await get<Api.Page<Api.Flow>>(t.app, `${base}/treasury/flows?limit=4&cursor=${first.body.next}`);
    expect(first.body.items).toHaveLength(4);
    expect(rest.body.items.map((f) => f.kind)).toEqual(["deposit", "deposit"]);
    expect(rest.body.next).toBeNull();
    const balance = await get<Api.Page<Api.Balance>>(t.app, `${base}/treasury/balances?limit=1`);
    expect(balance.body.items.map((b) => b.token)).toEqual([zeroAddress]);
    expect(balance.body.next).not.toBeNull();
    const exits = await get<Api.Page<Api.Ragequit>>(t.app, `${base}/treasury/ragequits`);
    expect(exits.body.items.map((r) => r.member)).toEqual([addressOf(t.f.carol)]);
  });
});
