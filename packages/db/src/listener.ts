/**
 * LISTEN on Postgres over a connection of its own that comes back: notifications are only sent to
 * a session that listens, and a pooled connection is handed to other queries between two of them.
 * When the connection drops (Postgres restarted, the backend terminated, the network cut), it is
 * made again with a growing pause and LISTENs again; `connected` is told each time, since
 * whatever was notified meanwhile is lost and must be read from where it is kept.
 */
import pg from "pg";
import { CONNECT_TIMEOUT_MS } from "./pool.js";

/** The first pause before connecting again, doubled at each failure up to MAX_RECONNECT_DELAY_MS. */
const FIRST_RECONNECT_DELAY_MS = 250;
const MAX_RECONNECT_DELAY_MS = 10_000;

export interface ListenHandlers {
  /** A notification on the channel, with its payload. */
  notify(payload: string): void;
  /** The session listens: the first time, and after each reconnection. */
  connected(reconnected: boolean): void;
  /** The connection was lost or could not be made; it is tried again. */
  error?(error: Error): void;
}

export interface Listening {
  /** Stops listening and ends the connection. */
  close(): Promise<void>;
}

/** Quotes a channel name as an identifier: LISTEN takes no parameter. */
const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Listens on `channel` until closed. Resolves once the first LISTEN is in place (so that nothing
 * notified after it is missed), or rejects if Postgres cannot be reached at first.
 */
export async function listenTo(url: string, channel: string, handlers: ListenHandlers): Promise<Listening> {
  let closed = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<pg.Client> => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
    // From the start: an 'error' event without a listener would end the process. The 'end' that
    // follows an error is where the connection is made again.
    next.on("error", (error) => handlers.error?.(error));
    next.on("notification", (message) => {
      if (message.channel === channel) handlers.notify(message.payload ?? "");
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${identifier(channel)}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    next.on("end", () => {
      if (client !== next || closed) return;
      client = undefined;
      reconnect(FIRST_RECONNECT_DELAY_MS);
    });
    return next;
  };

  const reconnect = (delay: number) => {
    timer = setTimeout(() => {
      timer = undefined;
      if (closed) return;
      connect().then(
        async (made) => {
          if (closed) return void (await made.end().catch(() => undefined));
          client = made;
          handlers.connected(true);
        },
        (error: unknown) => {
          handlers.error?.(error instanceof Error ? error : new Error(String(error)));
          reconnect(Math.min(delay * 2, MAX_RECONNECT_DELAY_MS));
        },
      );
    }, delay);
  };

  client = await connect();
  handlers.connected(false);
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}
