import { describe, expect, it } from "vitest";
import { formatLatency, formatMetric, formatPlain } from "./report-format.js";

describe("formatMetric", () => {
  it("writes cover and leverage as multiples, shares and ratios as percentages, liquidity in days of ADV", () => {
    expect(formatMetric("leverage", 3.25)).toBe("3.25×");
    expect(formatMetric("dscr", 1.9106107130672125)).toBe("1.91×");
    expect(formatMetric("fxStressedDscr", 1.8074)).toBe("1.81×");
    expect(formatMetric("hedgeRatio.USD", 0.4)).toBe("40%");
    expect(formatMetric("largeExposureRatio", 0.0058)).toBe("0.58%");
    expect(formatMetric("rateShockLossRatio", 0.077647058823529)).toBe("7.76%");
    expect(formatMetric("issuerShare.Hokuto Electric", 0.3)).toBe("30%");
    expect(formatMetric("liquidityRatio.KP-2034", 2.5)).toBe("2.5× ADV");
  });

  it("groups large amounts and leaves counts and unknown names as plain numbers", () => {
    expect(formatMetric("groupExposure", 58_000_000_000)).toBe("58,000,000,000");
    expect(formatMetric("hhi", 2200)).toBe("2,200");
    expect(formatMetric("kycPending", 1)).toBe("1");
    expect(formatMetric("var10d99", 550460145.5717363)).toBe("550,460,146");
    expect(formatMetric("somethingNew", 0.123456)).toBe("0.1235");
    expect(formatMetric("anything", null)).toBe("–");
  });

  it("formats plain numbers and latencies", () => {
    expect(formatPlain(12.34567)).toBe("12.346");
    expect(formatLatency(4.18)).toBe("4.2 ms");
    expect(formatLatency(1240)).toBe("1.24 s");
    expect(formatLatency(undefined)).toBe("–");
  });
});
