import { describe, expect, it } from "vitest";
import { UserInputError } from "@kyocho/core";
import { checkPrefix, DEFAULT_PREFIX, expertQueue } from "./queue-names.js";

describe("expertQueue", () => {
  it("puts the expert's keys under {prefix}:expert:<name>, with a BullMQ-legal queue name", () => {
    const q = expertQueue("lending");
    expect(q).toEqual({ name: "lending", prefix: "{kyocho}:expert", displayName: "expert:lending", keyPrefix: "{kyocho}:expert:lending" });
    expect(q.name).not.toContain(":");
    expect(DEFAULT_PREFIX).toBe("{kyocho}");
  });

  it("takes another prefix", () => {
    expect(expertQueue("fx", "{bank-a}").keyPrefix).toBe("{bank-a}:expert:fx");
  });

  it("refuses names an expert cannot have and bad prefixes", () => {
    expect(() => expertQueue("Lending")).toThrow(UserInputError);
    expect(() => expertQueue("a:b")).toThrow(UserInputError);
    expect(() => expertQueue("fx", "")).toThrow(/KYOCHO_PREFIX/);
    expect(() => checkPrefix("a b")).toThrow(UserInputError);
    expect(() => checkPrefix("{kyocho}:")).toThrow(/not ending in ':'/);
    expect(checkPrefix("{kyocho-test}")).toBe("{kyocho-test}");
  });
});
