/**
 * Every route given malformed input (random strings, out-of-range and non-integer numbers,
 * unicode, very long values, unknown enum values, broken cursors, repeated parameters, broken
 * percent-encoding) answers a 4xx with a JSON `{ error, message }` body, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { PROPOSAL_KINDS, PROPOSAL_STATES, WORK_STATES } from "@rhizome/client";
import { addressOf } from "../helpers/collective.js";
import { backend, indexedApp, ROUTES, type Indexed } from "./indexed.js";

type PathKind = "address" | "account" | "proposalId" | "workId" | "id";
type QueryKind =
  "limit" | "cursor" | "address" | "accounts" | "boolean" | "principle" | "q" | { enum: readonly string[] };

interface RouteCase {
  path: string;
  query: Record<string, QueryKind>;
  /**
   * The route answers for any well-formed account (an empty proof for one that never voted, an
   * empty inbox for one that is a member nowhere).
   */
  anyAccount?: true;
}

const PAGE = { limit: "limit", cursor: "cursor" } as const;

/** Every route with inputs, and what each of its inputs is. */
const CASES: RouteCase[] = [
  { path: "/api/collectives", query: { ...PAGE, q: "q", sort: { enum: ["size", "newest"] } } },
  { path: "/api/collectives/{address}", query: {} },
  { path: "/api/collectives/{address}/members", query: { ...PAGE, active: "boolean", q: "q" } },
  { path: "/api/collectives/{address}/members/{account}", query: {} },
  { path: "/api/collectives/{address}/members/{account}/shares", query: PAGE },
  { path: "/api/collectives/{address}/members/{account}/votes", query: PAGE },
  { path: "/api/collectives/{address}/members/{account}/work", query: PAGE },
  { path: "/api/collectives/{address}/members/{account}/delegations", query: PAGE },
  { path: "/api/collectives/{address}/members/{account}/for-votes", query: {}, anyAccount: true },
  { path: "/api/collectives/{address}/names", query: { accounts: "accounts" } },
  {
    path: "/api/collectives/{address}/proposals",
    query: { ...PAGE, state: { enum: PROPOSAL_STATES }, kind: { enum: PROPOSAL_KINDS }, proposer: "address" },
  },
  { path: "/api/collectives/{address}/proposals/{proposalId}", query: {} },
  { path: "/api/collectives/{address}/proposals/{proposalId}/votes", query: PAGE },
  {
    path: "/api/collectives/{address}/work",
    query: { ...PAGE, state: { enum: WORK_STATES }, principle: "principle", contributor: "address" },
  },
  { path: "/api/collectives/{address}/work/{workId}", query: {} },
  { path: "/api/collectives/{address}/work/{workId}/objections", query: PAGE },
  {
    path: "/api/collectives/{address}/applications",
    query: { ...PAGE, status: { enum: ["open", "admitted", "withdrawn"] }, applicant: "address" },
  },
  { path: "/api/collectives/{address}/treasury", query: {} },
  { path: "/api/collectives/{address}/treasury/balances", query: PAGE },
  {
    path: "/api/collectives/{address}/treasury/flows",
    query: { ...PAGE, kind: { enum: ["deposit", "payment", "ragequit"] } },
  },
  { path: "/api/collectives/{address}/treasury/ragequits", query: PAGE },
  { path: "/api/collectives/{address}/ownership", query: {} },
  { path: "/api/collectives/{address}/ownership/holders", query: PAGE },
  { path: "/api/collectives/{address}/ownership/history", query: PAGE },
  { path: "/api/events", query: { collective: "address" } },
  { path: "/api/collectives/{address}/feed.atom", query: {} },
  { path: "/api/accounts/{address}/inbox", query: {}, anyAccount: true },
  { path: "/api/accounts/{address}/inbox.atom", query: {}, anyAccount: true },
  { path: "/api/webhooks/{id}", query: {} },
  { path: "/api/relay/{id}", query: {} },
];

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** Control characters, NUL included. */
const controlText = fc.string({
  unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
  minLength: 1,
  maxLength: 20,
});

/** Unicode with a NUL somewhere among it, which Postgres refuses in text. */
const withNul = fc
  .tuple(fc.string({ unit: "grapheme", maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 20 }))
  .map(([before, after]) => `${before}\u0000${after}`);

/** Any text: ASCII with control characters, any unicode, NUL among it, and very long strings. */
const anyText = fc.oneof(
  controlText,
  withNul,
  fc.string({ unit: "binary-ascii", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "grapheme-ascii", minLength: 101, maxLength: 4_000 }),
  fc.constantFrom("", " ", "null", "undefined", "NaN", "Infinity", "-Infinity", "[]", "{}", "true", "💥", "\u0000"),
);

const hexDigits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF"), minLength: min, maxLength: max });

/** Numbers out of every range: negative, fractional, huge, exponents, hex. */
const badNumbers = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: -1 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.bigInt({ min: 2n ** 31n, max: 2n ** 300n }).map(String),
  fc.constantFrom(
    "1e400",
    "-1e400",
    "Infinity",
    "-Infinity",
    "-0.5",
    "0.1",
    "1,000",
    "1_000",
    "0x",
    "--1",
    "+-1",
    "1e-7",
  ),
);

/** Addresses that are not: wrong lengths, no prefix, non-hex, the wrong prefix. */
const badAddress = fc
  .oneof(
    anyText,
    hexDigits(0, 39).map((h) => `0x${h}`),
    hexDigits(41, 80).map((h) => `0x${h}`),
    hexDigits(40, 40).map((h) => `0X${h}`),
    hexDigits(40, 40),
    hexDigits(39, 39).map((h) => `0x${h}g`),
    badNumbers,
  )
  .filter((value) => !ADDRESS.test(value));

const goodAddress = hexDigits(40, 40).map((h) => `0x${h}`);

/** Base64url text, and base64url of JSON that is not one of the list's cursors. */
const badCursor = fc.oneof(
  anyText,
  fc.string({
    unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
    maxLength: 500,
  }),
  fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value)).toString("base64url")),
  fc
    .tuple(
      fc.constantFrom("members", "proposals", "work", "flows", "collectives:size"),
      fc.array(fc.jsonValue(), { maxLength: 4 }),
    )
    .map(([list, key]) => Buffer.from(JSON.stringify([list, ...key])).toString("base64url")),
);

/** A value Ajv would coerce to an integer in [min, max]: those are valid, not malformed. */
const inRange = (value: string, min: number, max: number) => {
  const n = Number(value);
  return value.trim() !== "" && Number.isInteger(n) && n >= min && n <= max;
};

function badQuery(kind: QueryKind): fc.Arbitrary<string | readonly string[]> {
  const repeated = (valid: string): fc.Arbitrary<readonly string[]> => fc.constant([valid, valid]);
  if (typeof kind === "object") {
    return fc.oneof(
      anyText.filter((v) => !kind.enum.includes(v)),
      repeated(kind.enum[0] ?? ""),
    );
  }
  switch (kind) {
    case "limit":
      return fc.oneof(
        fc.oneof(anyText, badNumbers, fc.integer({ min: 201 }).map(String)).filter((v) => !inRange(v, 1, 200)),
        repeated("5"),
      );
    case "principle":
      return fc.oneof(anyText, badNumbers, fc.integer({ min: 256 }).map(String)).filter((v) => !inRange(v, 0, 255));
    case "cursor":
      return badCursor;
    case "address":
      return fc.oneof(badAddress, repeated("0x0000000000000000000000000000000000000001"));
    case "accounts":
      return fc.oneof(
        badAddress,
        // A bad address among good ones, an empty item, and more than 100.
        fc
          .tuple(fc.array(goodAddress, { maxLength: 5 }), badAddress, fc.array(goodAddress, { maxLength: 5 }))
          .map(([before, bad, after]) => [...before, bad, ...after].join(",")),
        fc.array(goodAddress, { minLength: 1, maxLength: 5 }).map((list) => `${list.join(",")},`),
        fc.array(goodAddress, { minLength: 101, maxLength: 130 }).map((list) => list.join(",")),
        repeated("0x0000000000000000000000000000000000000001"),
      );
    case "boolean":
      return anyText.filter((v) => v !== "true" && v !== "false");
    case "q":
      return fc.oneof(fc.string({ minLength: 101, maxLength: 2_000 }), fc.constant(""), withNul);
  }
}

function goodQuery(kind: QueryKind): fc.Arbitrary<string> {
  if (typeof kind === "object") return fc.constantFrom(...kind.enum);
  switch (kind) {
    case "limit":
      return fc.integer({ min: 1, max: 200 }).map(String);
    case "principle":
      return fc.integer({ min: 0, max: 255 }).map(String);
    case "cursor":
    case "q":
      return fc.constant("");
    case "address":
      return fc.constant("0x0000000000000000000000000000000000000001");
    case "accounts":
      return fc.array(goodAddress, { minLength: 1, maxLength: 100 }).map((list) => list.join(","));
    case "boolean":
      return fc.constantFrom("true", "false");
  }
}

/** A path segment the router cannot decode. */
const brokenEncoding = fc.constantFrom("%", "%zz", "%E0%A4%A", "%C3%28", "%ff%fe");

interface Request {
  url: string;
}

describe(`every route given malformed input answers 4xx JSON (${backend})`, () => {
  let t: Indexed;
  let good: Record<PathKind, string>;
  let taken: { addresses: Set<string>; proposals: Set<string> };

  beforeAll(async () => {
    t = await indexedApp();
    good = {
      address: t.f.modules.governor,
      account: addressOf(t.f.alice),
      proposalId: t.history.defeated.toString(),
      workId: "1",
      id: "wh_none",
    };
    const proposals = (await t.app.inject(`/api/collectives/${t.f.modules.governor}/proposals`)).json<{
      items: { proposalId: string }[];
    }>();
    taken = {
      addresses: new Set([t.f.modules.governor, addressOf(t.f.alice)].map((a) => a.toLowerCase())),
      proposals: new Set(proposals.items.map((p) => p.proposalId)),
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A bad value for a path parameter: malformed, or well-formed but naming nothing. */
  function badPath(kind: PathKind, route: RouteCase): fc.Arbitrary<{ value: string; raw: boolean }> {
    const encoded = (arb: fc.Arbitrary<string>) => arb.map((value) => ({ value, raw: false }));
    const broken = brokenEncoding.map((value) => ({ value, raw: true }));
    if ((kind === "account" || (kind === "address" && route.path.startsWith("/api/accounts/"))) && route.anyAccount)
      return fc.oneof(encoded(badAddress), broken);
    switch (kind) {
      case "address":
      case "account":
        return fc.oneof(
          encoded(badAddress),
          encoded(
            hexDigits(40, 40)
              .map((h) => `0x${h}`)
              .filter((a) => !taken.addresses.has(a.toLowerCase())),
          ),
          broken,
        );
      case "proposalId":
        return fc.oneof(
          encoded(anyText.filter((v) => !/^[0-9]+$/.test(v) || !taken.proposals.has(BigInt(v).toString()))),
          encoded(badNumbers),
          encoded(fc.bigInt({ min: 2n ** 256n, max: 2n ** 270n }).map(String)),
          encoded(
            fc
              .bigInt({ min: 0n, max: 2n ** 256n - 1n })
              .map(String)
              .filter((v) => !taken.proposals.has(v)),
          ),
          broken,
        );
      case "workId":
        return fc.oneof(encoded(fc.oneof(anyText, badNumbers).filter((v) => !inRange(v, 1, 1))), broken);
      case "id":
        return fc.oneof(encoded(anyText), broken);
    }
  }

  /** A request to `route` with at least one bad input and the others good or absent. */
  function request(route: RouteCase): fc.Arbitrary<Request> {
    const params = (route.path.match(/\{(\w+)\}/g) ?? []).map((p) => p.slice(1, -1) as PathKind);
    const queries = Object.entries(route.query);
    const inputs = params.length + queries.length;
    return fc
      .record({
        badIndex: fc.nat({ max: inputs - 1 }),
        // For each input: is it also bad, and when good, is it given at all.
        alsoBad: fc.array(fc.boolean(), { minLength: inputs, maxLength: inputs }),
        given: fc.array(fc.boolean(), { minLength: inputs, maxLength: inputs }),
        seeds: fc.array(fc.nat(), { minLength: inputs, maxLength: inputs }),
      })
      .chain(({ badIndex, alsoBad, given }) => {
        const bad = (i: number) => i === badIndex || (alsoBad[i] ?? false);
        const pathArbs = params.map((kind, i) =>
          bad(i) ? badPath(kind, route) : fc.constant({ value: good[kind], raw: false }),
        );
        const queryArbs = queries.map(([, kind], j) => {
          const i = params.length + j;
          if (bad(i)) return badQuery(kind).map((value) => ({ value, present: true }));
          return goodQuery(kind).map((value) => ({
            value: value as string | readonly string[],
            present: given[i] === true && value !== "",
          }));
        });
        return fc.tuple(fc.tuple(...pathArbs), fc.tuple(...queryArbs)).map(([pathValues, queryValues]) => {
          let path = route.path;
          params.forEach((name, i) => {
            const segment = pathValues[i] as { value: string; raw: boolean };
            path = path.replace(`{${name}}`, segment.raw ? segment.value : encodeURIComponent(segment.value));
          });
          const search = queries
            .flatMap(([name], j) => {
              const q = queryValues[j] as { value: string | readonly string[]; present: boolean };
              if (!q.present) return [];
              const values = typeof q.value === "string" ? [q.value] : q.value;
              return values.map((v) => `${name}=${encodeURIComponent(v)}`);
            })
            .join("&");
          return { url: search ? `${path}?${search}` : path };
        });
      });
  }

  it("covers every route that takes parameters", () => {
    const covered = new Set(CASES.map((c) => c.path));
    expect(ROUTES.filter((route) => !covered.has(route))).toEqual([
      "/healthz",
      "/readyz",
      // A thread's comments, and the signed messages that post, edit and delete them (comments.test.ts).
      "/api/collectives/{address}/threads/{kind}/{id}/comments",
      "/api/collectives/{address}/threads/{kind}/{id}/comments/{comment}",
      "/api/network",
      "/api/chain",
      // Written to, not read: their bodies are signed requests (webhooks.test.ts).
      "/api/accounts/{address}/webhooks",
      "/api/accounts/{address}/webhooks/{id}",
      // Whether the relay is on, and the signed actions it takes (relay.test.ts).
      "/api/relay",
    ]);
  });

  it("refuses a blank number rather than reading it as 0", async () => {
    for (const query of ["principle=%20", "principle=%09", "limit=%20%20"]) {
      const response = await t.app.inject(`/api/collectives/${good.address}/work?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<{ message: string }>().message, query).toMatch(
        /^The query parameter \w+ must be an integer\.$/,
      );
    }
  });

  for (const route of CASES) {
    it(`${route.path} answers 4xx JSON to malformed input`, async () => {
      await fc.assert(
        fc.asyncProperty(request(route), async ({ url }) => {
          const response = await t.app.inject({ method: "GET", url });
          expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
          expect(response.statusCode, url).toBeLessThan(500);
          expect(response.headers["content-type"], url).toContain("application/json");
          const body = response.json<Record<string, unknown>>();
          expect(Object.keys(body).sort(), url).toEqual(["error", "message"]);
          expect(body.error, url).toMatch(/^[A-Za-z]+$/);
          expect(typeof body.message === "string" && body.message.length > 0, url).toBe(true);
        }),
        { numRuns: 60 },
      );
    });
  }

  it("refuses a NUL in any parameter with a 400 that names it", async () => {
    const cases = [
      [`/api/collectives?q=ab%00cd`, "query parameter q"],
      [`/api/collectives/${good.address}/proposals?state=active%00`, "query parameter state"],
      [`/api/collectives/${good.address}/members/${good.account}%00`, "path parameter account"],
      [`/api/collectives/${good.address}/work?state=%00`, "query parameter state"],
    ] as const;
    for (const [url, name] of cases) {
      const response = await t.app.inject(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toEqual({
        error: "BadRequest",
        message: `The ${name} must not contain the NUL character or an unpaired surrogate.`,
      });
    }
  });

  // The event stream answers a good request with a stream that stays open: its bad inputs are above.
  for (const route of CASES.filter((c) => c.path !== "/api/events")) {
    it(`${route.path} never answers 5xx, whatever text each parameter holds`, async () => {
      const params = (route.path.match(/\{(\w+)\}/g) ?? []).map((p) => p.slice(1, -1) as PathKind);
      const names = [...params, ...Object.keys(route.query)];
      // One parameter at a time holds any text, the path's others are good and the query's absent,
      // so the text reaches as far into the route as it can.
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: names.length - 1 }),
          fc.oneof(anyText, fc.string({ unit: "grapheme", maxLength: 200 })),
          async (index, value) => {
            let path = route.path;
            params.forEach((name, i) => {
              path = path.replace(`{${name}}`, encodeURIComponent(i === index ? value : good[name]));
            });
            const name = names[index] ?? "";
            const search = index >= params.length ? `?${name}=${encodeURIComponent(value)}` : "";
            const url = `${path}${search}`;
            const response = await t.app.inject({ method: "GET", url });
            expect(response.statusCode, url).toBeLessThan(500);
            expect(response.headers["content-type"], url).toContain("application/json");
          },
        ),
        { numRuns: 60 },
      );
    });
  }

  it("routes without parameters ignore any query and still answer 200 JSON", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/healthz", "/readyz", "/api/network"),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), anyText, { maxKeys: 4 }),
        async (path, query) => {
          const search = new URLSearchParams(query).toString();
          const response = await t.app.inject({ method: "GET", url: search ? `${path}?${search}` : path });
          expect(response.statusCode).toBe(200);
          expect(response.headers["content-type"]).toContain("application/json");
        },
      ),
      { numRuns: 40 },
    );
  });
});
