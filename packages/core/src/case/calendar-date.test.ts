import { describe, expect, it } from "vitest";
import { daysBetween, isCalendarDate, todayUtc } from "./calendar-date.js";

describe("calendar dates", () => {
  it("accepts real dates only", () => {
    expect(["2026-11-30", "2028-02-29", "2026-01-01"].map(isCalendarDate)).toEqual([true, true, true]);
    expect(["2026-02-29", "2026-13-01", "2026-04-31", "2026-1-01", "30/11/2026", ""].map(isCalendarDate)).toEqual([false, false, false, false, false, false]);
  });
  it("counts whole days across months and leap years", () => {
    expect(daysBetween("2026-10-31", "2026-11-30")).toBe(30);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2026-11-30", "2026-11-29")).toBe(-1);
  });
  it("dates today in UTC", () => {
    expect(todayUtc(new Date("2026-11-30T23:30:00-05:00"))).toBe("2026-12-01");
  });
});
