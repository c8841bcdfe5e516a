import { describe, expect, it } from "vitest";
import { decisionViolations } from "./summary-decision-check.js";

describe("decisionViolations", () => {
  it("accepts a summary that states the decision, in English or Japanese", () => {
    expect(decisionViolations("Rating high, decision escalate: KYC is pending for the target.", "escalate")).toEqual([]);
    expect(decisionViolations("The facility is declined: the seller is on a sanctions list.", "decline")).toEqual([]);
    expect(decisionViolations("Approved subject to two conditions: a hedge and a sanctions clause.", "approve_with_conditions")).toEqual([]);
    expect(decisionViolations("評価は高、判断は上申（escalate）です。対象会社のKYCが未了です。", "escalate")).toEqual([]);
    expect(decisionViolations("制裁対象の取引先があるため謝絶とします。", "decline")).toEqual([]);
  });

  it("allows approval words that claim nothing: negated, pending, sought", () => {
    expect(decisionViolations("Escalate: it cannot be approved until KYC is complete.", "escalate")).toEqual([]);
    expect(decisionViolations("Decision escalate; approval is pending the committee's review.", "escalate")).toEqual([]);
    expect(decisionViolations("Escalated to the committee for approval.", "escalate")).toEqual([]);
    expect(decisionViolations("上申とします。KYC完了まで承認できません。", "escalate")).toEqual([]);
  });

  it("refuses a summary that does not state the decision, or calls a deal approved that is not", () => {
    expect(decisionViolations("Approved. The deal is low risk.", "escalate")).toEqual([
      "it does not state the decision escalate",
      "it calls the deal approved, but the decision is escalate",
    ]);
    expect(decisionViolations("Decision decline, but we approve the deal anyway.", "decline")).toEqual([
      "it calls the deal approved, but the decision is decline",
    ]);
    expect(decisionViolations("本件は承認します。判断は上申です。", "escalate")).toEqual(["it calls the deal approved, but the decision is escalate"]);
    expect(decisionViolations("The leverage is 3.2x and the hedge ratio 40%.", "approve")).toEqual(["it does not state the decision approve"]);
  });
});
