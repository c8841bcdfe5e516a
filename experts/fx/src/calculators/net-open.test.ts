import { describe, expect, it } from "vitest";
import { netOpen } from "./net-open.js";

describe("netOpen", () => {
  it("is gross minus hedged", () => {
    expect(netOpen(100, 30)).toBe(70);
  });

  it("is the gross exposure with no hedge", () => {
    expect(netOpen(100, 0)).toBe(100);
  });

  it("is zero when exactly hedged and never negative when over-hedged", () => {
    expect(netOpen(100, 100)).toBe(0);
    expect(netOpen(100, 150)).toBe(0);
  });

  it("is zero for a zero exposure", () => {
    expect(netOpen(0, 0)).toBe(0);
  });
});
