/**
 * The JSON schemas every route shares: addresses, amounts, ids, pagination, the error body.
 * Plain JSON Schema objects: Fastify validates requests and serializes responses with them,
 * @fastify/swagger turns them into the OpenAPI document, and the TypeScript types of the API are
 * derived from them (`Of<typeof schema>`, json-schema-to-ts), so each shape is written once.
 */
import type { FromSchema, JSONSchema } from "json-schema-to-ts";

/** The type of what `S` describes. */
export type Of<S extends JSONSchema> = FromSchema<S>;

/**
 * An object schema with every property required and no others: answers always carry every field
 * (null when empty), and the type derived from it has exactly these keys.
 */
export function object<const P extends Record<string, JSONSchema>>(properties: P) {
  return {
    type: "object",
    additionalProperties: false,
    required: Object.keys(properties) as (keyof P & string)[],
    properties,
  } as const;
}

/** A query string's schema: every parameter optional (or defaulted). */
export function query<const P extends Record<string, JSONSchema>>(properties: P) {
  return { type: "object", additionalProperties: false, properties } as const;
}

export const ADDRESS_PATTERN = "^0x[0-9a-fA-F]{40}$";
export const UINT_PATTERN = "^[0-9]{1,78}$";
export const CURSOR_PATTERN = "^[A-Za-z0-9_-]{1,400}$";
/** Up to 100 addresses, comma-separated: a names lookup's accounts. */
export const ACCOUNT_LIST_PATTERN = "^0x[0-9a-fA-F]{40}(,0x[0-9a-fA-F]{40}){0,99}$";

/** What each pattern means, for validation messages a person can read. */
export const PATTERN_HINTS: Record<string, string> = {
  [ADDRESS_PATTERN]: "must be a 0x-prefixed address of 40 hexadecimal digits",
  [UINT_PATTERN]: "must be a whole number in decimal digits",
  [CURSOR_PATTERN]: "must be the `next` value of a previous page",
  [ACCOUNT_LIST_PATTERN]: "must be 1 to 100 comma-separated addresses, each 0x and 40 hexadecimal digits",
};

export const address = {
  type: "string",
  pattern: ADDRESS_PATTERN,
  description: "An address, in any case; answered checksummed.",
} as const;

export const nullableAddress = { type: ["string", "null"], pattern: ADDRESS_PATTERN } as const;

/** An on-chain amount (uint256 or a signed change), as a decimal string. */
export const amount = { type: "string", pattern: "^-?[0-9]+$", description: "A decimal integer string." } as const;

export const nullableAmount = { type: ["string", "null"], pattern: "^-?[0-9]+$" } as const;

export const integer = { type: "integer" } as const;
export const nullableInteger = { type: ["integer", "null"] } as const;
export const text = { type: "string" } as const;
export const nullableText = { type: ["string", "null"] } as const;
export const ratio = { type: "number", description: "A fraction from 0 to 1." } as const;
export const txHash = { type: "string", pattern: "^0x[0-9a-fA-F]{64}$" } as const;

/** Seconds since the Unix epoch, as the chain's block timestamps are. */
export const timestamp = { type: "integer", description: "Seconds since the Unix epoch." } as const;
export const nullableTimestamp = { type: ["integer", "null"], description: "Seconds since the Unix epoch." } as const;

export const errorBody = object({
  error: { type: "string", description: "A short code: BadRequest, NotFound, TooManyRequests…" },
  message: { type: "string", description: "What went wrong, in a sentence." },
});

export type ErrorBody = Of<typeof errorBody>;

/** The error answers every route may give. */
export const errorResponses = {
  400: { description: "A parameter is malformed or out of range.", ...errorBody },
  404: { description: "Nothing has this id.", ...errorBody },
  429: { description: "Too many requests from this client.", ...errorBody },
  500: { description: "The server failed.", ...errorBody },
} as const;

export const pageQueryProperties = {
  limit: {
    type: "integer",
    "x-finite": true,
    minimum: 1,
    maximum: 200,
    default: 50,
    description: "Items per page, at most 200.",
  },
  cursor: {
    type: "string",
    pattern: CURSOR_PATTERN,
    description: "Where to continue: the `next` of the previous page.",
  },
} as const;

export const pageQuery = query(pageQueryProperties);

export type PageQuery = Of<typeof pageQuery>;

/** A page of `item`: the items and the cursor of the next page, null on the last one. */
export function page<const T extends JSONSchema>(item: T) {
  return object({
    items: { type: "array", items: item },
    next: { type: ["string", "null"], description: "The cursor of the next page; null on the last page." },
  });
}

/** A list's item with the number of comments in its discussion thread (deleted ones not counted). */
export function counted<const P extends Record<string, JSONSchema>>(item: { properties: P }) {
  return object({
    ...item.properties,
    commentCount: { type: "integer", minimum: 0, description: "Comments in its discussion thread." } as const,
  });
}

/** A page of `T`s, for code generic over the item. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export const collectiveParams = object({ address: { ...address, description: "The collective's governor address." } });

export type CollectiveParams = Of<typeof collectiveParams>;

/**
 * Request and response schemas of a route, with the error answers added and the success
 * described by the route's summary in the OpenAPI document.
 */
export function routeSchema<S extends { operationId: string; summary: string; response: { 200: object } }>(schema: S) {
  return {
    ...schema,
    response: { ...errorResponses, ...schema.response, 200: { description: schema.summary, ...schema.response[200] } },
  };
}
