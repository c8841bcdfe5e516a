import { describe, expect, it } from "vitest";
import { perExpertSetting } from "./per-expert-setting.js";
import { limiterFor } from "./rate-limit.js";

const experts = ["lending", "legal", "fx"];

describe("perExpertSetting", () => {
  it("applies one value to every expert", () => {
    expect(perExpertSetting("4", experts, { source: "--concurrency", integer: true })).toEqual({ lending: 4, legal: 4, fx: 4 });
  });

  it("takes per-expert values, with an optional default", () => {
    expect(perExpertSetting("lending=2,fx=8", experts, { source: "--concurrency", integer: true })).toEqual({ lending: 2, fx: 8 });
    expect(perExpertSetting("fx=8, 2", experts, { source: "--concurrency", integer: true })).toEqual({ lending: 2, legal: 2, fx: 8 });
    expect(perExpertSetting("fx=0.5", experts, { source: "--rate" })).toEqual({ fx: 0.5 });
  });

  it("names the option and the problem", () => {
    expect(() => perExpertSetting("esg=2", experts, { source: "--rate" })).toThrow(/--rate: unknown expert "esg"/);
    expect(() => perExpertSetting("0", experts, { source: "--concurrency", integer: true })).toThrow(/--concurrency: "0" is not a positive integer/);
    expect(() => perExpertSetting("1.5", experts, { source: "--concurrency", integer: true })).toThrow(/positive integer/);
    expect(() => perExpertSetting("fx=abc", experts, { source: "--rate" })).toThrow(/"abc" is not a positive number/);
    expect(() => perExpertSetting("2,3", experts, { source: "--rate" })).toThrow(/two values/);
  });
});

describe("limiterFor", () => {
  it("spreads the jobs evenly: one per 1000/rate ms", () => {
    expect(limiterFor(5)).toEqual({ max: 1, duration: 200 });
    expect(limiterFor(3)).toEqual({ max: 1, duration: 334 }); // rounded up: never faster than asked
    expect(limiterFor(0.5)).toEqual({ max: 1, duration: 2000 });
  });

  it("refuses rates that mean nothing", () => {
    expect(() => limiterFor(0)).toThrow(/rate: must be/);
    expect(() => limiterFor(Number.NaN)).toThrow();
    expect(() => limiterFor(5000)).toThrow();
  });
});
