import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { KYOCHO_BIN, REPO_ROOT } from "./fixtures.js";

/**
 * Child processes of the benchmark: `kyocho` commands (the built CLI, as a
 * user runs it), helper scripts in TypeScript, and what /proc says about them.
 *
 * @example
 * const worker = spawnKyocho(["worker"], { env });
 * await waitForOutput(worker, "stderr", /ready on/);
 * console.log(procMemory(worker.pid).peakRssMb);
 * await stopProcess(worker);
 */
export function spawnKyocho(args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, [KYOCHO_BIN, ...args], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"], ...options });
}

/** Runs a TypeScript file of the benchmark in its own Node process (through tsx's loader, whoever started us). */
export function spawnScript(path: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path, ...args], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"], ...options });
}

/** Resolves when the child has written `pattern` on the stream; rejects if it exits first. */
export function waitForOutput(child: ChildProcess, stream: "stdout" | "stderr", pattern: RegExp): Promise<void> {
  const source = child[stream];
  return new Promise((resolve, reject) => {
    if (!source) return reject(new Error(`the child's ${stream} is not piped`));
    let text = "";
    source.setEncoding("utf8");
    const onData = (chunk: string) => {
      text += chunk;
      if (pattern.test(text)) {
        source.off("data", onData);
        child.off("exit", onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => reject(new Error(`a benchmark process exited (${code}) before it was ready: ${text.slice(-500)}`));
    source.on("data", onData);
    child.once("exit", onExit);
  });
}

/** Waits for the child to exit; resolves with its code, its stdout and stderr (when piped). */
export function waitForExit(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => void (stdout += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => void (stderr += d));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child is gone. */
export async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** A process's resident memory now and at its peak (VmRSS, VmHWM), in MB; NaN where there is no /proc. */
export function procMemory(pid: number | undefined): { rssMb: number; peakRssMb: number } {
  const path = `/proc/${pid}/status`;
  if (pid === undefined || !existsSync(path)) return { rssMb: Number.NaN, peakRssMb: Number.NaN };
  const status = readFileSync(path, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb("VmRSS") / 1024, peakRssMb: kb("VmHWM") / 1024 };
}

/**
 * Follows a child's peak RSS until it exits (VmHWM only grows, so the last
 * reading before exit is the peak, give or take the last `intervalMs`).
 */
export function watchPeakRss(child: ChildProcess, intervalMs = 50): () => number {
  let peak = Number.NaN;
  const read = () => {
    const { peakRssMb } = procMemory(child.pid);
    if (Number.isFinite(peakRssMb)) peak = Number.isFinite(peak) ? Math.max(peak, peakRssMb) : peakRssMb;
  };
  read();
  const timer = setInterval(read, intervalMs);
  timer.unref();
  child.once("exit", () => clearInterval(timer));
  return () => peak;
}

/** User + system CPU seconds of a process, from /proc (0 where there is no /proc). */
export function procCpuSeconds(pid: number | undefined): number {
  const path = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(path)) return 0;
  const fields = readFileSync(path, "utf8").split(") ")[1]!.split(" ");
  // utime and stime are fields 14 and 15 of stat; after "pid (comm) " they are at 11 and 12. Clock ticks are 100/s on Linux.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds of this process's children that have exited and been reaped
 * (cutime + cstime of /proc/self/stat): how to count the CPU of a child that
 * is gone by the time one asks, such as a finished `kyocho batch`.
 */
export function reapedChildrenCpuSeconds(): number {
  const path = "/proc/self/stat";
  if (!existsSync(path)) return 0;
  const fields = readFileSync(path, "utf8").split(") ")[1]!.split(" ");
  // cutime and cstime are fields 16 and 17 of stat: 13 and 14 after "pid (comm) ".
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
