import { describe, expect, it } from "vitest";
import { inFlightOf, SettledHorizon } from "@/lib/live/horizon";

describe("the settled horizon of the audit trail", () => {
  it("reads the in-flight transactions of a snapshot", () => {
    expect(inFlightOf("740:745:740,742")).toEqual(["740", "742"]);
    expect(inFlightOf("740:740:")).toEqual([]);
  });

  it("settles at once when nothing is in flight", () => {
    expect(SettledHorizon.start().observe({ maxId: 11, inFlight: [] }).settled).toBe(11);
  });

  it("waits for a transaction in flight at a read, since it may hold a lower id", () => {
    // T1 (xid 100) holds id 10 and is in flight; T2 committed id 11.
    let horizon = SettledHorizon.start().observe({ maxId: 3, inFlight: [] });
    horizon = horizon.observe({ maxId: 11, inFlight: ["100"] });
    expect(horizon.settled).toBe(3);
    expect(horizon.pending).toBe(true);
    // Still in flight, and another one started meanwhile: no progress.
    horizon = horizon.observe({ maxId: 12, inFlight: ["100", "101"] });
    expect(horizon.settled).toBe(3);
    // T1 finished, 101 not yet: the read that only waited for T1 settles, the later one not.
    horizon = horizon.observe({ maxId: 12, inFlight: ["101"] });
    expect(horizon.settled).toBe(11);
    horizon = horizon.observe({ maxId: 13, inFlight: [] });
    expect(horizon.settled).toBe(13);
    expect(horizon.pending).toBe(false);
  });

  it("never moves back", () => {
    const horizon = SettledHorizon.start().observe({ maxId: 9, inFlight: [] }).observe({ maxId: 9, inFlight: [] });
    expect(horizon.settled).toBe(9);
  });
});
