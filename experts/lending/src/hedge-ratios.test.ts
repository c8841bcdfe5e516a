import type { ExpertResult } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { readHedgeRatios } from "./hedge-ratios.js";

const fxResult = (metrics: Record<string, number | null>, status: ExpertResult["status"] = "ok"): ExpertResult => ({
  taskId: "fx",
  expert: "fx",
  domain: "fx",
  role: "required",
  status,
  findings: [],
  metrics,
  citations: [],
  notes: [],
});

describe("readHedgeRatios", () => {
  it("reads hedgeRatio.<CUR> from the fx result", () => {
    expect(readHedgeRatios(fxResult({ "hedgeRatio.USD": 0.6, "hedgeRatio.EUR": 1 }), ["USD", "EUR"])).toEqual({
      ratios: { USD: 0.6, EUR: 1 },
      notes: [],
    });
  });

  it("counts a currency fx has no exposure in as unhedged, with a note", () => {
    const out = readHedgeRatios(fxResult({ "hedgeRatio.USD": 0.6 }), ["USD", "GBP"]);
    expect(out.ratios).toEqual({ USD: 0.6, GBP: 0 });
    expect(out.notes.join(" ")).toContain("GBP");
  });

  it("assumes no hedge when fx is missing or failed, and says so", () => {
    expect(readHedgeRatios(undefined, ["USD"])).toMatchObject({ ratios: { USD: 0 } });
    expect(readHedgeRatios(undefined, ["USD"]).notes[0]).toMatch(/no fx expert result/);
    const failed = readHedgeRatios(fxResult({ "hedgeRatio.USD": 0.9 }, "failed"), ["USD"]);
    expect(failed.ratios).toEqual({ USD: 0 });
    expect(failed.notes[0]).toMatch(/did not finish/);
  });

  it("has no notes when no foreign currency is involved", () => {
    expect(readHedgeRatios(undefined, [])).toEqual({ ratios: {}, notes: [] });
  });
});
