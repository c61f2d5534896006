/**
 * Reads server-sent events over fetch, as a browser's EventSource would: one message at a time,
 * with its event name, data, id and comments. It can send Last-Event-ID, as EventSource does
 * when it reconnects.
 */

export interface Message {
  event?: string;
  data?: string;
  id?: string;
  comment?: string;
}

export class EventStream {
  private buffer = "";
  private readonly reader: ReadableStreamDefaultReader<string>;

  constructor(
    readonly response: Response,
    private readonly controller: AbortController,
  ) {
    if (!response.body) throw new Error("The response has no body");
    this.reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  }

  static async open(url: string, lastEventId?: string): Promise<EventStream> {
    const controller = new AbortController();
    const headers: Record<string, string> = lastEventId === undefined ? {} : { "last-event-id": lastEventId };
    return new EventStream(await fetch(url, { signal: controller.signal, headers }), controller);
  }

  /** The next message that `match` accepts, skipping the others; fails after `timeoutMs`. */
  async next(match: (message: Message) => boolean, timeoutMs = 5_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let end: number;
      while ((end = this.buffer.indexOf("\n\n")) >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const message: Message = {};
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) message.comment = line.slice(1).trim();
          else if (line.startsWith("event: ")) message.event = line.slice(7);
          else if (line.startsWith("data: ")) message.data = line.slice(6);
          else if (line.startsWith("id: ")) message.id = line.slice(4);
        }
        if (match(message)) return message;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("No matching event arrived in time");
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("No event arrived in time")), left);
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error("The stream ended");
      this.buffer += chunk.value;
    }
  }

  close(): void {
    this.controller.abort();
  }
}

export const isEvent = (name: string) => (message: Message) => message.event === name;
/** An event of one of `names`: what a client acts on, leaving out comments. */
export const isAnyOf =
  (...names: string[]) =>
  (message: Message) =>
    message.event !== undefined && names.includes(message.event);
