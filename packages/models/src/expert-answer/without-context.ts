import type { ModelClient } from "@kyocho/core";

/**
 * The same model, used without knowledge context: the expert's retrieved
 * passages are left out of its prompt (`info.context === false`). Every call
 * still goes to the wrapped client. This is the "without context" arm of an
 * evaluation, or how to run a model fine-tuned on the bank's documents.
 *
 * @example
 * const bare = withoutContext(models.forExpert("fx")!);
 * await fxExpert.run(request, { model: bare }); // the prompt's passages block is []
 */
export function withoutContext(model: ModelClient): ModelClient {
  return {
    get info() {
      return { ...model.info, context: false };
    },
    complete: (turns, options) => model.complete(turns, options),
  };
}
