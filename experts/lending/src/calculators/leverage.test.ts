import { describe, expect, it } from "vitest";
import { leverage, netDebt } from "./leverage.js";

describe("netDebt", () => {
  it("takes cash off pro-forma debt; absent cash counts as none", () => {
    expect(netDebt({ proFormaDebt: 650, cash: 50 })).toBe(600); // 650 − 50
    expect(netDebt({ proFormaDebt: 650 })).toBe(650);
    expect(netDebt({ proFormaDebt: 100, cash: 150 })).toBe(-50); // net cash
  });
});

describe("leverage", () => {
  it("divides net debt by EBITDA", () => {
    expect(leverage({ netDebt: 600, ebitda: 100 })).toBe(6); // 600 / 100
    expect(leverage({ netDebt: 450, ebitda: 100 })).toBe(4.5);
    expect(leverage({ netDebt: -50, ebitda: 100 })).toBe(-0.5); // a net cash position
  });

  it.each([0, -1, -100])("is undefined for EBITDA %d (no meaningful multiple)", (ebitda) => {
    expect(leverage({ netDebt: 600, ebitda })).toBeUndefined();
  });
});
