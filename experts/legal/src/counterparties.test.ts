import { parseCase } from "@kyocho/core";
import { describe, expect, it } from "vitest";
import { describeParty, screenedParties } from "./counterparties.js";

const borrower = { name: "Acme Corp", country: "US" };

describe("screenedParties", () => {
  it("is empty with neither counterparties nor a borrower", () => {
    expect(screenedParties(parseCase({}))).toEqual([]);
  });

  it("adds the borrower with role borrower and KYC missing when no counterparty is the borrower", () => {
    const parties = screenedParties(
      parseCase({ borrower, counterparties: [{ name: "Target KK", country: "JP", role: "target", kyc: "complete" }] }),
    );
    expect(parties).toEqual([
      { name: "Target KK", country: "JP", role: "target", kyc: "complete", sanctionsHit: false, path: "counterparties[0]", implicit: false },
      { name: "Acme Corp", country: "US", role: "borrower", kyc: "missing", sanctionsHit: false, path: "borrower", implicit: true },
    ]);
  });

  it("adds the borrower when there is no counterparties section at all", () => {
    const parties = screenedParties(parseCase({ borrower }));
    expect(parties).toHaveLength(1);
    expect(parties[0]).toMatchObject({ role: "borrower", kyc: "missing", implicit: true });
  });

  it("does not add the borrower when a counterparty already has role borrower", () => {
    const parties = screenedParties(
      parseCase({ borrower, counterparties: [{ name: "Acme Holdings", country: "US", role: "borrower", kyc: "pending" }] }),
    );
    expect(parties).toHaveLength(1);
    expect(parties[0]).toMatchObject({ name: "Acme Holdings", kyc: "pending", implicit: false });
  });

  it("treats a listed counterparty without KYC as missing and without a screening flag as clean", () => {
    const [p] = screenedParties(parseCase({ counterparties: [{ name: "Seller", country: "DE", role: "seller" }] }));
    expect(p).toMatchObject({ kyc: "missing", sanctionsHit: false, path: "counterparties[0]" });
  });

  it("keeps a screening hit", () => {
    const [p] = screenedParties(parseCase({ counterparties: [{ name: "X", country: "AE", role: "other", sanctionsHit: true }] }));
    expect(p?.sanctionsHit).toBe(true);
  });
});

describe("describeParty", () => {
  it("names the counterparty with its role and country", () => {
    expect(describeParty({ name: "Acme", role: "borrower", country: "US" })).toBe("Acme (borrower, US)");
  });
});
