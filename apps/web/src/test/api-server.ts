/** A tiny local HTTP server answering API paths with fixed JSON, so components fetch for real. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeApi {
  url: string;
  requests: string[];
  close: () => Promise<void>;
}

/** Serves `routes[path]` (path without the query) as JSON; anything else is the API's 404 body. */
export async function serveApi(routes: Record<string, unknown>): Promise<FakeApi> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    requests.push(request.url ?? "/");
    const body = routes[path];
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
