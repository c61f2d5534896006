/**
 * Numbers in query strings that Ajv's coercion would let through.
 *
 * An Ajv keyword, `x-finite`, that refuses Infinity. Ajv coerces the query value "Infinity" (or
 * "1e400") to Infinity, which passes `type: "integer"` and skips `minimum` and `maximum` (they
 * only check finite numbers): without this, `?limit=Infinity` would reach the database.
 * The `x-` prefix makes it an extension the OpenAPI document may carry.
 */
import type { FastifyInstance, RouteOptions } from "fastify";
import { BadRequestError } from "./http-errors.js";

export const FINITE = "x-finite";

interface KeywordHost {
  addKeyword(definition: {
    keyword: string;
    schemaType: "boolean";
    errors: false;
    validate: (schema: unknown, data: unknown) => boolean;
  }): unknown;
}

export function finiteNumbers<A extends KeywordHost>(ajv: A): A {
  ajv.addKeyword({
    keyword: FINITE,
    // No `type`: Ajv runs number keywords on finite numbers only, which is the hole to close.
    schemaType: "boolean",
    errors: false,
    validate: (required, data) => required !== true || typeof data !== "number" || Number.isFinite(data),
  });
  return ajv;
}

interface QuerySchema {
  properties?: Record<string, { type?: unknown }>;
}

/**
 * Ajv also coerces a blank value (`?principle=%20`) to 0, since `" " == 0` in JavaScript, so a
 * space would read as the first principle. Every route whose query has number parameters gets a
 * check, before validation, that refuses those that are blank.
 */
export function refuseBlankNumbers(app: FastifyInstance): void {
  app.addHook("onRoute", (route: RouteOptions) => {
    const properties = (route.schema?.querystring as QuerySchema | undefined)?.properties ?? {};
    const numeric = Object.entries(properties)
      .filter(([, property]) => property.type === "integer" || property.type === "number")
      .map(([name, property]) => [name, property.type as string] as const);
    if (numeric.length === 0) return;
    const existing = route.preValidation;
    const check = async (request: { query: unknown }) => {
      const query = request.query as Record<string, unknown>;
      for (const [name, type] of numeric) {
        const value = query[name];
        if (typeof value === "string" && value !== "" && value.trim() === "") {
          throw new BadRequestError(`The query parameter ${name} must be ${type === "integer" ? "an" : "a"} ${type}.`);
        }
      }
    };
    route.preValidation = existing ? [check, ...(Array.isArray(existing) ? existing : [existing])] : check;
  });
}
