import { InProcessExecutor } from "@kyocho/core";
import { createReferenceCouncil, referenceExperts } from "@kyocho/graphs";
import { startTestModelServer, DEFAULT_REPLY } from "@kyocho/testing";
import { benchModels, BENCH_MODEL } from "./lib/bench-models.js";
import { loadFourExpertCase, fourExpertQuestion } from "./lib/fixtures.js";
const server = await startTestModelServer({ latencyMs: 0, models: [BENCH_MODEL] });
server.respond("*", DEFAULT_REPLY);
const { models } = await benchModels(server, referenceExperts.map((e) => e.name));
const council = createReferenceCouncil({ executor: new InProcessExecutor(referenceExperts, { models }) });
const c = loadFourExpertCase(council);
for (let i = 0; i < 30; i++) { server.reset(); server.respond("*", DEFAULT_REPLY); await council.assess({ question: fourExpertQuestion(i), case: c }); }
const N = 200; const cpu0 = process.cpuUsage(); const t0 = performance.now();
for (let i = 0; i < N; i++) { server.reset(); server.respond("*", DEFAULT_REPLY); await council.assess({ question: fourExpertQuestion(100 + i), case: c }); }
const cpu = process.cpuUsage(cpu0);
console.log("per assessment: wall ms", ((performance.now() - t0) / N).toFixed(2), "cpu ms", ((cpu.user + cpu.system) / 1000 / N).toFixed(2));
await server.close();
