/**
 * An exit across the network, as the API shows it: the exiting collective's ragequit names who was
 * paid and the collectives it passed through; the other collective's shows this collective's
 * timelock leaving with the member's part, paid to the member.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { getAddress } from "viem";
import type { Api } from "@rhizome/client";
import type { Indexer } from "@rhizome/indexer";
import { addressOf, carolLeavesAcross, networkOfTwo } from "../helpers/collective.js";
import { backend, get, liveIndex, type LiveIndex } from "./indexed.js";

describe(`an exit across the network (${backend})`, () => {
  let net: Awaited<ReturnType<typeof networkOfTwo>>;
  let live: LiveIndex;
  let indexer: Indexer;
  let app: FastifyInstance;

  beforeAll(async () => {
    net = await networkOfTwo();
    live = await liveIndex(net.a);
    ({ indexer, app } = live);
  });
  afterAll(async () => {
    await live?.close();
  });

  it("records who was paid and which collectives the exit passed through, on both sides", async () => {
    const { a, b, token } = net;
    const eve = addressOf(a.eve);
    await carolLeavesAcross(net);
    await indexer.syncToHead();
    const ours = await get<Api.Page<Api.Ragequit>>(app, `/api/collectives/${a.modules.governor}/treasury/ragequits`);
    expect(ours.status).toBe(200);
    expect(ours.body.items).toMatchObject([
      {
        member: addressOf(a.carol),
        shares: "100",
        ethAmount: String(10n ** 17n),
        paidTo: eve,
        networkExits: [{ treasury: getAddress(b.modules.treasury), shares: "1", held: "10" }],
      },
    ]);
    const theirs = await get<Api.Page<Api.Ragequit>>(app, `/api/collectives/${b.modules.governor}/treasury/ragequits`);
    expect(theirs.body.items).toMatchObject([
      {
        member: getAddress(a.modules.timelock),
        shares: "1",
        supply: "20",
        ethAmount: String(10n ** 17n),
        tokens: [{ token: getAddress(token.address), amount: "50" }],
        paidTo: eve,
        networkExits: [],
      },
    ]);
  });
});
