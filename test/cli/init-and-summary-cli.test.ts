/** The `init` and `summary` commands: outputs, the input never modified, errors with file names, exit codes. */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { initCommand } from "../../src/cli/commands/init";
import { summaryCommand } from "../../src/cli/commands/summary";
import { EXIT, EXIT_CODE_TABLE } from "../../src/cli/exit-codes";
import { newWorkbook, openWorkbookFile, saveWorkbook } from "../../src/file/workbook-file";
import { tempDir } from "../support/libreoffice";
import { captureIo, CREATED_AT, SUMMARY_AT } from "./summary-support";

const ROOT = resolve(__dirname, "../..");
const SEED = join(ROOT, "examples/334-KH-CB.txt");
const BIN = join(ROOT, "bin/tong-hop-bao-cao.js");

describe("init", () => {
  it("creates the tracker and unit tabs; refuses to overwrite without --force", async () => {
    const dir = tempDir("init-");
    const out = join(dir, "so.xlsx");
    const io = captureIo();
    expect(await initCommand([SEED, "-o", out, "--now", CREATED_AT.toISOString()], io)).toBe(EXIT.OK);
    const port = await openWorkbookFile(out);
    const o = await port.readOverview();
    expect(o.stateXmlCount).toBe(1);
    expect(o.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Kế hoạch"]));
    expect(o.sheets.length).toBe(4); // tracker + 3 units of the seed plan
    const again = captureIo();
    expect(await initCommand([SEED, "-o", out], again)).toBe(EXIT.USAGE);
    expect(again.err.join("")).toContain("--force");
    expect(await initCommand([SEED, "-o", out, "--force"], captureIo())).toBe(EXIT.OK);
  });

  it.each([
    [
      "a missing plan file → 1, naming the file",
      ["khong-co.txt", "-o", "x.xlsx"],
      EXIT.FILE_ERROR,
      "khong-co.txt",
    ],
    ["no -o → 2", [SEED], EXIT.USAGE, "-o"],
    ["an unknown option → 2", [SEED, "-o", "x.xlsx", "--bogus"], EXIT.USAGE, "bogus"],
  ])("%s", async (_name, args, code, text) => {
    const dir = tempDir("init-err-");
    const io = captureIo(dir);
    expect(await initCommand(args, io)).toBe(code);
    expect(io.err.join("")).toContain(text);
  });

  it("a plan that assigns no task to any unit → 3", async () => {
    const dir = tempDir("init-none-");
    const plan = join(dir, "trong.txt");
    writeFileSync(plan, "KẾ HOẠCH\nTổ chức học tập nghị quyết\nI. MỤC ĐÍCH, YÊU CẦU\nNâng cao nhận thức.\n");
    const io = captureIo();
    expect(await initCommand([plan, "-o", join(dir, "x.xlsx")], io)).toBe(EXIT.NO_TASKS);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });
});

describe("summary", () => {
  let dir: string;
  let workbook: string;
  beforeAll(async () => {
    dir = tempDir("summary-");
    workbook = join(dir, "so.xlsx");
    await initCommand([SEED, "-o", workbook, "--now", CREATED_AT.toISOString()], captureIo());
  });

  it("writes beside the input by default and never modifies it; --in-place does", async () => {
    const before = readFileSync(workbook);
    const io = captureIo();
    expect(await summaryCommand([workbook, "--now", SUMMARY_AT], io)).toBe(EXIT.OK);
    expect(readFileSync(workbook).equals(before)).toBe(true);
    const copy = join(dir, "so.tong-hop.xlsx");
    const o = await (await openWorkbookFile(copy)).readOverview();
    expect(o.sheets.map((s) => s.name)).toContain("Tổng hợp");
    expect(io.out.join("")).toContain("Tổng hợp 3 đơn vị");
    expect(io.out.join("")).toContain("Summarised 3 units");

    const docx = join(dir, "bc.docx");
    expect(
      await summaryCommand([workbook, "--now", SUMMARY_AT, "--in-place", "--docx", docx], captureIo()),
    ).toBe(EXIT.OK);
    expect(readFileSync(workbook).equals(before)).toBe(false);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe("PK");
  });

  it("--json alone writes nothing and prints the contract", async () => {
    const io = captureIo();
    expect(await summaryCommand([workbook, "--now", SUMMARY_AT, "--json"], io)).toBe(EXIT.OK);
    const json = JSON.parse(io.out.join(""));
    expect(Object.keys(json)).toEqual(["units", "totals", "excluded", "findings"]);
    expect(Object.keys(json.units[0])).toEqual(["name", "sheet", "status", "submittedAt", "values"]);
  });

  it.each([
    [
      "a file that is not a workbook → 1",
      async () => writeText("x.xlsx", "not a zip"),
      EXIT.FILE_ERROR,
      "x.xlsx",
      [],
    ],
    ["a workbook without plan data → 1", async () => blankWorkbook(), EXIT.FILE_ERROR, "blank.xlsx", []],
    ["a bad --now → 2", async () => workbook, EXIT.USAGE, "--now", ["--now", "hôm qua"]],
    [
      "-o with --in-place → 2",
      async () => workbook,
      EXIT.USAGE,
      "--in-place",
      ["-o", "a.xlsx", "--in-place"],
    ],
  ] as [string, () => Promise<string>, number, string, string[]][])(
    "%s",
    async (_name, make, code, text, extra) => {
      const file = await make();
      const io = captureIo(dir);
      expect(await summaryCommand([file, ...extra], io)).toBe(code);
      expect(io.err.join("")).toContain(text);
    },
  );

  function writeText(name: string, text: string): string {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  }
  async function blankWorkbook(): Promise<string> {
    const port = newWorkbook();
    port.workbook.addWorksheet("Sheet1");
    const p = join(dir, "blank.xlsx");
    await saveWorkbook(port, p);
    return p;
  }
});

describe("the installed binary", () => {
  it("runs main through tsx and returns its exit codes", () => {
    const dir = tempDir("bin-");
    const out = join(dir, "so.xlsx");
    execFileSync(process.execPath, [BIN, "init", SEED, "-o", out], { encoding: "utf8" });
    expect(existsSync(out)).toBe(true);
    const r = spawnSync(process.execPath, [BIN, "summary"], { encoding: "utf8" });
    expect(r.status).toBe(EXIT.USAGE);
    expect(r.stderr).toContain("Usage");
  });

  it("documents every exit code", () => {
    expect(EXIT_CODE_TABLE.map((e) => e.code)).toEqual([0, 1, 2, 3, 4]);
  });
});
