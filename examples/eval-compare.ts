/**
 * The evaluation table, side by side: `kyocho eval cases examples/cases
 * --compare` against a scripted local endpoint, so it runs anywhere without
 * a GPU.
 *
 *   npm run example:eval-compare
 *
 * The endpoint is a test double (see `support/scripted-endpoint.ts`), not a
 * model: its answers and latencies are scripted, and the table shows what is
 * measured, not how any model does. For real figures, point the same command
 * at your own server:
 *
 *   npx kyocho eval cases examples/cases --compare --config examples/config/local-vllm.yaml
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "@kyocho/cli";
import { startScriptedEvalEndpoint } from "./support/scripted-endpoint.js";

const cases = relative(process.cwd(), fileURLToPath(new URL("./cases", import.meta.url))) || ".";
const endpoint = await startScriptedEvalEndpoint();
try {
  process.stderr.write(`kyocho example: a scripted test endpoint at ${endpoint.baseURL} (not a model) stands in for the bank's server\n`);
  await main(["node", "kyocho", "eval", "cases", cases, "--compare", "--compare-endpoint", endpoint.baseURL, ...process.argv.slice(2)]);
} finally {
  await endpoint.close();
}
