import { describe, expect, it } from "vitest";
import { issuerKey, normalizeIssuer } from "./issuer-key.js";

describe("issuerKey", () => {
  it("groups two spellings of one name: trimmed, lower-cased, whitespace collapsed", () => {
    expect(issuerKey({ issuer: "Japan Government" })).toBe("japan government");
    expect(issuerKey({ issuer: " japan  government" })).toBe("japan government");
    expect(issuerKey({ issuer: "JAPAN\tGOVERNMENT " })).toBe("japan government");
  });

  it("keeps a different name apart unless an issuerId joins them", () => {
    expect(issuerKey({ issuer: "Japan Govt" })).not.toBe(issuerKey({ issuer: "Japan Government" }));
    expect(issuerKey({ issuer: "Japan Govt", issuerId: "JP-MOF" })).toBe(issuerKey({ issuer: "Japan Government", issuerId: "jp-mof" }));
  });

  it("prefers the issuerId over the name", () => {
    expect(issuerKey({ issuer: "Acme Holdings", issuerId: "5493001KJTIIGC8Y1R12" })).toBe("5493001kjtiigc8y1r12");
    expect(normalizeIssuer("  Kanto\n Power ")).toBe("kanto power");
  });
});
