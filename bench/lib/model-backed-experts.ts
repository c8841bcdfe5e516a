import { defineExpert } from "@kyocho/expert-kit";
import type { Expert } from "@kyocho/core";

/**
 * `count` independent synthetic experts (`synth-1` … `synth-<count>`) whose
 * deterministic path does nothing: all their time is one call to their model
 * (the test endpoint, answering after L), so a fan-out to k of them should
 * take L whatever k is. Each is required by any case, so every one is planned.
 *
 * @example
 * const experts = modelBackedExperts(16);
 * const council = createCouncil({ experts, policy: syntheticPolicy(), executor: new InProcessExecutor(experts, { models }) });
 */
export function modelBackedExperts(count: number): Array<Expert<undefined>> {
  return Array.from({ length: count }, (_, i) =>
    defineExpert({
      name: `synth-${i + 1}`,
      description: `synthetic expert ${i + 1}: its model call is all it does`,
      keywords: [`synth${i + 1}`],
      isRequired: () => true,
      run: () => ({ findings: [], metrics: {} }),
    }),
  );
}
