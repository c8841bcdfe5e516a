// A what-if worker thread: builds the baseline and the candidate council once, from the two policies it is
// given and the reference experts, then assesses each case it is sent under both (see WhatIfWorkerPool).
import { parentPort, workerData } from "node:worker_threads";
import type { Policy } from "@kyocho/core/policy";
import { createCouncil } from "@kyocho/council";
import { referenceExperts } from "@kyocho/reference-council";
import { assessPair, type WhatIfCase } from "./run-whatif.js";

const { before, after } = workerData as { before: Policy; after: Policy };
const base = createCouncil({ experts: referenceExperts, policy: before });
const candidate = createCouncil({ experts: referenceExperts, policy: after });

parentPort!.on("message", (message: { seq: number; item: WhatIfCase }) => {
  assessPair(base, candidate, message.item).then(
    (result) => parentPort!.postMessage({ seq: message.seq, result }),
    (error: unknown) => parentPort!.postMessage({ seq: message.seq, error: error instanceof Error ? error.message : String(error) }),
  );
});
