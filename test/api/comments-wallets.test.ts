/**
 * A contract wallet (ERC-1271) takes part in discussion as an account does: the service checks its
 * signature by asking the wallet on the chain, through the RPC it follows. The wallet is the
 * member; its owner's key signs for it. Without the chain to ask, or signed by another key, the
 * same comment is refused and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAddress, type Address, type Hex } from "viem";
import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "@rhizome/db";
import type { Indexer } from "@rhizome/indexer";
import { commentTypedData, NO_PARENT } from "@rhizome/client/schemas";
import { collectiveFixture, contractMember, type Fixture, type Wallet } from "../helpers/collective.js";
import { freshDatabase, indexerFor } from "../helpers/indexer.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";
import { appOver, backend } from "./indexed.js";

describe(`discussion by a contract wallet (${backend})`, () => {
  let f: Fixture;
  let rpc: RpcServer;
  let db: DatabaseHandle;
  let indexer: Indexer;
  /** The service with the chain's RPC (it asks contract wallets), and one without. */
  let withChain: FastifyInstance;
  let withoutChain: FastifyInstance;
  let wallet: Address;
  let url: string;

  beforeAll(async () => {
    f = await collectiveFixture();
    // Eve's key owns the wallet; the wallet, not Eve, is the member.
    wallet = await contractMember(f, f.eve, 10n);
    rpc = await serveProvider(f.connection.provider);
    db = await freshDatabase();
    indexer = indexerFor(db, f, rpc.url);
    await indexer.init();
    await indexer.syncToHead();
    withChain = await appOver(db, indexer, { rpcUrl: rpc.url });
    withoutChain = await appOver(db, indexer);
    const { rows } = (await db.db.execute("SELECT proposal_id::text AS id FROM proposals LIMIT 1")) as unknown as {
      rows: { id: string }[];
    };
    const collective = getAddress(f.modules.governor);
    url = `/api/collectives/${collective}/threads/proposal/${rows[0]?.id}/comments`;
  });
  afterAll(async () => {
    await withChain?.close();
    await withoutChain?.close();
    await db?.close();
    await rpc?.close();
  });

  const comment = async (app: FastifyInstance, signer: Wallet, body: string) => {
    const message = {
      author: wallet,
      parent: NO_PARENT,
      body,
      issuedAt: Math.floor(Date.now() / 1000),
      nonce: `0x${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("hex")}` as Hex,
    };
    const thread = url.split("/").at(-2) ?? "";
    const signature = await signer.signTypedData({
      ...commentTypedData(indexer.status.chainId, getAddress(f.modules.governor)),
      primaryType: "Comment",
      message: { ...message, kind: "proposal", thread, issuedAt: BigInt(message.issuedAt) },
    });
    const response = await app.inject({ method: "POST", url, payload: { ...message, signature } });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  };
  const listed = async () =>
    (await withChain.inject({ method: "GET", url })).json<{ items: { author: string; body: string }[] }>().items;

  it("takes a comment its owner's key signed, checked with the wallet on the chain", async () => {
    const posted = await comment(withChain, f.eve, "Signed by the collective's contract wallet");
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({ author: wallet, body: "Signed by the collective's contract wallet" });
    expect(await listed()).toEqual([
      expect.objectContaining({ author: wallet, body: "Signed by the collective's contract wallet" }),
    ]);
  });

  it("refuses it signed by another key, or with no chain to ask, and stores nothing", async () => {
    const before = (await listed()).length;
    const otherKey = await comment(withChain, f.dave, "Not the wallet's owner");
    expect(otherKey.status).toBe(401);
    expect(otherKey.body).toMatchObject({ error: "InvalidSignature" });
    const noChain = await comment(withoutChain, f.eve, "No chain to ask the wallet");
    expect(noChain.status).toBe(401);
    expect((await listed()).length).toBe(before);
  });
});
