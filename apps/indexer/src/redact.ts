/**
 * Secrets kept out of what the service writes. RPC_URL often carries a provider's key in its path
 * or query (https://eth-mainnet.g.alchemy.com/v2/KEY, https://mainnet.infura.io/v3/KEY) and
 * DATABASE_URL a password; libraries quote them in their errors (viem's say `URL: …`). Every log
 * line (logger.ts), every configuration message and every reason the API gives goes through here.
 */

/** What a hidden secret reads as. */
export const HIDDEN = "***";

/**
 * Shorter pieces of a URL are not looked for on their own, only inside the URL: they name a version
 * or a network (/v2/, /eth/), hiding them would hide ordinary words in every line, and a key or a
 * password that short is no secret anyway.
 */
const MIN_SECRET_LENGTH = 6;

/** Schemes whose path names a database, not a key: it is kept, and only the password hidden. */
const DATABASE_SCHEMES = new Set(["postgres:", "postgresql:"]);

/** Query parameters of a database URL whose values are secrets (libpq's password, sslpassword…). */
const SECRET_PARAMETER = /pass|secret|key|token/i;

/** Characters a URL runs on with in text: it ends at a space, a quote, a bracket or a JSON escape. */
const URL_TAIL = String.raw`[^\s"'<>\\]*`;

/** `scheme://user:password@` anywhere: the password of any URL, configured or not. */
const USERINFO_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@"'<>\\]*):[^\s/@"'<>\\]+@/gi;

/**
 * `url` as it may be shown: without its password, and for a URL other than a database's without
 * its user name, path and query, where providers put their keys (`https://host/***`). A database
 * URL keeps its database name. Text that does not parse as a URL is cut the same way at its host.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    const match = /^([a-z][a-z0-9+.-]*:\/\/)?(?:[^/?#\s@]*@)?([^/?#\s]*)(.*)$/is.exec(url.trim());
    if (!match) return HIDDEN;
    const [, scheme = "", host = "", rest = ""] = match;
    return `${scheme}${/@/.test(url) ? `${HIDDEN}@` : ""}${host}${rest ? `/${HIDDEN}` : ""}`;
  }
  if (DATABASE_SCHEMES.has(parsed.protocol)) {
    if (parsed.password) parsed.password = HIDDEN;
    for (const name of [...parsed.searchParams.keys()]) {
      if (SECRET_PARAMETER.test(name)) parsed.searchParams.set(name, HIDDEN);
    }
    parsed.hash = "";
    return parsed.toString();
  }
  const userinfo = parsed.username || parsed.password ? `${HIDDEN}@` : "";
  const rest = (parsed.pathname !== "/" && parsed.pathname !== "") || parsed.search ? `/${HIDDEN}` : "";
  return `${parsed.protocol}//${userinfo}${parsed.host}${rest}`;
}

/** Replaces the secrets of some URLs in any text. */
export type Redact = (text: string) => string;

/**
 * A function that takes the secrets of `urls` out of any text: each URL wherever it is quoted, whole,
 * cut short or with another path on the same host (shown as `redactUrl` shows it); its secret pieces
 * quoted on their own (the password, the key in the path or query, percent-decoded or JSON-escaped
 * as well); and the password of any other URL written with one.
 */
export function secretRedactor(urls: readonly (string | undefined)[]): Redact {
  const quoted: RegExp[] = [];
  const pieces = new Set<string>();
  for (const url of urls) {
    if (!url) continue;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    const database = DATABASE_SCHEMES.has(parsed.protocol);
    const secrets = [parsed.password];
    if (!database) {
      secrets.push(parsed.username, ...parsed.pathname.split("/"));
      for (const value of parsed.searchParams.values()) secrets.push(value);
    } else {
      for (const [name, value] of parsed.searchParams) if (SECRET_PARAMETER.test(name)) secrets.push(value);
    }
    for (const secret of secrets) {
      if (!secret) continue;
      for (const form of variants(secret)) if (form.length >= MIN_SECRET_LENGTH) pieces.add(form);
    }
    // The password alone is hidden by USERINFO_PASSWORD wherever the URL is quoted.
    if (!database && redactUrl(url) !== `${parsed.protocol}//${parsed.host}`) {
      // The host, after any user info, followed by anything but the end of a word: the URL as
      // configured, as a library printed it (without its user info, or with a slash added), or
      // cut short in a message.
      const host = escape(parsed.host);
      const scheme = escape(parsed.protocol);
      quoted.push(new RegExp(`${scheme}//(?:[^\\s/@"'<>\\\\]*@)?${host}(?=[/?#])${URL_TAIL}`, "gi"));
    }
  }
  // Longest first, so that a piece inside another is not hidden first and leave the rest showing.
  const ordered = [...pieces].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const pattern of quoted) out = out.replace(pattern, (match) => redactUrl(match));
    for (const piece of ordered) if (out.includes(piece)) out = out.split(piece).join(HIDDEN);
    return out.replace(USERINFO_PASSWORD, `$1:${HIDDEN}@`);
  };
}

/** A secret as it may be written: as in the URL, percent-decoded, and escaped inside a JSON string. */
function variants(secret: string): string[] {
  let decoded = secret;
  try {
    decoded = decodeURIComponent(secret);
  } catch {
    // Not valid percent-encoding: the secret is only written as it is.
  }
  return [...new Set([secret, decoded].flatMap((form) => [form, JSON.stringify(form).slice(1, -1)]))];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
