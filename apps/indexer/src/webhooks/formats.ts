/**
 * A webhook's body in the shape its receiver takes without an adapter: Rhizome's own JSON, a
 * Discord or a Slack incoming webhook, or a Matrix room through a generic-webhook bridge (hookshot's
 * `{ text, html }`). Titles and summaries hold members' words (names, descriptions): they are
 * escaped for each receiver's markup, and Discord is told to ping no one.
 */
import type { Entry } from "./entries.js";

export const FORMATS = ["json", "discord", "slack", "matrix"] as const;
export type Format = (typeof FORMATS)[number];

/** Discord's limit on a message's content. */
const DISCORD_MAX = 2_000;

/** Text as HTML: what the Matrix bridge and the Atom feeds' `type="html"` titles and summaries take. */
export const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Slack's mrkdwn reserves these three; everything else is text. */
const escapeSlack = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** Discord markdown: a backslash before each character that formats. */
const escapeDiscord = (text: string) => text.replace(/([\\*_~`|>#[\]()-])/g, "\\$1").replace(/@/g, "@\u200b");

export function body(format: Format, entry: Entry, link: string): Record<string, unknown> {
  switch (format) {
    case "json":
      return {
        id: entry.id,
        kind: entry.kind,
        collective: entry.collective,
        title: entry.title,
        summary: entry.summary,
        link,
        time: new Date(entry.time * 1000).toISOString(),
      };
    case "discord": {
      const content = `**${escapeDiscord(entry.title)}**\n${escapeDiscord(entry.summary)}\n<${link}>`;
      return {
        username: "Rhizome",
        content: content.length > DISCORD_MAX ? `${content.slice(0, DISCORD_MAX - 1)}…` : content,
        allowed_mentions: { parse: [] },
      };
    }
    case "slack":
      return { text: `*${escapeSlack(entry.title)}*\n${escapeSlack(entry.summary)}\n<${link}|Open in Rhizome>` };
    case "matrix":
      return {
        text: `${entry.title}\n${entry.summary}\n${link}`,
        html: `<p><strong>${escapeHtml(entry.title)}</strong><br>${escapeHtml(entry.summary)}<br><a href="${escapeHtml(link)}">Open in Rhizome</a></p>`,
      };
  }
}
