/**
 * A member's inbox webhook, made by their signed request, from a real chain through the indexer to
 * a receiving HTTP server: a proposal open for their vote is POSTed to them once, signed with
 * their webhook's secret, however many ranges are indexed after it; voting takes it out of the
 * inbox and sends nothing more; another member who has not voted gets the same item on their own.
 * A reply, which arrives without the chain moving, is sent by the next pass, once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAddress, type Hex } from "viem";
import { mintSharesProposal } from "@rhizome/contracts";
import { webhookTypedData } from "@rhizome/client/schemas";
import { WebhookDispatcher } from "../../apps/indexer/src/webhooks/dispatcher.js";
import { webhookSource } from "../../apps/indexer/src/webhooks/source.js";
import { verify } from "../../apps/indexer/src/webhooks/signature.js";
import {
  addressOf,
  advance,
  collectiveFixture,
  propose,
  SETTINGS,
  vote,
  Vote,
  type Fixture,
  type Wallet,
} from "../helpers/collective.js";
import { postComment } from "../helpers/comments.js";
import { quietLogger } from "../helpers/indexer.js";
import { receiver } from "../helpers/receiver.js";
import { backend, liveIndex, type LiveIndex } from "../api/indexed.js";

describe(`a member's inbox webhook (${backend})`, () => {
  let f: Fixture;
  let live: LiveIndex;
  let hooks: Awaited<ReturnType<typeof receiver>>;
  let dispatcher: WebhookDispatcher;

  beforeAll(async () => {
    f = await collectiveFixture();
    live = await liveIndex(f, { webhookAllowPrivate: true });
    hooks = await receiver();
    dispatcher = new WebhookDispatcher({
      db: live.db.db,
      source: webhookSource(live.db.db),
      publicUrl: "https://rhizome.example",
      maxAttempts: 3,
      retryBaseMs: 10,
      timeoutMs: 2_000,
      allowPrivate: true,
      inboxIntervalMs: 0,
      log: quietLogger,
    });
    await live.indexer.syncToHead();
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await hooks?.close();
    await live?.close();
  });

  /** Makes `wallet`'s inbox webhook to the receiver's `path` with a signed request; answers its secret. */
  const subscribe = async (wallet: Wallet, path: string) => {
    const account = addressOf(wallet);
    const body = { url: `${hooks.url}${path}`, format: "json", issuedAt: Math.floor(Date.now() / 1000) };
    const signature = await wallet.signTypedData({
      ...webhookTypedData(live.indexer.status.chainId),
      primaryType: "Subscribe",
      message: { ...body, account: getAddress(account), issuedAt: BigInt(body.issuedAt) },
    });
    const response = await live.app.inject({
      method: "POST",
      url: `/api/accounts/${account}/webhooks`,
      payload: { ...body, signature },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ secret: string }>().secret;
  };
  /** Indexes to the head, then owes and sends what is due. */
  const settle = async () => {
    await live.indexer.syncToHead();
    await dispatcher.pass([f.modules.governor]);
  };

  it("POSTs a proposal open for the member's vote once, signed, and nothing more once they voted", async () => {
    const secret = await subscribe(f.bob, "/bob");
    await subscribe(f.carol, "/carol");
    const c = getAddress(f.modules.governor);
    const id = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 5n, "# Grant Dave 5"));
    await settle();
    expect(hooks.at("/bob")).toEqual([]);
    await advance(f, SETTINGS.votingDelay + 1);
    await settle();
    // Ranges indexed after it owe it again: still once.
    await advance(f, 10);
    await settle();
    const [request, ...more] = hooks.at("/bob");
    expect(more).toEqual([]);
    expect(JSON.parse(request?.body ?? "{}")).toEqual({
      id: `vote:${c}:${id}`,
      kind: "vote",
      collective: c,
      title: "Vote: Grant Dave 5",
      summary: expect.stringMatching(/^Voting ends \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/),
      link: `https://rhizome.example/c/${c}/proposals/${id}`,
      time: expect.any(String),
    });
    const timestamp = Number(request?.headers["x-rhizome-timestamp"]);
    expect(verify(secret, timestamp, request?.body ?? "", String(request?.headers["x-rhizome-signature"]))).toBe(true);
    expect(hooks.at("/carol").map((r) => JSON.parse(r.body).id)).toEqual([`vote:${c}:${id}`]);
    await vote(f, f.bob, id, Vote.For);
    await advance(f, 10);
    await settle();
    expect(hooks.at("/bob")).toHaveLength(1);

    // A reply arrives off the chain: a pass without a range owes it, once.
    const thread = { chainId: live.indexer.status.chainId, collective: c, kind: "proposal" as const, id: String(id) };
    const at = Math.floor(Date.now() / 1000);
    const mine = await postComment(live.app, f.bob, thread, "Why five?", { issuedAt: at });
    const reply = await postComment(live.app, f.alice, thread, "One per bed.", {
      parent: mine.id as Hex,
      issuedAt: at + 1,
    });
    await dispatcher.pass([]);
    await dispatcher.pass([]);
    expect(hooks.at("/bob").map((r) => JSON.parse(r.body).id)).toEqual([`vote:${c}:${id}`, `reply:${reply.id}`]);
  });
});
