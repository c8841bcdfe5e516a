import type { Case, ExpertResult, Plan } from "@kyocho/core";

/** A value some sub-tasks wait for and one of them provides; later settlements are ignored. */
class Deferred<T> {
  readonly promise: Promise<T>;
  settled = false;
  private resolveFn!: (value: T) => void;
  private rejectFn!: (error: unknown) => void;

  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolveFn = resolve;
      this.rejectFn = reject;
    });
    // A rejection nobody waits for (no slot reached it) is not an unhandled one: the planner node throws it to the graph itself.
    this.promise.catch(() => undefined);
  }

  resolve(value: T): void {
    if (this.settled) return;
    this.settled = true;
    this.resolveFn(value);
  }

  reject(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.rejectFn(error);
  }
}

/** What every node of one run reads before the graph's state could carry it: the inputs, fixed once. */
export interface RunInputs {
  assessmentId: string;
  question: string;
  /** The case with its `asOf` filled in. */
  case: Case | undefined;
  asOf: string;
  /** A plan given with the input: the planner is skipped, the plan still validated. */
  givenPlan?: Plan | undefined;
}

/**
 * The rendezvous of one council run. LangGraph only shares state between
 * supersteps, and the council runs the planner and every expert in one
 * superstep so that a sub-task can start the moment its own dependencies are
 * met; they meet here instead: the planner posts the plan, each sub-task
 * posts its facts (before its model answers) and its final result, and a
 * dependant awaits exactly the ones it needs.
 *
 * Each board lives only while its run does: the graph removes it when the
 * last participant leaves.
 */
export class RunBoard {
  private readonly plan = new Deferred<Plan>();
  private readonly facts = new Map<string, Deferred<ExpertResult>>();
  private readonly answers = new Map<string, Deferred<ExpertResult>>();

  constructor(
    readonly inputs: RunInputs,
    /** Sub-tasks started before the plan was known (speculatively), by expert name. */
    readonly speculative: ReadonlyMap<string, Plan["tasks"][number]>,
  ) {}

  postPlan(plan: Plan): void {
    this.plan.resolve(plan);
  }

  failPlan(error: unknown): void {
    this.plan.reject(error);
  }

  waitForPlan(): Promise<Plan> {
    return this.plan.promise;
  }

  /** The sub-task's facts: what a dependant bound to facts reads. Posting again changes nothing. */
  postFacts(taskId: string, facts: ExpertResult): void {
    this.slot(this.facts, taskId).resolve(facts);
  }

  /** The sub-task's final result; also its facts if none were posted (an executor that cannot report them early). */
  postAnswer(taskId: string, result: ExpertResult): void {
    this.postFacts(taskId, result);
    this.slot(this.answers, taskId).resolve(result);
  }

  waitForFacts(taskId: string): Promise<ExpertResult> {
    return this.slot(this.facts, taskId).promise;
  }

  waitForAnswer(taskId: string): Promise<ExpertResult> {
    return this.slot(this.answers, taskId).promise;
  }

  private slot(map: Map<string, Deferred<ExpertResult>>, taskId: string): Deferred<ExpertResult> {
    let deferred = map.get(taskId);
    if (!deferred) {
      deferred = new Deferred<ExpertResult>();
      map.set(taskId, deferred);
    }
    return deferred;
  }
}
