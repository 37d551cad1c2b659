import { describe, expect, it } from "vitest";
import { addDays, dayWindow, zonedDate, zonedTime } from "../src/zoned-day";

const iso = (ms: number) => new Date(ms).toISOString();
const window = (date: string, zone: string) => {
  const { startMs, endMs } = dayWindow(date, zone);
  return { start: iso(startMs), end: iso(endMs), hours: (endMs - startMs) / 3_600_000 };
};

describe("dayWindow", () => {
  it.each([
    ["UTC", "2025-01-31T00:00:00.000Z", "2025-02-01T00:00:00.000Z"],
    ["Europe/Paris", "2025-01-30T23:00:00.000Z", "2025-01-31T23:00:00.000Z"],
    ["Asia/Kolkata", "2025-01-30T18:30:00.000Z", "2025-01-31T18:30:00.000Z"],
    ["Asia/Kathmandu", "2025-01-30T18:15:00.000Z", "2025-01-31T18:15:00.000Z"],
    ["Pacific/Kiritimati", "2025-01-30T10:00:00.000Z", "2025-01-31T10:00:00.000Z"],
    ["Pacific/Pago_Pago", "2025-01-31T11:00:00.000Z", "2025-02-01T11:00:00.000Z"],
  ])("runs from midnight to midnight in %s", (zone, start, end) => {
    expect(window("2025-01-31", zone)).toEqual({ start, end, hours: 24 });
  });

  it.each([
    ["America/New_York", "2025-03-09", "2025-03-09T05:00:00.000Z", "2025-03-10T04:00:00.000Z", 23],
    ["America/New_York", "2025-11-02", "2025-11-02T04:00:00.000Z", "2025-11-03T05:00:00.000Z", 25],
    ["Europe/Paris", "2025-03-30", "2025-03-29T23:00:00.000Z", "2025-03-30T22:00:00.000Z", 23],
    ["Europe/Paris", "2025-10-26", "2025-10-25T22:00:00.000Z", "2025-10-26T23:00:00.000Z", 25],
    // Chile moves its clocks at midnight: 2024-09-08 had no 00:00, its first instant read 01:00.
    ["America/Santiago", "2024-09-08", "2024-09-08T04:00:00.000Z", "2024-09-09T03:00:00.000Z", 23],
    ["America/Santiago", "2024-04-06", "2024-04-06T03:00:00.000Z", "2024-04-07T04:00:00.000Z", 25],
  ])("has the DST change of %s on %s", (zone, date, start, end, hours) => {
    expect(window(date, zone)).toEqual({ start, end, hours });
  });

  it("starts each day where the day before ends, at the first instant of its date", () => {
    for (const zone of ["America/Santiago", "America/New_York", "Australia/Lord_Howe", "UTC"]) {
      let date = "2024-01-01";
      for (let day = 0; day < 366; day += 1) {
        const today = dayWindow(date, zone);
        const next = addDays(date, 1);
        expect(dayWindow(next, zone).startMs).toBe(today.endMs);
        expect(zonedDate(today.startMs, zone)).toBe(date);
        expect(zonedDate(today.startMs - 1, zone)).toBe(addDays(date, -1));
        expect(zonedDate(today.endMs - 1, zone)).toBe(date);
        date = next;
      }
    }
  });

  it("refuses a zone the runtime does not know", () => {
    expect(() => dayWindow("2025-01-31", "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("zonedTime and addDays", () => {
  it("reads the wall clock of the zone", () => {
    const instant = Date.parse("2025-01-31T23:30:00Z");
    expect(zonedTime(instant, "UTC")).toEqual({ date: "2025-01-31", minutes: 23 * 60 + 30 });
    expect(zonedTime(instant, "Europe/Paris")).toEqual({ date: "2025-02-01", minutes: 30 });
    expect(zonedTime(instant, "America/Los_Angeles")).toEqual({ date: "2025-01-31", minutes: 15 * 60 + 30 });
  });

  it("moves across months, years and leap days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addDays("2025-03-31", -31)).toBe("2025-02-28");
  });
});
