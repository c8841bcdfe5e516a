import { describe, expect, it } from "vitest";
import { currencyNameJa, money, moneyJa, percent, years } from "./format.js";

describe("message formats", () => {
  it("writes percentages and English amounts", () => {
    expect(percent(0.125)).toBe("12.5%");
    expect(percent(0.1 + 0.2)).toBe("30%");
    expect(money(1234567.8, "JPY")).toBe("JPY 1,234,568");
    expect(years(0.5)).toBe("0.5");
  });

  it("writes Japanese amounts in 兆・億・万 with the currency's Japanese name", () => {
    expect(moneyJa(2_400_000_000, "JPY")).toBe("24億円");
    expect(moneyJa(123_456_789, "USD")).toBe("1億2,346万米ドル");
    expect(moneyJa(1_234_500_000_000, "JPY")).toBe("1兆2,345億円");
    expect(moneyJa(61_500_000, "USD")).toBe("6,150万米ドル");
    expect(moneyJa(5_000, "JPY")).toBe("5,000円");
    expect(moneyJa(-10_000_000, "JPY")).toBe("−1,000万円");
    expect(moneyJa(50_000, "ZAR")).toBe("5万 ZAR");
    expect(currencyNameJa("EUR")).toBe("ユーロ");
    expect(currencyNameJa("ZAR")).toBe("ZAR");
  });
});
