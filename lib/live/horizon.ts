/**
 * How far the audit trail can be read without ever skipping an entry that commits later.
 *
 * Ids come from a sequence at insert, not at commit: transaction T1 may take id 10, T2 id 11, and T2
 * commit first. A reader that saw 11 and moved its cursor past it would never see 10. So a reader
 * delivers only up to a horizon below which nothing can still appear:
 *
 * Each read takes a snapshot (PostgreSQL's `pg_current_snapshot()`: the transactions still in flight,
 * `xip`) together with the highest id it can see. Any entry with a lower id that it cannot see was
 * written by a transaction in that `xip` (the trigger `audit_entries_take_xid` gives a transaction its
 * id before it takes sequence numbers), or was rolled back and never appears. Once every transaction
 * of that `xip` has finished, which a later snapshot shows by no longer listing it, every id up to that
 * read's highest is settled: committed and visible, or gone for good.
 *
 * The cost: while a transaction that was in flight at a read stays open, entries above it wait with it.
 * Writes here are short (milliseconds; re-anchoring a long article, seconds), and a periodic re-read
 * notices the end of one that rolled back (no NOTIFY then).
 */
export type LogSnapshot = { maxId: number; inFlight: readonly string[] };

/** Parses `pg_current_snapshot()::text`, `xmin:xmax:xip1,xip2,...`, into the in-flight transaction ids. */
export function inFlightOf(snapshot: string): string[] {
  const xip = snapshot.split(":")[2] ?? "";
  return xip ? xip.split(",") : [];
}

/** The settled horizon as snapshots come in, oldest first. Persistent: `observe` returns a new value. */
export class SettledHorizon {
  private constructor(
    /** Every id up to this one is settled; -1 before the first settled snapshot. */
    readonly settled: number,
    private readonly waiting: readonly LogSnapshot[],
  ) {}

  static start(): SettledHorizon {
    return new SettledHorizon(-1, []);
  }

  /** True while some read still waits for transactions in flight. */
  get pending(): boolean {
    return this.waiting.length > 0;
  }

  observe(snapshot: LogSnapshot): SettledHorizon {
    const current = new Set(snapshot.inFlight);
    const reads = [...this.waiting, snapshot];
    // Reads are in time order, so once the latest finished one is found, all before it are settled too.
    let last = -1;
    reads.forEach((read, at) => {
      if (read.inFlight.every((xid) => !current.has(xid))) last = at;
    });
    if (last === -1) return new SettledHorizon(this.settled, reads);
    const settled = Math.max(this.settled, ...reads.slice(0, last + 1).map((read) => read.maxId));
    return new SettledHorizon(settled, reads.slice(last + 1));
  }
}
