/** The errors opening a database throws. */

/** Another indexer already writes to this database, or took the lock while this one had lost it. */
export class DatabaseLockedError extends Error {
  override name = "DatabaseLockedError";
}
