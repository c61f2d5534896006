/**
 * A member's own webhooks, made and ended by requests signed with their wallet: a member's
 * signature makes one and answers its secret once; a forged, another account's, a stale or a
 * replayed request, a non-member, a private address, a sixth webhook and someone else's ending are
 * each refused with a 4xx and nothing stored. The delivery log answers by id and is never an
 * answer cached by the index's version.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAddress, type Hex } from "viem";
import { webhookTypedData } from "@rhizome/client/schemas";
import { addressOf, type Wallet } from "../helpers/collective.js";
import { backend, indexedApp, type Indexed } from "./indexed.js";

describe(`a member's webhooks (${backend})`, () => {
  let t: Indexed;
  let chainId: number;

  beforeAll(async () => {
    t = await indexedApp({ webhookAllowPrivate: false });
    chainId = t.indexer.status.chainId;
  });
  afterAll(async () => {
    await t?.close();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const subscribeSignature = (
    wallet: Wallet,
    message: { account: string; url: string; format: string; issuedAt: number },
  ) =>
    wallet.signTypedData({
      ...webhookTypedData(chainId),
      primaryType: "Subscribe",
      message: { ...message, account: getAddress(message.account), issuedAt: BigInt(message.issuedAt) },
    });
  const subscribe = async (
    wallet: Wallet,
    options: { account?: string; url?: string; format?: string; issuedAt?: number; signature?: Hex } = {},
  ) => {
    const account = options.account ?? addressOf(wallet);
    const body = {
      url: options.url ?? "https://203.0.113.7/hooks/rhizome",
      format: options.format ?? "discord",
      issuedAt: options.issuedAt ?? now(),
    };
    const signature = options.signature ?? (await subscribeSignature(wallet, { account, ...body }));
    const response = await t.app.inject({
      method: "POST",
      url: `/api/accounts/${account}/webhooks`,
      payload: { ...body, signature },
    });
    return { status: response.statusCode, body: response.json<Record<string, string>>(), signature, request: body };
  };
  const stored = async () => (await t.db.db.execute("SELECT count(*)::int AS n FROM webhook_subscriptions")) as unknown;
  const count = async () => ((await stored()) as { rows: { n: number }[] }).rows[0]?.n ?? -1;

  it("makes a member's webhook from their signed request and answers its secret once", async () => {
    const made = await subscribe(t.f.alice);
    expect(made.status).toBe(200);
    expect(made.body).toEqual({
      id: expect.stringMatching(/^wh_[0-9a-f]{32}$/),
      url: "https://203.0.113.7/hooks/rhizome",
      format: "discord",
      secret: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const log = await t.app.inject(`/api/webhooks/${made.body.id}`);
    expect(log.statusCode).toBe(200);
    expect(log.json()).toEqual({ id: made.body.id, format: "discord", active: true, deliveries: [] });
    // Not revalidated by the index's version: no ETag, and nothing kept.
    expect(log.headers.etag).toBeUndefined();
  });

  it("refuses a forged, another account's, stale or replayed request, storing nothing", async () => {
    const before = await count();
    const alice = addressOf(t.f.alice);
    // Signed by bob for alice's account.
    const forged = await subscribe(t.f.bob, { account: alice });
    expect(forged.status).toBe(401);
    expect(forged.body).toEqual({ error: "InvalidSignature", message: `This request is not signed by ${alice}.` });
    // A signature over another URL than the one sent.
    const signature = await subscribeSignature(t.f.alice, {
      account: alice,
      url: "https://203.0.113.7/other",
      format: "discord",
      issuedAt: now(),
    });
    expect((await subscribe(t.f.alice, { signature })).status).toBe(401);
    // Not hex at all.
    const garbage = await t.app.inject({
      method: "POST",
      url: `/api/accounts/${alice}/webhooks`,
      payload: { url: "https://203.0.113.7/x", format: "json", issuedAt: now(), signature: "nope" },
    });
    expect(garbage.statusCode).toBe(400);
    const stale = await subscribe(t.f.alice, { issuedAt: now() - 3_600 });
    expect(stale.status).toBe(400);
    expect(stale.body.error).toBe("ExpiredSignature");
    expect(await count()).toBe(before);

    const first = await subscribe(t.f.alice, { format: "slack" });
    expect(first.status).toBe(200);
    const replayed = await subscribe(t.f.alice, {
      format: "slack",
      issuedAt: first.request.issuedAt,
      signature: first.signature,
    });
    expect(replayed.status).toBe(409);
    expect(replayed.body.error).toBe("SignatureUsed");
    expect(await count()).toBe(before + 1);
  });

  it("refuses a non-member, a private address and a sixth webhook", async () => {
    const before = await count();
    const stranger = t.f.wallets[7] as Wallet;
    const notMember = await subscribe(stranger);
    expect(notMember.status).toBe(403);
    expect(notMember.body.error).toBe("NotAMember");
    for (const url of [
      "http://127.0.0.1:9/hook",
      "http://169.254.169.254/latest",
      "http://[::1]/x",
      "http://10.1.2.3/",
    ]) {
      const refused = await subscribe(t.f.bob, { url });
      expect(refused.status, url).toBe(403);
      expect(refused.body.error, url).toBe("PrivateAddress");
    }
    expect((await subscribe(t.f.bob, { url: "ftp://203.0.113.7/x" })).status).toBe(400);
    expect(await count()).toBe(before);
    for (let i = 0; i < 5; i++)
      expect((await subscribe(t.f.carol, { url: `https://203.0.113.7/${i}` })).status).toBe(200);
    const sixth = await subscribe(t.f.carol, { url: "https://203.0.113.7/6" });
    expect(sixth.status).toBe(409);
    expect(sixth.body.error).toBe("TooManyWebhooks");
    expect(await count()).toBe(before + 5);
  });

  it("ends a webhook only by its owner's signed request", async () => {
    const made = await subscribe(t.f.bob, { url: "https://203.0.113.7/bob" });
    const end = async (wallet: Wallet, account: string, id: string) => {
      const issuedAt = now();
      const signature = await wallet.signTypedData({
        ...webhookTypedData(chainId),
        primaryType: "Unsubscribe",
        message: { account: getAddress(account), id, issuedAt: BigInt(issuedAt) },
      });
      const response = await t.app.inject({
        method: "DELETE",
        url: `/api/accounts/${account}/webhooks/${id}`,
        payload: { issuedAt, signature },
      });
      return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
    };
    expect((await end(t.f.alice, addressOf(t.f.bob), made.body.id ?? "")).status).toBe(401);
    const notTheirs = await end(t.f.alice, addressOf(t.f.alice), made.body.id ?? "");
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.error).toBe("NotYourWebhook");
    expect((await t.app.inject(`/api/webhooks/${made.body.id}`)).json()).toMatchObject({ active: true });
    expect(await end(t.f.bob, addressOf(t.f.bob), made.body.id ?? "")).toEqual({
      status: 200,
      body: { id: made.body.id, active: false },
    });
    expect((await t.app.inject(`/api/webhooks/${made.body.id}`)).json()).toMatchObject({ active: false });
    expect((await t.app.inject("/api/webhooks/wh_unknown")).statusCode).toBe(404);
  });
});
