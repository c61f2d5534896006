/**
 * Keyset pagination: a page ends with an opaque cursor holding its last row's sort key, and the
 * next page starts strictly after that key, so pages stay stable while rows are added and each
 * page is one index range scan, however deep. A cursor names its list, so one list's cursor is
 * refused by another.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Page } from "@rhizome/client/schemas";
import { BadRequestError } from "../plugins/http-errors.js";

/** int: a JS integer (block numbers, ids); uint: a decimal string (numeric columns); text: any string. */
export type KeyKind = "int" | "uint" | "text";
type KeyValue<K extends KeyKind> = K extends "int" ? number : string;
export type KeyValues<K extends readonly KeyKind[]> = { -readonly [I in keyof K]: KeyValue<K[I]> };

const UINT = /^-?[0-9]{1,80}$/;

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
    const params = values.map((value, i) => (this.kinds[i] === "uint" ? sql`${value}::numeric` : sql`${value}`));
    const op = direction === "desc" ? sql`<` : sql`>`;
    return sql`(${sql.join(columns, sql`, `)}) ${op} (${sql.join(params, sql`, `)})`;
  }

  /** A page from up to `limit + 1` rows: the extra row only says there is a next page. */
  page<R, T>(rows: R[], limit: number, keyOf: (row: R) => KeyValues<K>, map: (row: R) => T): Page<T> {
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items: items.map(map), next: rows.length > limit && last ? this.encode(keyOf(last)) : null };
  }
}
