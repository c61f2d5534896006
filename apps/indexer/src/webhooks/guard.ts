/**
 * A member's webhook may only reach the public internet: not this host, not the operator's private
 * network, not a cloud's metadata address. The URL's host is resolved and every address it has is
 * checked, before each delivery as well as when the subscription is made. (A name that changes its
 * addresses between the check and the request can still slip through: an operator who needs more
 * sends webhooks through an egress proxy.)
 */
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

export class WebhookUrlError extends Error {
  override name = "WebhookUrlError";
}

/** An IPv4 address mapped into IPv6 (::ffff:10.0.0.1) is checked as the IPv4 address it is. */
function isPrivate(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, "ipv4");
  return PRIVATE.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** Throws WebhookUrlError unless `url` is http(s) on a host whose every address is public. */
export async function assertPublicUrl(url: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WebhookUrlError(`${url} is not a URL`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new WebhookUrlError(`A webhook's URL must be http or https, not ${parsed.protocol}`);
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  const refused = addresses.find(isPrivate);
  if (refused)
    throw new WebhookUrlError(`${parsed.hostname} is a private address (${refused}): not reachable by webhooks`);
}
