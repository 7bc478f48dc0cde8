import path from "node:path";
import { describe, expect, it } from "vitest";
import { nextBackupAt, readBackupSchedule } from "@/db/backup-schedule";

describe("the schedule of backups", () => {
  it("backs up daily beside the data directory, keeping seven, unless told otherwise", () => {
    expect(readBackupSchedule({ PGLITE_DATA_DIR: "/srv/desk/pglite" })).toEqual({ schedule: { dir: "/srv/desk/backups", everyHours: 24, keep: 7 }, problems: [] });
    expect(readBackupSchedule({}).schedule!.dir).toBe(path.resolve("data", "backups"));
    expect(readBackupSchedule({ BACKUP_DIR: "/mnt/offsite", BACKUP_INTERVAL_HOURS: "6", BACKUP_KEEP: "28" })).toEqual({
      schedule: { dir: "/mnt/offsite", everyHours: 6, keep: 28 },
      problems: [],
    });
  });

  it("is off with an interval of 0", () => {
    expect(readBackupSchedule({ BACKUP_INTERVAL_HOURS: "0" })).toEqual({ schedule: null, problems: [] });
  });

  it("keeps backups on with the default of a malformed value, naming the variable", () => {
    const { schedule, problems } = readBackupSchedule({ BACKUP_INTERVAL_HOURS: "daily", BACKUP_KEEP: "0" });
    expect(schedule).toMatchObject({ everyHours: 24, keep: 7 });
    expect(problems).toEqual(['BACKUP_INTERVAL_HOURS must be a number of hours (it is "daily"): using 24.', 'BACKUP_KEEP must be at least 1 (it is "0"): using 7.']);
  });

  it("makes the next backup an interval after the newest, never in the first five minutes after a start", () => {
    const schedule = { dir: "/tmp", everyHours: 24, keep: 7 };
    const start = new Date("2026-11-30T12:00:00Z");
    expect(nextBackupAt(schedule, null, start).toISOString()).toBe("2026-11-30T12:05:00.000Z");
    expect(nextBackupAt(schedule, new Date("2026-11-30T03:00:00Z"), start).toISOString()).toBe("2026-12-01T03:00:00.000Z");
    expect(nextBackupAt(schedule, new Date("2026-11-20T03:00:00Z"), start).toISOString()).toBe("2026-11-30T12:05:00.000Z");
  });
});
