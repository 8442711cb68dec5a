/**
 * The reliability corpus cannot silently shrink: count its cases (each `test`/`it`, each row of a
 * `test.each` table) across test/reliability/*.test.ts and the regressions, with the TypeScript parser,
 * and hold them to the floor below. Raise a floor when you add cases; lowering one needs a reason in the
 * commit. docs/reliability.md lists every case and what the product does for it.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const DIR = __dirname;

/** Elements of an array literal, following one `const name = [...]` in the same file. */
function tableSize(arg: ts.Expression, file: ts.SourceFile): number {
  let e: ts.Expression = arg;
  while (ts.isAsExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isArrayLiteralExpression(e)) return e.elements.length;
  if (ts.isIdentifier(e)) {
    let size = 1;
    const visit = (n: ts.Node): void => {
      if (
        ts.isVariableDeclaration(n) &&
        ts.isIdentifier(n.name) &&
        n.name.text === e.getText(file) &&
        n.initializer
      )
        size = tableSize(n.initializer, file);
      else ts.forEachChild(n, visit);
    };
    visit(file);
    return size;
  }
  // `LIST.map(...)`: as many as LIST. Any other computed table: counted once.
  if (
    ts.isCallExpression(e) &&
    ts.isPropertyAccessExpression(e.expression) &&
    e.expression.name.text === "map"
  )
    return tableSize(e.expression.expression, file);
  return 1;
}

/** `test`, `it`, `test.failing`, `test.each(table)`, `test.failing.each(table)` … → number of cases. */
function countCases(text: string, name = "x.ts"): number {
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let count = 0;
  const head = (e: ts.Expression): string =>
    ts.isPropertyAccessExpression(e) ? head(e.expression) : e.getText(file);
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      // test.each(table)(name, fn)
      if (
        ts.isCallExpression(callee) &&
        ts.isPropertyAccessExpression(callee.expression) &&
        callee.expression.name.text === "each" &&
        ["test", "it"].includes(head(callee.expression))
      ) {
        count += tableSize(callee.arguments[0], file);
      } else if (
        (ts.isIdentifier(callee) && ["test", "it"].includes(callee.text)) ||
        (ts.isPropertyAccessExpression(callee) &&
          ["failing", "concurrent"].includes(callee.name.text) &&
          ["test", "it"].includes(head(callee)))
      ) {
        count += 1;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return count;
}

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return e.name.endsWith(".test.ts") && e.name !== "corpus-index.test.ts" ? [p] : [];
  });
}

/** Floors per file (cases counted when the corpus was indexed). */
const FLOORS: Record<string, number> = {
  "plan-input.test.ts": 11,
  "sheet-names.test.ts": 11,
  "unit-tabs.test.ts": 27,
  "excel-host.test.ts": 13,
  "state-part.test.ts": 15,
  "co-authoring.test.ts": 5,
  "co-authoring-sessions.test.ts": 3,
  "sheet-ids.test.ts": 4,
  "no-data-lost.property.test.ts": 2,
  "security.test.ts": 19,
  "regressions/reopen-after-plan-change.test.ts": 3,
  "regressions/section-v-rewritten.test.ts": 4,
  "regressions/harness-can-fail.test.ts": 2,
  "regressions/reopen-keeps-manual-submitted.test.ts": 2,
};

describe("reliability corpus index", () => {
  const counts = Object.fromEntries(
    testFiles(DIR).map((f) => [
      path.relative(DIR, f).split(path.sep).join("/"),
      countCases(fs.readFileSync(f, "utf8"), f),
    ]),
  );

  test("the counter counts plain tests, .failing, and each row of test.each tables", () => {
    const sample = `
      const rows = [[1], [2], [3]];
      test("a", () => {});
      it("b", () => {});
      test.failing("c", () => {});
      test.each(rows)("d %s", () => {});
      test.each([["x"], ["y"]])("e %s", () => {});
      it.each(rows.map((r) => [r]))("e2 %s", () => {});
      test.failing.each([[1], [2]])("f", () => {});
      describe("g", () => { test("h", () => {}); });
    `;
    expect(countCases(sample)).toBe(1 + 1 + 1 + 3 + 2 + 3 + 2 + 1);
  });

  test.each(Object.entries(FLOORS))("%s keeps at least %i cases", (file, floor) => {
    expect(counts[file]).toBeGreaterThanOrEqual(floor);
  });

  test("counts as indexed (printed for whoever raises the floors)", () => {
    if (process.env.PRINT_CORPUS_COUNTS) console.log(counts);
    expect(Object.keys(counts).length).toBeGreaterThanOrEqual(Object.keys(FLOORS).length);
  });

  test("at least 40 cases in all, and every file of the corpus is indexed", () => {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(40);
    expect(Object.keys(counts).filter((f) => !(f in FLOORS))).toEqual([]);
  });

  test("docs/reliability.md names every corpus file", () => {
    const doc = fs.readFileSync(path.join(DIR, "../../docs/reliability.md"), "utf8");
    expect(Object.keys(FLOORS).filter((f) => !doc.includes(path.basename(f)))).toEqual([]);
  });
});
