/**
 * Results as data, printed as markdown tables (stdout and bench/results.md) and written as JSON
 * (bench/results.json). A row whose code has not landed says "n/a (not built yet)" instead of failing.
 */
import { writeFileSync } from "node:fs";
import type { Stats } from "./harness";
import { explainMisses } from "./known-misses";

export const NOT_BUILT = "n/a (not built yet)";

export type Verdict = "PASS" | "MISS" | "n/a";

export interface TargetCheck {
  /** What is promised, e.g. "create ≤ 3 syncs at every size". */
  target: string;
  verdict: Verdict;
  /** The figure it was judged on, and why it missed when it did. */
  detail: string;
}

export interface Section {
  title: string;
  /** Optional paragraph under the title (how to read the table). */
  note?: string;
  header: string[];
  rows: string[][];
}

export interface BenchResults {
  generatedAt: string;
  machine: {
    node: string;
    platform: string;
    cpus: number;
    cpuModel: string;
    /** 1-minute load average at the start and at the end (how busy the machine was). */
    loadAverage?: { start: number; end: number };
  };
  latency: { perSyncMs: number; perMbMs: number };
  options: Record<string, unknown>;
  totalSeconds: number;
  /** CPU seconds of the bench process and its timed children (user + system). */
  cpuSeconds?: number;
  sections: Section[];
  targets: TargetCheck[];
  /** Raw figures per scenario, for anyone who wants to re-plot them. */
  data: Record<string, unknown>;
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => escapeCell(r[i] ?? "").length), 3),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => escapeCell(c ?? "").padEnd(widths[i])).join(" | ")} |`;
  const sep = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  return [line(header), sep, ...rows.map((r) => line(header.map((_, i) => r[i] ?? "")))].join("\n");
}

export function renderMarkdown(results: BenchResults): string {
  const out: string[] = [];
  out.push(
    `Measured ${results.generatedAt} on ${results.machine.cpus}× ${results.machine.cpuModel}, node ${results.machine.node}; ` +
      `latency model ${results.latency.perSyncMs} ms per sync + ${results.latency.perMbMs} ms per MB + measured CPU; ` +
      `whole bench ${results.totalSeconds.toFixed(1)} s` +
      (results.cpuSeconds !== undefined ? ` (${results.cpuSeconds.toFixed(0)} s CPU)` : "") +
      (results.machine.loadAverage
        ? `; load average ${results.machine.loadAverage.start.toFixed(1)} at the start, ` +
          `${results.machine.loadAverage.end.toFixed(1)} at the end (${results.machine.cpus} CPUs).`
        : "."),
  );
  for (const s of results.sections) {
    out.push("", `### ${s.title}`, "");
    if (s.note) out.push(s.note, "");
    out.push(markdownTable(s.header, s.rows));
  }
  out.push("", "### Targets", "");
  out.push(
    markdownTable(
      ["target", "result", "figure"],
      results.targets.map((t) => [t.target, t.verdict, t.detail]),
    ),
  );
  const missed = results.targets.filter((t) => t.verdict === "MISS");
  const pending = results.targets.filter((t) => t.verdict === "n/a");
  out.push("");
  if (missed.length) out.push(`**Missed:** ${missed.map((t) => `${t.target} (${t.detail})`).join("; ")}.`);
  else out.push("**Missed:** none.");
  if (pending.length)
    out.push(`**Not measured:** ${pending.map((t) => `${t.target} (${t.detail})`).join("; ")}.`);
  const explained = explainMisses(results.targets);
  if (explained.length) {
    out.push("", "**Why, and the plan:**", "");
    for (const e of explained) out.push(`- *${e.target}* — ${e.why} **Plan:** ${e.plan}`);
  }
  return out.join("\n") + "\n";
}

export function writeResults(results: BenchResults, jsonPath: string, mdPath: string): void {
  writeFileSync(jsonPath, JSON.stringify(results, null, 2) + "\n", "utf8");
  writeFileSync(mdPath, renderMarkdown(results), "utf8");
}

// ---- formatting ---------------------------------------------------------------------------------

export function fmtMs(ms: number): string {
  if (ms >= 120_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** "12.3 ms (11.9–13.0)": median with min–max. */
export function fmtStats(s: Stats, unit: (n: number) => string = fmtMs): string {
  return `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`;
}

export function fmtBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(2)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

export function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return "–";
  if (r >= 100) return `${Math.round(r).toLocaleString("en-US")}×`;
  if (r >= 10) return `${r.toFixed(0)}×`;
  return `${r.toFixed(1)}×`;
}
