import { describe, expect, it } from "vitest";
import { UserInputError } from "@kyocho/core";
import { clusterSlot } from "./cluster-slot.js";
import { checkPrefix, checkPrefixScheme, DEFAULT_PREFIX, expertQueue, hashTagOf, prefixBase } from "./queue-names.js";

describe("expertQueue", () => {
  it("gives each expert's keys a hash tag of their own, {prefix:<name>}, with a BullMQ-legal queue name", () => {
    const q = expertQueue("lending");
    expect(q).toEqual({
      name: "lending",
      prefix: "{kyocho:lending}",
      displayName: "expert:lending",
      keyPrefix: "{kyocho:lending}:lending",
      hashTag: "kyocho:lending",
    });
    expect(q.name).not.toContain(":");
    expect(DEFAULT_PREFIX).toBe("{kyocho}");
  });

  it("spreads the four experts over different cluster slots, and keeps one queue's keys in one slot", () => {
    const experts = ["lending", "legal", "fx", "markets"];
    const slots = experts.map((e) => clusterSlot(`${expertQueue(e).keyPrefix}:wait`));
    expect(new Set(slots).size).toBe(4);
    for (const e of experts) {
      const { keyPrefix } = expertQueue(e);
      expect(new Set(["wait", "active", "events", "meta", "a-1@x@d"].map((k) => clusterSlot(`${keyPrefix}:${k}`))).size).toBe(1);
    }
  });

  it("keeps the layout of the shared scheme: one {prefix} hash tag for every queue", () => {
    expect(expertQueue("fx", "{bank-a}", "shared")).toMatchObject({ prefix: "{bank-a}:expert", keyPrefix: "{bank-a}:expert:fx", hashTag: "bank-a" });
    const slots = ["lending", "legal", "fx", "markets"].map((e) => clusterSlot(expertQueue(e, DEFAULT_PREFIX, "shared").keyPrefix));
    expect(new Set(slots).size).toBe(1);
  });

  it("takes another prefix, with or without braces", () => {
    expect(expertQueue("fx", "{bank-a}").keyPrefix).toBe("{bank-a:fx}:fx");
    expect(expertQueue("fx", "bank-a").keyPrefix).toBe("{bank-a:fx}:fx");
    expect(prefixBase("{kyocho}")).toBe("kyocho");
    expect(() => expertQueue("fx", "{a}{b}")).toThrow(/KYOCHO_PREFIX: .*no '\{' or '\}'/);
    expect(() => checkPrefixScheme("sharded")).toThrow(/^KYOCHO_PREFIX_SCHEME: "sharded" is not a prefix scheme/);
    expect(checkPrefixScheme(undefined)).toBe("per-expert");
  });

  it("computes slots as Redis Cluster does (CRC16 of the hash tag, mod 16384)", () => {
    // Reference values from the Redis Cluster specification and CLUSTER KEYSLOT.
    expect(clusterSlot("123456789")).toBe(12739);
    expect(clusterSlot("foo")).toBe(12182);
    expect(clusterSlot("{user1000}.following")).toBe(clusterSlot("user1000"));
    expect(hashTagOf("{}x")).toBe("{}x");
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
