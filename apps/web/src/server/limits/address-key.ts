import { isIPv6 } from "node:net";

/**
 * The part of a client address that limits count on. An IPv4 address is one client (or one school's NAT);
 * an IPv6 client usually holds a whole /64 and can pick a new address in it per request, so IPv6 counts
 * by /64 prefix. Anything else (no trusted address) is used as it is.
 */
export function addressKey(address: string): string {
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  if ([...left, ...right].some((group) => group.includes("."))) return address; // embedded IPv4: keep whole
  const missing = 8 - left.length - right.length;
  const groups = address.includes("::") ? [...left, ...Array(missing).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
