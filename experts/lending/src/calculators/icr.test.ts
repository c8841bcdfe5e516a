import { describe, expect, it } from "vitest";
import { icr } from "./icr.js";

describe("icr", () => {
  it("divides EBITDA by pro-forma interest", () => {
    expect(icr({ ebitda: 90, interest: 30 })).toBe(3); // 90 / 30
    expect(icr({ ebitda: 25, interest: 30 })).toBeCloseTo(0.8333333333, 9); // 25 / 30: the interest bill is not earned
  });

  it("is unlimited without interest", () => {
    expect(icr({ ebitda: 90, interest: 0 })).toBe(Number.POSITIVE_INFINITY);
  });
});
