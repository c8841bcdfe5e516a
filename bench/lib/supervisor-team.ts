import { ChatOpenAI } from "@langchain/openai";
import { tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { createSupervisor } from "@langchain/langgraph-supervisor";
import { z } from "zod";
import type { Case, Expert, ExpertResult, Plan, Policy } from "@kyocho/core";
import type { TestModelServer } from "@kyocho/testing";
import { BENCH_MODEL } from "./bench-models.js";

/** The name of an expert's agent in the supervisor team, and so of its hand-off tool (`transfer_to_<agent>`). */
export const agentName = (expert: string) => `${expert}_agent`;
/** The name of the tool through which an agent runs its expert. */
export const expertToolName = (expert: string) => `${expert}_expert`;
/** The `X-Kyocho-Caller` each chat model of the team sends, so the test endpoint can answer each in its part. */
export const supervisorCaller = "supervisor";
export const agentCaller = (expert: string) => `agent-${expert}`;

/** Options of {@link createSupervisorTeam}. */
export interface SupervisorTeamOptions {
  server: TestModelServer;
  experts: ReadonlyArray<Expert<any>>;
  policy: Policy;
  case: Case;
  /** The plan kyocho's embedded planner makes for the case: each expert's task and sub-question, and who depends on whom. */
  plan: Plan;
}

/**
 * The alternative users reach for: LangGraph's `createSupervisor` over one
 * `createReactAgent` per expert, every chat model a `ChatOpenAI` on the same
 * test endpoint as kyocho's. Each agent's one tool is its kyocho expert (the
 * deterministic path: calculators, rules, knowledge — the agent's own model
 * calls stand for the expert's model), given the results of the experts it
 * depends on that have already run.
 *
 * @example
 * const team = createSupervisorTeam({ server, experts: referenceExperts, policy, case: c, plan });
 * await team.graph.invoke({ messages: [{ role: "user", content: question }] });
 * team.toolRuns() // 4
 */
export function createSupervisorTeam(options: SupervisorTeamOptions) {
  const { server, policy, plan } = options;
  const results = new Map<string, ExpertResult>();
  let runs = 0;
  const chat = (caller: string) =>
    new ChatOpenAI({
      model: BENCH_MODEL,
      apiKey: "bench",
      temperature: 0,
      maxRetries: 0,
      configuration: { baseURL: server.baseURL, defaultHeaders: { "X-Kyocho-Caller": caller } },
    });

  const agents = options.experts.map((expert) => {
    const task = plan.tasks.find((t) => t.expert === expert.name);
    if (!task) throw new Error(`the plan has no task for ${expert.name}`);
    const run = tool(
      async ({ question }: { question: string }) => {
        runs++;
        const dependencies: Record<string, ExpertResult> = {};
        for (const dep of task.dependsOn) {
          const depTask = plan.tasks.find((t) => t.id === dep);
          const result = depTask && results.get(depTask.expert);
          if (result) dependencies[result.expert] = result;
        }
        const result = await expert.run({ assessmentId: "supervisor-bench", task: { ...task, question }, case: options.case, policy, dependencies });
        results.set(expert.name, result);
        return JSON.stringify({
          status: result.status,
          findings: result.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, title: f.title })),
          metrics: result.metrics,
        });
      },
      {
        name: expertToolName(expert.name),
        description: `Runs the ${expert.name} expert (${expert.description}) on the case.`,
        schema: z.object({ question: z.string().describe("The sub-question for this expert") }),
      },
    );
    return createReactAgent({
      llm: chat(agentCaller(expert.name)),
      tools: [run],
      name: agentName(expert.name),
      prompt: `You are the ${expert.name} agent of a bank's credit committee. Use your tool, then report its findings.`,
    });
  });

  const graph = createSupervisor({
    agents,
    llm: chat(supervisorCaller),
    prompt: "You are the supervisor of a bank's credit committee. Hand the question to each expert agent in turn, then summarise.",
  }).compile();

  return {
    graph,
    /** Tool runs (expert runs) since the last `reset`. */
    toolRuns: () => runs,
    reset: () => {
      runs = 0;
      results.clear();
    },
  };
}
