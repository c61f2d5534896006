/**
 * What a webhook tells: an entry of a collective's activity (a proposal made or decided, work
 * delivered or settled, a member joining or leaving) or of a member's inbox. Its id is stable, the
 * same for the same happening however often its block is indexed (a reorg that replays it, a
 * rebuild), which is what makes a delivery owed once.
 */
export interface Entry {
  /** Stable: e.g. `proposal:<collective>:<id>:created`. */
  id: string;
  kind: string;
  /** The collective's governor address. */
  collective: string;
  title: string;
  summary: string;
  /** Where it is read or acted on in the web client: a path, made absolute with PUBLIC_URL. */
  path: string;
  /** When it happened, in seconds (the chain's clock). */
  time: number;
}

/** Where entries come from: the index's tables, read by the feeds' repository. */
export interface EntrySource {
  /** A collective's newest entries, newest first. */
  collective(collective: string): Promise<Entry[]>;
  /** What a member's inbox holds now. */
  inbox(account: string): Promise<Entry[]>;
}
