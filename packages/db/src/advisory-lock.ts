/**
 * The writer's lock on Postgres: a session advisory lock, held by a connection of its own for as
 * long as the handle is open. A session lock ends with its session, so when that connection dies
 * (Postgres restarted, the backend terminated) the lock is taken again on a new one, retried until
 * Postgres answers; if another indexer took it meanwhile, that is reported as a
 * DatabaseLockedError, and this handle is no longer the writer.
 */
import pg from "pg";
import { CONNECT_TIMEOUT_MS } from "./pool.js";
import { DatabaseLockedError } from "./errors.js";

/** The advisory lock key Rhizome's indexer takes on Postgres ("rhizome" in ASCII). */
const ADVISORY_LOCK_KEY = 0x72_68_69_7a_6f_6d_65n;

/** The pause between two attempts to take the lock again while Postgres does not answer. */
const RELOCK_DELAY_MS = 1_000;

export class AdvisoryLock {
  private client: pg.Client | undefined;
  private released = false;

  private constructor(
    private readonly url: string,
    private readonly location: string,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Takes the lock, or throws DatabaseLockedError when another session holds it. */
  static async take(url: string, location: string, onError: (error: Error) => void): Promise<AdvisoryLock> {
    const lock = new AdvisoryLock(url, location, onError);
    lock.client = await lock.connectAndLock();
    return lock;
  }

  async release(): Promise<void> {
    this.released = true;
    const client = this.client;
    this.client = undefined;
    // Ending the session ends the lock.
    await client?.end().catch(() => undefined);
  }

  private async connectAndLock(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    // From the start: an 'error' event without a listener would end the process. Only the first
    // error of a session that held the lock is worth telling; a failed attempt is retried.
    let holding = false;
    client.on("error", (error) => {
      if (!holding || this.released) return;
      holding = false;
      this.onError(error);
    });
    client.on("end", () => {
      if (this.client !== client || this.released) return;
      this.client = undefined;
      void this.retake();
    });
    try {
      await client.connect();
      const result = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
        ADVISORY_LOCK_KEY.toString(),
      ]);
      if (!result.rows[0]?.locked) {
        throw new DatabaseLockedError(`Another indexer is writing to ${this.location}; stop it first.`);
      }
      holding = true;
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  private async retake(): Promise<void> {
    while (!this.released) {
      try {
        const client = await this.connectAndLock();
        if (this.released) await client.end().catch(() => undefined);
        else this.client = client;
        return;
      } catch (error) {
        if (error instanceof DatabaseLockedError) {
          this.onError(
            new DatabaseLockedError(
              `The writer's lock on ${this.location} was lost with its connection, and another indexer took it: ` +
                "this one must stop writing.",
            ),
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, RELOCK_DELAY_MS));
      }
    }
  }
}
