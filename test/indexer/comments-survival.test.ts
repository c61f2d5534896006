/**
 * Comments are not derived from the chain, so nothing that rebuilds the index loses them: a reorg
 * rolled back in place, a chain reset (the chain the index was made from is gone), a rebuild for
 * new projections, and a second start of the service over the same database (its migrations run
 * again). After each, the thread answers the same comments.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getAddress } from "viem";
import { mintSharesProposal } from "@rhizome/contracts";
import type { Comment, Page } from "@rhizome/client/schemas";
import { addressOf, collectiveFixture, propose, type Fixture } from "../helpers/collective.js";
import { postComment } from "../helpers/comments.js";
import { indexerFor } from "../helpers/indexer.js";
import { backend, liveIndex, type LiveIndex } from "../api/indexed.js";

describe(`comments survive what rebuilds the index (${backend})`, () => {
  let f: Fixture;
  let live: LiveIndex;
  let url: string;
  let kept: Comment[];

  const thread = async () => {
    const response = await live.app.inject(url);
    expect(response.statusCode).toBe(200);
    return response.json<Page<Comment>>().items;
  };

  beforeAll(async () => {
    f = await collectiveFixture();
    const id = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 1n, "# Dave joins"));
    live = await liveIndex(f);
    await live.indexer.syncToHead();
    const collective = getAddress(f.modules.governor);
    const at = { chainId: live.indexer.status.chainId, collective, kind: "proposal" as const, id: id.toString() };
    const now = Math.floor(Date.now() / 1000);
    const first = await postComment(live.app, f.alice, at, "Dave has been with us a year.", { issuedAt: now - 1 });
    await postComment(live.app, f.bob, at, "Agreed, **welcome**.", { parent: first.id as `0x${string}` });
    url = `/api/collectives/${collective}/threads/proposal/${id}/comments`;
    kept = await thread();
    expect(kept).toHaveLength(2);
  });
  afterAll(async () => {
    await live?.close();
  });

  it("keeps them through a reorg rolled back in place", async () => {
    const provider = f.connection.provider;
    const snapshot = (await provider.request({ method: "evm_snapshot", params: [] })) as string;
    await propose(f, f.carol, mintSharesProposal(f.modules, addressOf(f.eve), 1n, "# Orphaned"));
    await live.indexer.syncToHead();
    await provider.request({ method: "evm_revert", params: [snapshot] });
    await provider.request({ method: "evm_mine", params: [] });
    await provider.request({ method: "evm_mine", params: [] });
    await live.indexer.syncToHead();
    expect(await thread()).toEqual(kept);
  });

  it("keeps them through a chain reset and a rebuild for new projections", async () => {
    await live.db.db.execute(sql`UPDATE indexer_state SET genesis_hash = ${`0x${"ab".repeat(32)}`}`);
    await live.indexer.init();
    expect(live.indexer.status.cursor).toBeLessThan(f.deployment.startBlock);
    await live.indexer.syncToHead();
    expect(await thread()).toEqual(kept);

    await live.db.db.execute(sql`UPDATE indexer_state SET projection_version = 0`);
    await live.indexer.init();
    await live.indexer.syncToHead();
    expect(await thread()).toEqual(kept);
  });

  it("keeps them through a second start over the same database", async () => {
    await live.db.migrate();
    const again = indexerFor(live.db, f, live.rpc.url);
    await again.init();
    await again.syncToHead();
    expect(await thread()).toEqual(kept);
  });
});
