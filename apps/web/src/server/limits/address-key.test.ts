import { describe, expect, it } from "vitest";
import { addressKey } from "./address-key";

describe("addressKey", () => {
  it("keeps an IPv4 address whole", () => {
    expect(addressKey("198.51.100.7")).toBe("198.51.100.7");
  });

  it("counts an IPv6 client by its /64, however the address is written", () => {
    const key = addressKey("2001:db8:1:2::1");
    expect(key).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002:ffff:eeee:dddd:cccc")).toBe(key);
    expect(addressKey("2001:DB8:1:2:0:0:0:9")).toBe(key);
    expect(addressKey("2001:db8:1:3::1")).not.toBe(key);
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
  });

  it("leaves IPv4-mapped addresses and non-addresses alone", () => {
    expect(addressKey("::ffff:198.51.100.7")).toBe("::ffff:198.51.100.7");
    expect(addressKey("unknown")).toBe("unknown");
  });
});
