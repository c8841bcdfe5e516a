import { describe, expect, it } from "vitest";
import { money } from "./format.js";

describe("money", () => {
  it("writes whole units from a thousand up, as a credit memo does", () => {
    expect(money(5_071_714_285.71, "JPY")).toBe("JPY 5,071,714,286");
    expect(money(120_000_000, "USD")).toBe("USD 120,000,000");
    expect(money(-1_234.5, "EUR")).toBe("EUR -1,235");
  });
  it("keeps up to two decimals below a thousand", () => {
    expect(money(22.5, "USD")).toBe("USD 22.5");
    expect(money(999.994, "USD")).toBe("USD 999.99");
  });
});
