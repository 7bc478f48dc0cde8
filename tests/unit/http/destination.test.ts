import { describe, expect, it } from "vitest";
import { destinationPolicy, privatePlaceOf, refusalOf } from "@/lib/http/destination";

describe("destinations of outgoing requests", () => {
  it("tell addresses inside a network from public ones, IPv4 written as IPv6 included", () => {
    const places = Object.fromEntries(
      ["127.0.0.1", "::ffff:127.0.0.1", "::ffff:7f00:1", "0.0.0.0", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.10", "fd12::1", "169.254.169.254", "fe80::1", "100.64.0.1", "224.0.0.1"].map((a) => [a, privatePlaceOf(a)]),
    );
    expect(places).toEqual({
      "127.0.0.1": "on this machine",
      "::ffff:127.0.0.1": "on this machine",
      "::ffff:7f00:1": "on this machine",
      "0.0.0.0": "on this machine",
      "::1": "on this machine",
      "10.1.2.3": "in a private network",
      "172.16.0.1": "in a private network",
      "172.31.255.255": "in a private network",
      "192.168.0.10": "in a private network",
      "fd12::1": "in a private network",
      "169.254.169.254": "in a link-local network, where clouds serve machines' metadata",
      "fe80::1": "in a link-local network",
      "100.64.0.1": "in a carrier's private network",
      "224.0.0.1": "in a multicast group",
    });
    for (const address of ["8.8.8.8", "172.32.0.1", "192.169.0.1", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(privatePlaceOf(address)).toBeNull();
  });

  it("allow what the operator lists, by host name, address or range, or everything with *", () => {
    const listed = destinationPolicy(" Chat.Newsroom.Internal, 10.20.0.0/16 ,[fd00::5], ");
    expect(refusalOf("chat.newsroom.internal", "10.9.9.9", listed)).toBeNull();
    expect(refusalOf("cms", "10.20.3.4", listed)).toBeNull();
    expect(refusalOf("cms", "fd00::5", listed)).toBeNull();
    expect(refusalOf("cms", "10.21.3.4", listed)).toBe("cms (10.21.3.4) is in a private network");
    expect(refusalOf("10.21.3.4", "10.21.3.4", listed)).toBe("10.21.3.4 is in a private network");
    expect(refusalOf("anything", "127.0.0.1", destinationPolicy("*"))).toBeNull();
    expect(refusalOf("localhost", "127.0.0.1", destinationPolicy(""))).toBe("localhost (127.0.0.1) is on this machine");
    expect(refusalOf("example.org", "93.184.215.14", destinationPolicy(""))).toBeNull();
    // A malformed range allows nothing, and stops nothing else.
    const malformed = destinationPolicy("10.0.0.0/99, 10.1.0.0/x, 192.168.0.0/16");
    expect(refusalOf("cms", "10.0.0.5", malformed)).toBe("cms (10.0.0.5) is in a private network");
    expect(refusalOf("cms", "192.168.3.4", malformed)).toBeNull();
  });
});
