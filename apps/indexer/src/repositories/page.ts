/**
 * Keyset pagination: a page ends with an opaque cursor holding its last row's sort key, and the
 * next page starts strictly after that key, so pages stay stable while rows are added and each
 * page is one index range scan, however deep. A cursor names its list, so one list's cursor is
 * refused by another. A page of rows with free text the chain does not bound also stops at a
 * budget of bytes (`textBudget`).
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Page } from "@rhizome/client/schemas";
import { BadRequestError } from "../plugins/http-errors.js";

/** int: a JS integer (block numbers, ids); uint: a decimal string (numeric columns); text: any string. */
export type KeyKind = "int" | "uint" | "text";
type KeyValue<K extends KeyKind> = K extends "int" ? number : string;
export type KeyValues<K extends readonly KeyKind[]> = { -readonly [I in keyof K]: KeyValue<K[I]> };

const UINT = /^-?[0-9]{1,80}$/;

/**
 * A key's value as a query parameter, typed by its kind rather than by the column it meets: an
 * int is any safe integer, which an integer column (an id, a log index, a count) cannot hold past
 * 2^31 - 1, and Postgres would fail the query rather than compare. A bigint compares with every
 * integer column, through its index as well.
 */
const PARAMETER: Record<KeyKind, (value: string | number) => SQL> = {
  int: (value) => sql`${value}::bigint`,
  uint: (value) => sql`${value}::numeric`,
  text: (value) => sql`${value}`,
};

export class Keyset<const K extends readonly KeyKind[]> {
  constructor(
    readonly list: string,
    readonly kinds: K,
  ) {}

  encode(values: KeyValues<K>): string {
    return Buffer.from(JSON.stringify([this.list, ...values]), "utf8").toString("base64url");
  }

  /** The key a cursor holds; a BadRequestError when it is not one of this list's cursors. */
  decode(cursor: string): KeyValues<K> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || parsed[0] !== this.list || parsed.length !== this.kinds.length + 1) {
      throw new BadRequestError("The query parameter cursor is not a cursor of this list; use a page's `next`.");
    }
    const values = parsed.slice(1);
    this.kinds.forEach((kind, i) => {
      const value: unknown = values[i];
      const ok =
        kind === "int"
          ? Number.isSafeInteger(value)
          : typeof value === "string" && value.length <= 200 && (kind === "text" || UINT.test(value));
      if (!ok) throw new BadRequestError("The query parameter cursor is damaged; use a page's `next`.");
    });
    return values as KeyValues<K>;
  }

  /**
   * The condition for rows after `cursor` in an order of `columns`, all descending or all
   * ascending: a row comparison Postgres matches against a composite index.
   */
  after(cursor: string | undefined, columns: SQLWrapper[], direction: "asc" | "desc"): SQL | undefined {
    if (cursor === undefined) return undefined;
    const values = this.decode(cursor) as (string | number)[];
    const params = values.map((value, i) => PARAMETER[this.kinds[i] ?? "text"](value));
    const op = direction === "desc" ? sql`<` : sql`>`;
    return sql`(${sql.join(columns, sql`, `)}) ${op} (${sql.join(params, sql`, `)})`;
  }

  /**
   * A page from up to `limit + 1` rows: the extra row only says there is a next page. With
   * `fits` (a text budget's), the page also ends before the first row that does not fit.
   */
  page<R, T>(
    rows: R[],
    limit: number,
    keyOf: (row: R) => KeyValues<K>,
    map: (row: R) => T,
    fits?: (row: R) => boolean,
  ): Page<T> {
    const cut = fits === undefined ? -1 : rows.findIndex((row) => !fits(row));
    const items = rows.slice(0, cut === -1 ? limit : Math.min(limit, cut));
    const last = items.at(-1);
    return { items: items.map(map), next: rows.length > items.length && last ? this.encode(keyOf(last)) : null };
  }
}

/**
 * The bytes of free text a page carries before its last item, at most. The chain bounds some text
 * (a pitch, a profile link, a work item's title) but not all: a proposal's description, a vote's or
 * an objection's reason, a work item's links can each be as long as a transaction's gas pays for
 * (0.4 MB under a cap of 2^24 gas, more without), and anyone can write them in a collective of
 * their own. A page of 200 of them would be tens of megabytes or more, read and held at once; it
 * ends at this budget instead, and `next` goes on.
 */
export const PAGE_TEXT_BYTES = 1_000_000;

/**
 * Keeps a page's free text within PAGE_TEXT_BYTES. `fits`, selected with the rows, is whether the
 * `texts` of the rows before a row, in the page's order of `columns`, come to less than the
 * budget (the first row always fits); `Keyset.page` ends the page before the first row that does
 * not. `read(text)` selects a text for the rows that fit only: the others are left out of the
 * page, and their text is never read (null, which the page never shows).
 */
export function textBudget(texts: SQLWrapper[], columns: SQLWrapper[], direction: "asc" | "desc") {
  const bytes = sql.join(
    texts.map((text) => sql`coalesce(octet_length(${text}), 0)`),
    sql` + `,
  );
  const order = sql.join(
    columns.map((column) => sql`${column} ${sql.raw(direction === "desc" ? "DESC" : "ASC")}`),
    sql`, `,
  );
  const before = sql`sum(${bytes}) OVER (ORDER BY ${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)`;
  const fits = sql<boolean>`(coalesce(${before}, 0) < ${sql.raw(String(PAGE_TEXT_BYTES))})`;
  return {
    fits,
    read: <T extends string | null>(text: SQLWrapper) => sql<T>`CASE WHEN ${fits} THEN ${text} END`,
  };
}
