import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Where production may deliver: public unicast addresses only. Private, loopback, link-local
 * (cloud metadata at 169.254.169.254), unique-local, carrier-grade NAT, multicast, reserved and
 * unspecified addresses are refused, IPv4-mapped IPv6 judged as the IPv4 inside.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === "unicast";
}

/** A URL's host as an IP literal (brackets of IPv6 removed), or null for a name. */
export function ipLiteralOf(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

export class RefusedTargetError extends Error {
  override readonly name = "RefusedTargetError";
  readonly code = "ERR_WEBHOOK_TARGET_REFUSED";
}

/**
 * A `lookup` for http(s).request that resolves the name and refuses the connection when ANY
 * address it resolves to is not public, so the check applies to the address actually dialled
 * (no window for DNS rebinding between check and connect). IP literals never reach a lookup:
 * check them with isPublicAddress before the request.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, "", 0);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused || addresses.length === 0) {
      const why = refused ? `resolves to the non-public address ${refused.address}` : "resolves to no address";
      return callback(new RefusedTargetError(`Refused to deliver to ${hostname}: it ${why}`), "", 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
};
