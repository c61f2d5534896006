/**
 * `npm run export [file]` / `npm run import [file]`: the data Rhizome keeps that is not derived
 * from the chain (signed comments, webhooks) as JSON Lines, to a file or stdout and from a file
 * or stdin, over the database the service uses (DATABASE_URL, or PGlite in DATA_DIR: stop the
 * service first, PGlite is one process's). An import verifies every comment's signature (with
 * RPC_URL's chain, when set, for contract wallets) and refuses a bad line by its number; a
 * second import of the same file adds nothing.
 */
import { createReadStream, createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import path from "node:path";
import { text } from "node:stream/consumers";
import { openDatabase } from "@rhizome/db";
import { createPublicClient, http } from "viem";
import { exportOffchain, ImportError, importOffchain } from "../apps/indexer/src/offchain/transfer.js";

const [command, file] = process.argv.slice(2);
if (command !== "export" && command !== "import") {
  process.stderr.write("Usage: tsx scripts/offchain.ts export|import [file]\n");
  process.exit(2);
}
const handle = await openDatabase({
  url: process.env.DATABASE_URL,
  dataDir: path.resolve(process.env.DATA_DIR ?? ".rhizome/db"),
});
try {
  await handle.migrate();
  if (command === "export") {
    const out: Writable = file ? createWriteStream(file) : process.stdout;
    for await (const line of exportOffchain(handle.db)) {
      if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    if (file)
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
  } else {
    const input = await text(file ? createReadStream(file) : process.stdin);
    const client = process.env.RPC_URL ? createPublicClient({ transport: http(process.env.RPC_URL) }) : undefined;
    const added = await importOffchain(handle.db, input, client);
    process.stdout.write(
      `Imported: ${Object.entries(added)
        .map(([table, n]) => `${n} ${table}`)
        .join(", ")} (rows already there are kept).\n`,
    );
  }
} catch (error) {
  process.stderr.write(
    `${error instanceof ImportError ? "Refused, nothing imported: " : ""}${(error as Error).message}\n`,
  );
  process.exitCode = 1;
} finally {
  await handle.close();
}
