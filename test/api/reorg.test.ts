/**
 * The API after a reorg: a collective whose creation the reorg removed is gone at once, though
 * the API had just answered for it (and keeps, for a few seconds, which collectives exist).
 */
import { afterAll, describe, expect, it } from "vitest";
import { collectiveFixture, secondCollective } from "../helpers/collective.js";
import { freshDatabase, indexerFor } from "../helpers/indexer.js";
import { serveProvider } from "../helpers/rpc-server.js";
import { appOver, backend } from "./indexed.js";

describe(`the API across a reorg (${backend})`, () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const task of cleanup.reverse()) await task();
  });

  it("answers 404 for a collective the reorg removed, right after it", async () => {
    const f = await collectiveFixture();
    const rpc = await serveProvider(f.connection.provider);
    const db = await freshDatabase();
    cleanup.push(
      () => rpc.close(),
      () => db.close(),
    );
    // Eight confirmations: the blocks below stay unfinalized, so a reorg can reach them.
    const indexer = indexerFor(db, f, rpc.url, 8);
    await indexer.init();
    await indexer.syncToHead();
    const app = await appOver(db, indexer);
    cleanup.push(() => app.close());

    const snapshot = (await f.connection.provider.request({ method: "evm_snapshot", params: [] })) as string;
    const mycel = await secondCollective(f, f.bob);
    await indexer.syncToHead();
    const members = `/api/collectives/${mycel.modules.governor}/members`;
    expect((await app.inject(members)).statusCode).toBe(200);

    // The chain goes another way: Mycel was never made, and the chain grows past where it was.
    await f.connection.provider.request({ method: "evm_revert", params: [snapshot] });
    for (let i = 0; i < 4; i++) await f.connection.provider.request({ method: "evm_mine", params: [] });
    let reorgs = 0;
    indexer.on("reorg", () => reorgs++);
    await indexer.syncToHead();
    expect(reorgs).toBe(1);

    const gone = await app.inject(members);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toEqual({
      error: "NotFound",
      message: `No collective has the address ${mycel.modules.governor}.`,
    });
    expect((await app.inject(`/api/collectives/${f.modules.governor}/members`)).statusCode).toBe(200);
  });
});
