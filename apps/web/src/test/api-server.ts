/** A tiny local HTTP server answering API paths with fixed JSON, so components fetch for real. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeApi {
  url: string;
  requests: string[];
  close: () => Promise<void>;
}

/** A route's answer: fixed JSON, or JSON made from the query (a page per cursor, say). */
type Answer = unknown;

/**
 * Serves `routes[path]` (path without the query) as JSON, calling it with the query when it is a
 * function; anything else is the API's 404 body.
 */
export async function serveApi(
  routes: Record<string, Answer | ((query: URLSearchParams) => Answer)>,
): Promise<FakeApi> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    requests.push(request.url ?? "/");
    const route = routes[url.pathname];
    const body = typeof route === "function" ? (route as (query: URLSearchParams) => Answer)(url.searchParams) : route;
    const path = url.pathname;
    response.setHeader("content-type", "application/json");
    response.setHeader("access-control-allow-origin", "*");
    if (body === undefined) {
      response.statusCode = 404;
      response.end(JSON.stringify({ error: "NotFound", message: `Nothing at ${path}.` }));
    } else response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
