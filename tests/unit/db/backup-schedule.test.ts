import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeBackupTimes, nextBackupAt, readBackupSchedule } from "@/db/backup-schedule";

describe("the schedule of backups", () => {
  it("backs up daily beside the data directory, keeping seven, unless told otherwise", () => {
    expect(readBackupSchedule({ PGLITE_DATA_DIR: "/srv/desk/pglite" })).toEqual({ schedule: { dir: "/srv/desk/backups", everyHours: 24, keep: 7, atMinute: null }, problems: [] });
    expect(readBackupSchedule({}).schedule!.dir).toBe(path.resolve("data", "backups"));
    expect(readBackupSchedule({ BACKUP_DIR: "/mnt/offsite", BACKUP_INTERVAL_HOURS: "6", BACKUP_KEEP: "28" })).toEqual({
      schedule: { dir: "/mnt/offsite", everyHours: 6, keep: 28, atMinute: null },
      problems: [],
    });
  });

  it("is off with an interval of 0", () => {
    expect(readBackupSchedule({ BACKUP_INTERVAL_HOURS: "0" })).toEqual({ schedule: null, problems: [] });
  });

  it("keeps backups on with the default of a malformed value, naming the variable", () => {
    const { schedule, problems } = readBackupSchedule({ BACKUP_INTERVAL_HOURS: "daily", BACKUP_KEEP: "0", BACKUP_AT: "3am" });
    expect(schedule).toMatchObject({ everyHours: 24, keep: 7, atMinute: null });
    expect(problems).toEqual([
      'BACKUP_INTERVAL_HOURS must be a number of hours (it is "daily"): using 24.',
      'BACKUP_KEEP must be at least 1 (it is "0"): using 7.',
      'BACKUP_AT must be a time of day, HH:MM in UTC (it is "3am"): using null.',
    ]);
  });

  it("makes the next backup an interval after the newest, never in the first five minutes after a start", () => {
    const schedule = { dir: "/tmp", everyHours: 24, keep: 7, atMinute: null };
    const start = new Date("2026-11-30T12:00:00Z");
    expect(nextBackupAt(schedule, null, start).toISOString()).toBe("2026-11-30T12:05:00.000Z");
    expect(nextBackupAt(schedule, new Date("2026-11-30T03:00:00Z"), start).toISOString()).toBe("2026-12-01T03:00:00.000Z");
    expect(nextBackupAt(schedule, new Date("2026-11-20T03:00:00Z"), start).toISOString()).toBe("2026-11-30T12:05:00.000Z");
  });

  it("backs up daily at the time of day BACKUP_AT sets, in UTC, whatever the interval, unless backups are off", () => {
    expect(readBackupSchedule({ BACKUP_AT: "03:30", BACKUP_INTERVAL_HOURS: "6" }).schedule).toMatchObject({ everyHours: 24, atMinute: 210 });
    expect(readBackupSchedule({ BACKUP_AT: "0:05" }).schedule).toMatchObject({ atMinute: 5 });
    expect(readBackupSchedule({ BACKUP_AT: "23:59", BACKUP_INTERVAL_HOURS: "0" }).schedule).toBeNull();
    expect(readBackupSchedule({ BACKUP_AT: "24:00" }).problems).toHaveLength(1);
  });

  it("makes the next backup at the time of day: today's if it is still to come after the first five minutes, else tomorrow's", () => {
    const schedule = { dir: "/tmp", everyHours: 24, keep: 7, atMinute: 3 * 60 + 30 };
    expect(nextBackupAt(schedule, null, new Date("2026-11-30T01:00:00Z")).toISOString()).toBe("2026-11-30T03:30:00.000Z");
    expect(nextBackupAt(schedule, new Date("2026-11-29T03:30:00Z"), new Date("2026-11-30T03:26:00Z")).toISOString()).toBe("2026-12-01T03:30:00.000Z");
    expect(nextBackupAt(schedule, new Date("2026-11-30T03:30:00Z"), new Date("2026-11-30T12:00:00Z")).toISOString()).toBe("2026-12-01T03:30:00.000Z");
    expect(nextBackupAt(schedule, null, new Date("2026-12-31T23:58:00Z")).toISOString()).toBe("2027-01-01T03:30:00.000Z");
  });

  it("says the schedule in words", () => {
    expect(describeBackupTimes({ dir: "/tmp", everyHours: 6, keep: 7, atMinute: null })).toBe("every 6 h");
    expect(describeBackupTimes({ dir: "/tmp", everyHours: 24, keep: 7, atMinute: 5 })).toBe("daily at 00:05 UTC");
  });
});
