import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseLockedError, openDatabase, schema } from "@rhizome/db";
import { freshDatabaseUrl } from "../helpers/database.js";

describe(`@rhizome/db on ${process.env.DATABASE_URL ? "Postgres" : "PGlite"}`, () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("applies the migrations and reverts a block's changes to the common ancestor", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-db-"));
    dirs.push(dir);
    const url = await freshDatabaseUrl();
    const handle = await openDatabase({ url, dataDir: path.join(dir, "db") });
    try {
      await handle.migrate();
      const { db } = handle;
      // Block 10 is final: nothing is recorded.
      await db.insert(schema.principles).values({ collective: "0xC", index: 0, name: "Care", updatedBlock: 10 });
      // Block 11 is not: its changes are recorded and can be undone.
      await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('rhizome.block', '11', true)`);
        await tx
          .update(schema.principles)
          .set({ name: "Care more", updatedBlock: 11 })
          .where(sql`index = 0`);
        await tx.insert(schema.principles).values({ collective: "0xC", index: 1, name: "New", updatedBlock: 11 });
      });
      await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('rhizome.block', '12', true)`);
        await tx.delete(schema.principles).where(sql`index = 0`);
      });
      expect((await db.select().from(schema.principles)).map((p) => p.name)).toEqual(["New"]);
      const reverted = (await db.execute(sql`SELECT rhizome_revert_to(10) AS n`)) as unknown as { rows: unknown[] };
      expect(reverted.rows[0]).toEqual({ n: 3 });
      expect(await db.select().from(schema.principles)).toEqual([
        { collective: "0xC", index: 0, name: "Care", updatedBlock: 10 },
      ]);
      expect((await db.select().from(schema.reorgLog)).length).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it("refuses a second writer on the same database", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-db-"));
    dirs.push(dir);
    const dataDir = path.join(dir, "db");
    const url = await freshDatabaseUrl();
    const first = await openDatabase({ url, dataDir, writer: true });
    await expect(openDatabase({ url, dataDir, writer: true })).rejects.toBeInstanceOf(DatabaseLockedError);
    // A reader (the API of another process) is welcome.
    const reader = await openDatabase({ url, dataDir: url ? undefined : path.join(dir, "other"), writer: false });
    await reader.close();
    await first.close();
    // Once the first writer is gone, the lock can be taken again.
    const third = await openDatabase({ url, dataDir, writer: true });
    await third.close();
  });
});
