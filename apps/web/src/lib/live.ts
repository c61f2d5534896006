/**
 * Live updates: listens to the API's server-sent events and invalidates the cached reads an
 * indexed range touched, so a vote cast elsewhere shows without a reload. When the connection
 * drops, EventSource reconnects by itself and sends the last event's id (Last-Event-ID): the API
 * sends what was missed first, or a `reset` when it no longer has it all.
 */
import type { Api } from "@rhizome/client";
import type { QueryClient } from "@tanstack/react-query";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiUrl } from "./api";

/** What one `indexed` message makes stale: the collectives it names, the lists, the network and the inbox. */
export function invalidateIndexed(client: QueryClient, message: Api.IndexedMessage): void {
  for (const address of message.collectives) {
    void client.invalidateQueries({ queryKey: ["collective", address.toLowerCase()] });
  }
  void client.invalidateQueries({ queryKey: ["collectives"] });
  void client.invalidateQueries({ queryKey: ["network"] });
  void client.invalidateQueries({ queryKey: ["inbox"] });
}

/** Subscribes to /api/events for as long as the app is mounted; EventSource reconnects by itself. */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(apiUrl("/events"));
    const onIndexed = (event: MessageEvent<string>) => {
      try {
        invalidateIndexed(client, JSON.parse(event.data) as Api.IndexedMessage);
      } catch {
        void client.invalidateQueries(); // A message we cannot read: refresh everything rather than show stale data.
      }
    };
    // After a reorg any read may be stale; after a reset, events were missed that cannot be told.
    const onReorg = () => void client.invalidateQueries();
    source.addEventListener("indexed", onIndexed);
    source.addEventListener("reorg", onReorg);
    source.addEventListener("reset", onReorg);
    return () => source.close();
  }, [client]);
}
