/**
 * HyperFormula (GPL-3.0) and the simulated Excel host are dev tools: the playground bundles them, the
 * add-in must not. Walks the static and dynamic imports reachable from the production entries (webpack's
 * `taskpane` and `commands`) and checks that neither is among them.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = join(__dirname, "..", "..");
const PRODUCTION_ENTRIES = ["src/taskpane/index.tsx", "src/commands/commands.ts"];
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*(?:\/\*[^*]*\*\/\s*)?["']([^"']+)["']\s*\)/g;

function resolveFile(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, "index.ts"),
    join(base, "index.tsx"),
  ])
    if (existsSync(candidate) && !candidate.endsWith("/")) {
      try {
        readFileSync(candidate);
        return candidate;
      } catch {
        /* a directory */
      }
    }
  throw new Error(`cannot resolve ${spec} from ${relative(ROOT, from)}`);
}

function reachable(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = entries.map((e) => join(ROOT, e));
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(IMPORT)) {
      if (m[1]) continue; // `import type` / `export type`: erased, bundles nothing
      const spec = m[2] ?? m[3];
      if (spec.startsWith(".")) queue.push(resolveFile(file, spec));
      else packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
    }
  }
  return { files, packages };
}

describe("what the add-in's bundle can reach", () => {
  const { files, packages } = reachable(PRODUCTION_ENTRIES);

  test("the walk sees the pane, its lazy chunks and their packages", () => {
    const names = [...files].map((f) => relative(ROOT, f));
    expect(names).toEqual(
      expect.arrayContaining([
        "src/taskpane/components/App.tsx",
        "src/taskpane/components/SummaryScreen.tsx",
        "src/excel/office-workbook-port.ts",
      ]),
    );
    expect([...packages]).toEqual(expect.arrayContaining(["react", "@fluentui/react-components", "docx"]));
  });

  test("no HyperFormula, no simulated host, no playground", () => {
    expect([...packages].filter((p) => p === "hyperformula")).toEqual([]);
    expect(
      [...files].map((f) => relative(ROOT, f)).filter((f) => /^src\/(testing|playground)\//.test(f)),
    ).toEqual([]);
  });

  test("the playground does reach them (the walk would notice)", () => {
    const playground = reachable(["src/playground/index.tsx"]);
    expect(playground.packages.has("hyperformula")).toBe(true);
  });
});
