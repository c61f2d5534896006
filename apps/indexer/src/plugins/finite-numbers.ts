/**
 * An Ajv keyword, `x-finite`, that refuses Infinity. Ajv coerces the query value "Infinity" (or
 * "1e400") to Infinity, which passes `type: "integer"` and skips `minimum` and `maximum` (they
 * only check finite numbers): without this, `?limit=Infinity` would reach the database.
 * The `x-` prefix makes it an extension the OpenAPI document may carry.
 */
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
