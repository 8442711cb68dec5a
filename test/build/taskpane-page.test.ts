/**
 * The built task pane page, as Excel loads it: a production build (the minifier included) into a temporary
 * folder, then its HTML and files are read. About a minute.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "acorn";

const ROOT = join(__dirname, "..", "..");
let out = "";

beforeAll(() => {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  out = mkdtempSync(join(ROOT, ".tmp", "build-test-"));
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "webpack", "bin", "webpack.js"),
      "--mode",
      "production",
      "--env",
      `out=${relative(ROOT, out)}`,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
}, 600_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

/** The <script> tags of a page, in document order. */
function scripts(html: string): { src: string; attributes: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => ({
    src: /\bsrc="([^"]*)"/.exec(m[1])?.[1] ?? "",
    attributes: m[1],
  }));
}

describe("the built task pane page (A2, B4)", () => {
  it("loads only office.js and the ES5 start check, which names the bundle; the start check comes after #root", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    const tags = scripts(html);
    expect(tags.map((t) => t.src.replace(/\.[0-9a-f]{8}\.js$/, ".js"))).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "start-check.js",
    ]);
    expect(html.indexOf('id="root"')).toBeLessThan(html.indexOf('id="start-check"'));
    const bundle = /data-bundle="([^"]*)"/.exec(tags[1].attributes)![1].split(" ");
    expect(bundle.length).toBeGreaterThan(0);
    expect(bundle[0]).toMatch(/^taskpane\.[0-9a-f]{8}\.js$/);
    for (const file of bundle) expect(existsSync(join(out, file))).toBe(true);
    expect(tags[1].attributes).toMatch(/data-start-timeout="\d+"/);
  });

  it("ships the start check unminified and parseable as ES5, while the bundle needs ES2020", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    const startCheck = scripts(html)[1].src;
    const shipped = readFileSync(join(out, startCheck), "utf8");
    expect(shipped).toBe(readFileSync(join(ROOT, "src", "taskpane", "start-check.js"), "utf8"));
    expect(() => parse(shipped, { ecmaVersion: 5 })).not.toThrow();
    const bundle = /data-bundle="([^" ]*)/.exec(html)![1];
    const code = readFileSync(join(out, bundle), "utf8");
    expect(() => parse(code, { ecmaVersion: 2019, sourceType: "script" })).toThrow();
  });

  it("the commands page starts the same way", () => {
    const tags = scripts(readFileSync(join(out, "commands.html"), "utf8"));
    expect(tags[1].src).toMatch(/^start-check\.[0-9a-f]{8}\.js$/);
    expect(tags[1].attributes).toMatch(/data-bundle="commands\.[0-9a-f]{8}\.js"/);
  });

  it("lets office.js frame its own origin (its trust check on unlisted Office web hosts)", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    expect(html).toMatch(/frame-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
  });
});
