import { describe, expect, it } from "vitest";
import type { PartyScreening } from "../parties.js";
import { sanctionsHits } from "./sanctions-screen.js";

const REFERENCE = ["CU", "IR", "KP", "SY"];
/** A party as the screen reads it: one entry per country, all at `path` unless given. */
const party = (path: string, countries: string[], screening?: Omit<PartyScreening, "path">, entryPaths?: string[]) => ({
  path,
  countries,
  entries: countries.map((country, i) => ({ path: entryPaths?.[i] ?? path, country })),
  ...(screening ? { screening: { ...screening, path: `${path}.screening` } } : {}),
});

describe("sanctionsHits", () => {
  it("finds nobody in a clean list", () => {
    expect(sanctionsHits([party("borrower", ["JP"]), party("counterparties[0]", ["US"])], REFERENCE)).toEqual([]);
  });

  it("flags a party in a sanctioned jurisdiction, naming its country field", () => {
    const ir = party("counterparties[1]", ["IR"]);
    expect(sanctionsHits([party("borrower", ["JP"]), ir], ["CU", "IR"])).toEqual([
      { party: ir, reasons: ["jurisdiction"], sanctionedCountries: ["IR"], fields: ["counterparties[1].country"] },
    ]);
  });

  it("screens every country of a party given two, naming only the sanctioned entry's country", () => {
    const twice = party("borrower", ["JP", "IR"], undefined, ["borrower", "counterparties[0]"]);
    expect(sanctionsHits([twice], REFERENCE)).toEqual([
      { party: twice, reasons: ["jurisdiction"], sanctionedCountries: ["IR"], fields: ["counterparties[0].country"] },
    ]);
  });

  it("flags a screening hit wherever the party is, however old, naming the screening field", () => {
    const hit = party("counterparties[0]", ["SG"], { result: "hit", screenedOn: "2019-01-01" });
    expect(sanctionsHits([hit], ["IR"])).toEqual([{ party: hit, reasons: ["listed"], sanctionedCountries: [], fields: ["counterparties[0].screening"] }]);
  });

  it("does not flag a potential match or a clear screening", () => {
    expect(sanctionsHits([party("a", ["SG"], { result: "potential_match", screenedOn: "2026-11-01" })], REFERENCE)).toEqual([]);
    expect(sanctionsHits([party("a", ["SG"], { result: "clear", screenedOn: "2026-11-01" })], REFERENCE)).toEqual([]);
  });

  it("gives both reasons and both fields when both apply", () => {
    const [hit] = sanctionsHits([party("borrower", ["KP"], { result: "hit", screenedOn: "2026-11-01" })], ["KP"]);
    expect(hit?.reasons).toEqual(["jurisdiction", "listed"]);
    expect(hit?.fields).toEqual(["borrower.country", "borrower.screening"]);
  });

  it("lists every hit, in party order", () => {
    const hits = sanctionsHits(
      [party("a", ["CU"]), party("b", ["JP"]), party("c", ["SY"]), party("d", ["US"], { result: "hit", screenedOn: "2026-11-01" })],
      ["CU", "SY"],
    );
    expect(hits.map((h) => h.party.path)).toEqual(["a", "c", "d"]);
  });

  it("compares country codes case-insensitively", () => {
    expect(sanctionsHits([party("a", ["IR"])], ["ir"])).toHaveLength(1);
    expect(sanctionsHits([party("a", ["ir"])], ["IR"])[0]?.fields).toEqual(["a.country"]);
  });

  it("uses the policy's list, not a built-in one", () => {
    expect(sanctionsHits([party("a", ["IR"])], [])).toEqual([]);
    expect(sanctionsHits([party("a", ["RU"])], ["RU"])).toHaveLength(1);
  });
});
