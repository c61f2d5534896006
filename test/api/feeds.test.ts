/**
 * The Atom feeds over a real indexed history, read by a real feed parser (rss-parser, as feed
 * readers do): a collective's activity and a member's inbox, with their titles, absolute links
 * under PUBLIC_URL, stable tag: ids and times. An unknown collective is a 404 and a malformed
 * address a 400, both as JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Parser from "rss-parser";
import { getAddress, type Hex } from "viem";
import type { Inbox } from "@rhizome/client/schemas";
import { addressOf } from "../helpers/collective.js";
import { postComment } from "../helpers/comments.js";
import { backend, indexedApp, type Indexed } from "./indexed.js";

const PUBLIC_URL = "https://rhizome.example";
/** Titles and summaries are HTML in the feed: a member's words escaped, so a reader shows them as text. */
const html = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const parser = new Parser<{ id: string; updated: string }, { id: string; updated: string }>({
  customFields: { feed: ["id", "updated"], item: ["id", "updated"] },
});

describe(`Atom feeds (${backend})`, () => {
  let t: Indexed;
  let c: Hex;

  beforeAll(async () => {
    t = await indexedApp({ publicUrl: PUBLIC_URL });
    c = getAddress(t.f.modules.governor);
  });
  afterAll(async () => {
    await t?.close();
  });

  const atom = async (url: string) => {
    const response = await t.app.inject(url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(response.body).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
    );
    return parser.parseString(response.body);
  };

  it("tells a collective's activity, newest first, with absolute links and stable ids", async () => {
    const feed = await atom(`/api/collectives/${c.toLowerCase()}/feed.atom`);
    expect(feed.title).toBe("Rizom: activity");
    expect(feed.link).toBe(`${PUBLIC_URL}/c/${c}`);
    expect(feed.id).toBe(`tag:rhizome.example,2026:collective:${c}`);
    const entries = await t.app.repositories.activity.collective(c);
    expect(entries.length).toBeGreaterThan(5);
    expect(
      feed.items.map((i) => ({ id: i.id, title: i.title, link: i.link, time: Date.parse(i.updated) / 1000 })),
    ).toEqual(
      entries.map((e) => ({
        id: `tag:rhizome.example,2026:${e.id}`,
        title: html(e.title),
        link: `${PUBLIC_URL}${e.path}`,
        time: e.time,
      })),
    );
    expect(feed.items.map((i) => i.title)).toContain("Joined: Dave 100%_");
    expect(Date.parse(feed.updated) / 1000).toBe(entries[0]?.time);
    // The same entries, the same ids: a reader shows each once.
    expect((await atom(`/api/collectives/${c}/feed.atom`)).items.map((i) => i.id)).toEqual(feed.items.map((i) => i.id));
  });

  it("tells a member's inbox, an entry per item linking to where it is acted on", async () => {
    const thread = { chainId: t.indexer.status.chainId, collective: c, kind: "work" as const, id: "1" };
    const at = Math.floor(Date.now() / 1000);
    const mine = await postComment(t.app, t.f.alice, thread, "Is this done?", { issuedAt: at });
    await postComment(t.app, t.f.bob, thread, "It is <b>done</b> & dusted.", {
      parent: mine.id as Hex,
      issuedAt: at + 1,
    });
    const alice = addressOf(t.f.alice);
    const inbox = (await t.app.inject(`/api/accounts/${alice}/inbox`)).json<Inbox>();
    expect(inbox.items.length).toBeGreaterThan(0);
    const feed = await atom(`/api/accounts/${alice}/inbox.atom`);
    expect(feed.title).toBe(`Inbox of ${alice}`);
    expect(feed.id).toBe(`tag:rhizome.example,2026:inbox:${alice}`);
    expect(feed.items.map((i) => ({ id: i.id, title: i.title, link: i.link, summary: i.summary }))).toEqual(
      inbox.items.map((item) => ({
        id: `tag:rhizome.example,2026:${item.id}`,
        title: html(item.title),
        link: `${PUBLIC_URL}${item.path}`,
        summary: html(item.summary),
      })),
    );
    expect(feed.items.find((i) => i.title === `A reply from ${addressOf(t.f.bob)}`)?.summary).toBe(
      "It is &lt;b&gt;done&lt;/b&gt; &amp; dusted.",
    );
  });

  it("has a feed without entries for an account that is a member nowhere", async () => {
    const feed = await atom("/api/accounts/0x0000000000000000000000000000000000000001/inbox.atom");
    expect(feed.items).toEqual([]);
  });

  it("answers an unknown collective with a 404 and a malformed address with a 400, as JSON", async () => {
    const unknown = await t.app.inject("/api/collectives/0x0000000000000000000000000000000000000001/feed.atom");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({
      error: "NotFound",
      message: "No collective has the address 0x0000000000000000000000000000000000000001.",
    });
    for (const url of ["/api/collectives/0x12/feed.atom", "/api/accounts/nope/inbox.atom"]) {
      const bad = await t.app.inject(url);
      expect(bad.statusCode, url).toBe(400);
      expect(bad.headers["content-type"], url).toContain("application/json");
    }
  });
});
