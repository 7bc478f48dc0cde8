import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * Where the server's own outgoing requests may go (webhooks, articles fetched from their web address).
 * Such a request leaves from inside the desk's network, so an address that leads back into it (the
 * machine itself, a private network, a cloud's metadata service at 169.254.169.254) would let whoever
 * types the address make the server knock on doors nobody outside can reach. Such addresses are
 * refused, after the host name is resolved and again as each connection is made (so that a name
 * re-pointed in between is caught too), unless the operator lists them: host names, addresses or
 * ranges (`chat.newsroom.internal,10.20.0.0/16`), or `*` for every one.
 */

/** The ranges no outgoing request reaches unless allowed, each with what it is, for the error. */
const PRIVATE_RANGES: readonly [address: string, prefix: number, family: "ipv4" | "ipv6", what: string][] = [
  ["0.0.0.0", 8, "ipv4", "on this machine"],
  ["127.0.0.0", 8, "ipv4", "on this machine"],
  ["10.0.0.0", 8, "ipv4", "in a private network"],
  ["172.16.0.0", 12, "ipv4", "in a private network"],
  ["192.168.0.0", 16, "ipv4", "in a private network"],
  ["100.64.0.0", 10, "ipv4", "in a carrier's private network"],
  ["169.254.0.0", 16, "ipv4", "in a link-local network, where clouds serve machines' metadata"],
  ["192.0.0.0", 24, "ipv4", "in a reserved network"],
  ["198.18.0.0", 15, "ipv4", "in a reserved network"],
  ["224.0.0.0", 4, "ipv4", "in a multicast group"],
  ["240.0.0.0", 4, "ipv4", "in a reserved network"],
  ["::", 128, "ipv6", "on this machine"],
  ["::1", 128, "ipv6", "on this machine"],
  ["fc00::", 7, "ipv6", "in a private network"],
  ["fe80::", 10, "ipv6", "in a link-local network"],
  ["ff00::", 8, "ipv6", "in a multicast group"],
  ["64:ff9b::", 96, "ipv6", "in a translated IPv4 network"],
  ["100::", 64, "ipv6", "in a reserved network"],
];

const rangesByWhat = new Map<string, BlockList>();
for (const [address, prefix, family, what] of PRIVATE_RANGES) {
  if (!rangesByWhat.has(what)) rangesByWhat.set(what, new BlockList());
  rangesByWhat.get(what)!.addSubnet(address, prefix, family);
}

const familyOf = (address: string) => (isIP(address) === 6 ? "ipv6" : "ipv4");

/** Where `address` lies when it is not on the internet ("in a private network"), or null for a public address. IPv4 addresses written as IPv6 count as IPv4. */
export function privatePlaceOf(address: string): string | null {
  for (const [what, ranges] of rangesByWhat) if (ranges.check(address, familyOf(address))) return what;
  return null;
}

/** The hosts and ranges an operator allows though private. */
export type DestinationPolicy = { all: boolean; names: Set<string>; ranges: BlockList };

/** The policy `listed` sets: comma-separated host names, addresses, CIDR ranges or `*`. */
export function destinationPolicy(listed: string): DestinationPolicy {
  const policy: DestinationPolicy = { all: false, names: new Set(), ranges: new BlockList() };
  for (const entry of listed.split(",").map((e) => e.trim().toLowerCase().replace(/^\[|\]$/g, "")).filter(Boolean)) {
    const [address, prefix] = entry.split("/");
    if (entry === "*") policy.all = true;
    else if (isIP(address!) && prefix !== undefined) {
      // A range whose prefix is no number of bits of its family allows nothing, rather than stopping every delivery.
      const bits = Number(prefix);
      if (/^\d+$/.test(prefix) && bits <= (familyOf(address!) === "ipv6" ? 128 : 32)) policy.ranges.addSubnet(address!, bits, familyOf(address!));
    }
    else if (isIP(entry)) policy.ranges.addAddress(entry, familyOf(entry));
    else policy.names.add(entry);
  }
  return policy;
}

/** The host of a URL as `dns.lookup` and `net.isIP` take it: IPv6 without its brackets, lower case. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "").toLowerCase();

/** Why `address` (what `host` resolved to) may not be sent to ("localhost (127.0.0.1) is on this machine"), or null when it may. */
export function refusalOf(host: string, address: string, policy: DestinationPolicy): string | null {
  const place = privatePlaceOf(address);
  if (place === null || policy.all || policy.names.has(host) || policy.ranges.check(address, familyOf(address))) return null;
  const where = host === address ? address : `${host} (${address})`;
  return `${where} is ${place}`;
}

/** Thrown by `guardedLookup` for an address the policy refuses. */
export class PrivateDestination extends Error {
  override name = "PrivateDestination";
}

/**
 * Why no request may be sent to `url`, or null: its host is, or resolves to, an address the policy
 * refuses. A host that does not resolve now is not refused here (the request will say so).
 */
export async function destinationProblem(url: string, policy: DestinationPolicy): Promise<string | null> {
  const host = hostOf(new URL(url));
  if (isIP(host)) return refusalOf(host, host, policy);
  const addresses = await new Promise<LookupAddress[]>((resolve) => dnsLookup(host, { all: true }, (error, found) => resolve(error ? [] : found)));
  for (const { address } of addresses) {
    const refusal = refusalOf(host, address, policy);
    if (refusal) return refusal;
  }
  return null;
}

/**
 * A `lookup` for outgoing connections that resolves as usual and then fails with PrivateDestination
 * when any address found is one the policy refuses: the check made at the moment of connecting, so
 * that a host name pointed at a private address after it was checked (a webhook saved) is still refused.
 */
export function guardedLookup(policy: DestinationPolicy): LookupFunction {
  return (host, options, callback) => {
    dnsLookup(host, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      for (const { address } of addresses) {
        const refusal = refusalOf(host.toLowerCase(), address, policy);
        if (refusal) return callback(new PrivateDestination(refusal), "", 0);
      }
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
