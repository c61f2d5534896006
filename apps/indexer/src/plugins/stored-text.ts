/**
 * Text the database cannot store as it was sent: the NUL character, which Postgres refuses in
 * text (a query with one would fail as a 500), and unpaired UTF-16 surrogates, which no UTF-8 text
 * holds (the driver would store U+FFFD in their place, so what was sent is not what is kept or
 * matched). Every route's path parameters, declared query parameters and JSON body are checked
 * before validation, and a request that carries either is answered 400, naming the parameter.
 */
import type { FastifyInstance, RouteOptions } from "fastify";
import { BadRequestError } from "./http-errors.js";

/** Deep enough for any body the API takes; deeper values are left to the route's own schema. */
const MAX_DEPTH = 8;

/** A high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function storable(text: string): boolean {
  return !text.includes("\u0000") && !LONE_SURROGATE.test(text);
}

/** The path to the first string in `value` that cannot be stored, if any. */
function unstorable(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === "string") return storable(value) ? undefined : path;
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return undefined;
  for (const [key, item] of Object.entries(value)) {
    // A name that cannot be stored is named as JSON writes it (\u0000 for NUL).
    if (!storable(key)) return `${path}${path ? "." : ""}${JSON.stringify(key)}`;
    const found = unstorable(
      item,
      Array.isArray(value) ? `${path}[${key}]` : `${path}${path ? "." : ""}${key}`,
      depth + 1,
    );
    if (found !== undefined) return found;
  }
  return undefined;
}

interface QuerySchema {
  properties?: Record<string, unknown>;
}

/**
 * On every route: its path parameters, the query parameters it declares (others never reach a
 * query) and its JSON body.
 */
export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook("onRoute", (route: RouteOptions) => {
    const declared = Object.keys((route.schema?.querystring as QuerySchema | undefined)?.properties ?? {});
    const check = async (request: { params: unknown; query: unknown; body: unknown }) => {
      const query = request.query as Record<string, unknown> | undefined;
      const named = Object.fromEntries(
        declared.filter((name) => query?.[name] !== undefined).map((n) => [n, query?.[n]]),
      );
      const checks = [
        ["path parameter", request.params],
        ["query parameter", named],
        ["body field", request.body],
      ] as const;
      for (const [kind, value] of checks) {
        const where = unstorable(value, "");
        if (where === undefined) continue;
        const name = where === "" ? (kind === "body field" ? "body" : kind) : `${kind} ${where}`;
        throw new BadRequestError(`The ${name} must not contain the NUL character or an unpaired surrogate.`);
      }
    };
    const existing = route.preValidation;
    route.preValidation = existing ? [check, ...(Array.isArray(existing) ? existing : [existing])] : check;
  });
}
