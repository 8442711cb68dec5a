import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { measure, stats, withMemoryPeak } from "../../bench/harness";
import { DEFAULT_LATENCY, latencyFromArgs, modelledMs } from "../../bench/latency-model";
import { markdownTable, renderMarkdown, fmtRatio, type BenchResults } from "../../bench/report";
import { generatePlanText } from "../../bench/fixtures";
import { measureFirstPaint, scriptSources } from "../../bench/scenarios/bundle";
import { withBenchBlock } from "../../bench/run";

describe("stats", () => {
  it.each([
    [[3, 1, 2], 2, 1, 3],
    [[4, 1, 3, 2], 2.5, 1, 4],
    [[7], 7, 7, 7],
  ])("stats(%j) → median %d, min %d, max %d", (samples, median, min, max) => {
    expect(stats(samples)).toEqual({ median, min, max, runs: samples.length });
  });

  it("refuses no samples", () => {
    expect(() => stats([])).toThrow();
  });
});

describe("measure", () => {
  it("runs warm-up plus timed runs and returns the last result", async () => {
    let calls = 0;
    const r = await measure(() => ++calls, { runs: 4, warmup: 2 });
    expect(calls).toBe(6);
    expect(r.result).toBe(6);
    expect(r.time.runs).toBe(4);
    expect(r.time.min).toBeLessThanOrEqual(r.time.median);
    expect(r.time.median).toBeLessThanOrEqual(r.time.max);
  });

  it("sees memory grow while work holds it", async () => {
    const { result, memory } = await withMemoryPeak(async () => {
      const big = new Array(2_000_000).fill(1.5);
      await new Promise((r) => setTimeout(r, 20));
      return big.length;
    });
    expect(result).toBe(2_000_000);
    expect(memory.peakHeapUsed - memory.baseHeapUsed).toBeGreaterThan(8_000_000);
  });
});

describe("latency model", () => {
  it("adds syncs × latency, MB × cost and CPU time", () => {
    expect(
      modelledMs({ syncs: 3, totalBytes: 2_000_000, maxRequestBytes: 1 }, 10, { perSyncMs: 50, perMbMs: 80 }),
    ).toBe(150 + 160 + 10);
  });

  it("reads flags, then env, then defaults", () => {
    expect(latencyFromArgs([], {})).toEqual(DEFAULT_LATENCY);
    expect(latencyFromArgs(["--sync-ms", "20"], { BENCH_MB_MS: "5" })).toEqual({ perSyncMs: 20, perMbMs: 5 });
    expect(latencyFromArgs(["--mb-ms=7"], {}).perMbMs).toBe(7);
    expect(() => latencyFromArgs(["--sync-ms", "fast"], {})).toThrow(/sync-ms/);
  });
});

describe("report", () => {
  it("prints an aligned markdown table with escaped pipes", () => {
    const t = markdownTable(["a", "bb"], [["1", "x|y"]]);
    const lines = t.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^\|-+\|-+\|$/);
    expect(lines[2]).toContain("x\\|y");
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });

  it("names missed targets plainly", () => {
    const results: BenchResults = {
      generatedAt: "2022-10-17T00:00:00Z",
      machine: { node: "v20", platform: "linux", cpus: 2, cpuModel: "cpu" },
      latency: DEFAULT_LATENCY,
      options: {},
      totalSeconds: 1,
      sections: [{ title: "T", header: ["h"], rows: [["r"]] }],
      targets: [
        { target: "fast", verdict: "MISS", detail: "too slow" },
        { target: "small", verdict: "PASS", detail: "ok" },
      ],
      data: {},
    };
    const md = renderMarkdown(results);
    expect(md).toContain("**Missed:** fast (too slow)");
    expect(md).not.toContain("Why, and the plan");
    results.targets.push({
      target: "collect + aggregate 1000 × 100 < 100 ms",
      verdict: "MISS",
      detail: "1 s",
    });
    expect(renderMarkdown(results)).toMatch(
      /Why, and the plan[\s\S]*collect \+ aggregate 1000[\s\S]*\*\*Plan:\*\*/,
    );
    expect(md).toContain("| small  | PASS   | ok");
  });

  it("formats ratios", () => {
    expect(fmtRatio(1234.4)).toBe("1,234×");
    expect(fmtRatio(2.04)).toBe("2.0×");
  });
});

describe("fixtures", () => {
  it("generates a plan text with the asked number of tasks as lettered items under numbered ones", () => {
    const text = generatePlanText(12, 4);
    const section3 = text.slice(text.indexOf("III- TỔ CHỨC THỰC HIỆN"));
    const items = section3.split("\n").filter((l) => /^[a-z]\) /.test(l));
    expect(items).toHaveLength(12);
    expect(section3.split("\n").filter((l) => /^\d+- /.test(l))).toHaveLength(2);
    expect(new Set(items.map((l) => l.split(" tổ chức")[0].slice(3))).size).toBe(4);
  });
});

describe("first-paint bundle", () => {
  it("finds local scripts and ignores CDN ones", () => {
    const html = `<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
      <script defer="defer" src="taskpane.abc.js?x=1"></script><script src="/vendor.js"></script>`;
    expect(scriptSources(html)).toEqual(["taskpane.abc.js", "/vendor.js"]);
  });

  it("counts the bundle the ES5 start check loads (data-bundle) as first-paint JS", () => {
    const html = `<script id="start-check" src="start-check.1.js" data-bundle="vendor.2.js taskpane.3.js"></script>`;
    expect(scriptSources(html)).toEqual(["start-check.1.js", "vendor.2.js", "taskpane.3.js"]);
  });

  it("sums gzip sizes of the entry scripts only", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-dist-"));
    mkdirSync(join(dir, "js"));
    const a = "console.log('a');".repeat(500);
    const b = "var b = 1;".repeat(50);
    writeFileSync(join(dir, "js", "a.js"), a);
    writeFileSync(join(dir, "b.js"), b);
    writeFileSync(join(dir, "lazy.js"), "x".repeat(100_000));
    writeFileSync(join(dir, "taskpane.html"), `<script src="js/a.js"></script><script src="b.js"></script>`);
    const fp = measureFirstPaint(dir);
    expect(fp.scripts.map((s) => s.file)).toEqual([join("js", "a.js"), "b.js"]);
    expect(fp.totalGzipBytes).toBe(gzipSync(a).length + gzipSync(b).length);
    expect(fp.totalBytes).toBe(a.length + b.length);
  });
});

describe("README block", () => {
  it("replaces only the text between the bench markers", () => {
    const readme = "# T\n<!-- bench:start -->\nold\n<!-- bench:end -->\nafter\n";
    expect(withBenchBlock(readme, "| a |\n")).toBe(
      "# T\n<!-- bench:start -->\n| a |\n<!-- bench:end -->\nafter\n",
    );
    expect(withBenchBlock("# no markers", "x")).toBeNull();
  });
});
