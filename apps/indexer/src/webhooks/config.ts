/**
 * The operator's webhooks, from WEBHOOKS (a JSON array) or WEBHOOKS_FILE (a file holding one):
 * `[{ "url": "https://discord.com/api/webhooks/…", "format": "discord", "collective": "0x…",
 * "secret": "…" }]`. `format` is json (the default), discord, slack or matrix; without `collective`
 * the webhook hears every collective; without `secret` its deliveries are signed with a key
 * derived from the URL, which the receiver then cannot know: give one wherever the receiver checks
 * signatures. Each mistake is named, with its position in the list.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { getAddress, isAddress } from "viem";
import { FORMATS, type Format } from "./formats.js";

export interface OperatorWebhook {
  /** Stable across restarts, and not guessable from the URL alone. */
  id: string;
  url: string;
  secret: string;
  format: Format;
  collective: string | null;
}

export function readOperatorWebhooks(env: NodeJS.ProcessEnv, problems: string[]): OperatorWebhook[] {
  let text = env.WEBHOOKS;
  let origin = "WEBHOOKS";
  if (env.WEBHOOKS_FILE) {
    if (text) problems.push("WEBHOOKS and WEBHOOKS_FILE are both set: give one");
    origin = `WEBHOOKS_FILE (${env.WEBHOOKS_FILE})`;
    try {
      text = readFileSync(env.WEBHOOKS_FILE, "utf8");
    } catch (error) {
      problems.push(`${origin} cannot be read: ${(error as Error).message}`);
      return [];
    }
  }
  if (!text || text.trim() === "") return [];
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch (error) {
    problems.push(`${origin} is not JSON: ${(error as Error).message}`);
    return [];
  }
  if (!Array.isArray(list)) {
    problems.push(`${origin} must be a JSON array of webhooks ({ "url": …, "format": … })`);
    return [];
  }
  const webhooks: OperatorWebhook[] = [];
  list.forEach((item: unknown, i) => {
    const where = `${origin}[${i}]`;
    if (typeof item !== "object" || item === null) return problems.push(`${where} must be an object`);
    const { url, format = "json", collective, secret } = item as Record<string, unknown>;
    let parsed: URL | undefined;
    try {
      parsed = typeof url === "string" ? new URL(url) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
      return problems.push(`${where}.url must be an http or https URL`);
    }
    if (!FORMATS.includes(format as Format)) {
      return problems.push(`${where}.format=${String(format)} must be one of ${FORMATS.join(", ")}`);
    }
    if (collective !== undefined && (typeof collective !== "string" || !isAddress(collective, { strict: false }))) {
      return problems.push(`${where}.collective must be a collective's (governor's) address`);
    }
    if (secret !== undefined && (typeof secret !== "string" || secret.length < 16)) {
      return problems.push(`${where}.secret must be a string of at least 16 characters`);
    }
    const key =
      typeof secret === "string" ? secret : createHash("sha256").update(`rhizome:${parsed.href}`).digest("hex");
    const owner = collective === undefined ? null : getAddress(collective);
    webhooks.push({
      id: `op_${createHash("sha256")
        .update(`${key}\n${parsed.href}\n${owner ?? "*"}`)
        .digest("hex")
        .slice(0, 32)}`,
      url: parsed.href,
      secret: key,
      format: format as Format,
      collective: owner,
    });
  });
  return webhooks;
}
