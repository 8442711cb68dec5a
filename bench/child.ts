/**
 * Run a command as a child process and time it (wall clock, including start-up), with its peak memory.
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

export interface ChildRun {
  ms: number;
  /** User + system CPU ms of the child and its children, when measured through bash's `time`. */
  cpuMs: number | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runChild(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number },
): Promise<ChildRun> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...(options.env ?? {}) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 120_000);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ ms: performance.now() - t0, cpuMs: null, code, stdout, stderr });
    });
  });
}

const TIME_MARK = "@@bench-time";

/** CPU ms of every child run through runChildTimed so far (for the whole bench's CPU figure). */
export const childCpu = { ms: 0 };

/** Quote one argument for bash. */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/**
 * Like runChild, through bash's `time` keyword, so the child's CPU time (user + system, its own children
 * included) is known beside the wall clock. Falls back to wall clock only when bash is missing.
 */
export async function runChildTimed(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number },
): Promise<ChildRun> {
  const script = `TIMEFORMAT='${TIME_MARK} %R %U %S'; time ${[command, ...args].map(shellQuote).join(" ")}`;
  let r: ChildRun;
  try {
    r = await runChild("bash", ["-c", script], options);
  } catch {
    return runChild(command, args, options);
  }
  const line = r.stderr.split("\n").find((l) => l.startsWith(TIME_MARK));
  if (line) {
    const [, , user, sys] = line.split(" ");
    r.cpuMs = (Number(user) + Number(sys)) * 1000;
    childCpu.ms += r.cpuMs;
    r.stderr = r.stderr.replace(line, "");
  }
  return r;
}
