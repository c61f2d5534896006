/**
 * Entries as an Atom 1.0 document (the `feed` package writes it): the feed's id, title, author,
 * updated time and links, and per entry a `tag:` id, a title, an absolute link and a summary.
 * Ids are tag URIs (RFC 4151) under the public origin's host: the entry's own id is stable, so a
 * reader shows each happening once however often its block is indexed.
 */
import { Feed } from "feed";
import type { Entry } from "../webhooks/entries.js";
import { escapeHtml } from "../webhooks/formats.js";

export const ATOM_TYPE = "application/atom+xml; charset=utf-8";

/** The year in every tag URI: fixed, so ids never change with the calendar. */
const TAG_YEAR = 2026;

export interface AtomFeed {
  /** What the feed is of, the rest of its tag id: `collective:<address>`, `inbox:<account>`. */
  name: string;
  title: string;
  subtitle: string;
  author: string;
  /** The public origin (PUBLIC_URL), which paths are made absolute with. */
  origin: string;
  /** The web client's page the feed is of, as a path. */
  page: string;
  /** The feed's own path. */
  self: string;
  /** When the feed last changed, in seconds, when it has no entries to tell it. */
  updated: number;
  entries: Entry[];
}

/** An Atom document of `feed`'s entries, in the order given. */
export function atom(feed: AtomFeed): string {
  const absolute = (path: string) => new URL(path, feed.origin).href;
  const tag = (name: string) => `tag:${new URL(feed.origin).hostname},${TAG_YEAR}:${name}`;
  const newest = feed.entries.length > 0 ? Math.max(...feed.entries.map((e) => e.time)) : feed.updated;
  const document = new Feed({
    id: tag(feed.name),
    title: feed.title,
    description: feed.subtitle,
    link: absolute(feed.page),
    feedLinks: { atom: absolute(feed.self) },
    updated: new Date(newest * 1000),
    author: { name: feed.author },
    generator: "Rhizome",
  });
  for (const entry of feed.entries) {
    document.addItem({
      id: tag(entry.id),
      // The package writes them as HTML: members' words are escaped to stay text.
      title: escapeHtml(entry.title),
      link: absolute(entry.path),
      date: new Date(entry.time * 1000),
      description: escapeHtml(entry.summary),
    });
  }
  return document.atom1();
}
