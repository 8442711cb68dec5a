/**
 * Choosing indicators from the command line (newcomer review M3: "init has no way to choose indicators"):
 * `indicators --list [--json]` prints the catalogue, `indicators <plan> [--json]` the suggestion for a plan
 * (the JSON is what `init --indicators <file.json>` takes), and a wrong file is refused with the JSON path of
 * each problem, in Vietnamese and English. docs/indicators.md is the catalogue, generated from the code.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/main";
import { catalogueMarkdown } from "../../src/cli/format-catalogue";
import { EXIT } from "../../src/cli/exit-codes";
import { INDICATOR_CATALOGUE, TOPIC_LABELS } from "../../src/core/workbook/indicator-catalogue";
import { parseState } from "../../src/core/state/serialize-state";
import { openWorkbookFile } from "../../src/file/workbook-file";
import { tempDir } from "../support/libreoffice";

const ROOT = resolve(__dirname, "../..");
const FOOD = join(ROOT, "test/fixtures/plans/commune-food-safety.txt");

async function run(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("indicators --list", () => {
  it("prints the catalogue by topic, every code, in Vietnamese and English", async () => {
    const r = await run(ROOT, "indicators", "--list");
    expect(r.code).toBe(EXIT.OK);
    for (const e of INDICATOR_CATALOGUE) expect(r.stdout).toContain(e.code);
    expect(r.stdout).toContain(TOPIC_LABELS.inspection.vi);
    expect(r.stdout).toContain(TOPIC_LABELS.inspection.en);
  });

  it("--json prints the catalogue as data", async () => {
    const r = await run(ROOT, "indicators", "--list", "--json");
    expect(r.code).toBe(EXIT.OK);
    const list = JSON.parse(r.stdout) as { code: string; topic: string; keywords: string[] }[];
    expect(list.map((e) => e.code)).toEqual(INDICATOR_CATALOGUE.map((e) => e.code));
    expect(list.find((e) => e.code === "KT_SO_CUOC")).toMatchObject({ topic: "inspection" });
  });
});

describe("indicators <plan>", () => {
  it("prints the suggestion with the units each topic is required of", async () => {
    const r = await run(ROOT, "indicators", FOOD);
    expect(r.code).toBe(EXIT.OK);
    expect(r.stdout).toMatch(/Kiểm tra, giám sát.*Công an xã, Trạm Y tế xã/u);
    expect(r.stdout).toContain("KT_SO_CUOC");
  });

  it("--json is a file init --indicators takes back", async () => {
    const dir = tempDir("ind-cli-");
    const r = await run(ROOT, "indicators", FOOD, "--json");
    expect(r.code).toBe(EXIT.OK);
    const json = JSON.parse(r.stdout) as { indicators: { code: string; required: boolean }[] };
    // The secretary drops the money rows and makes one figure optional, then creates the workbook with it.
    json.indicators = json.indicators
      .filter((i) => !["KINH_PHI", "KT_TIEN_PHAT"].includes(i.code))
      .map((i) => (i.code === "KT_VI_PHAM" ? { ...i, required: false } : i));
    const file = join(dir, "chi-tieu.json");
    writeFileSync(file, JSON.stringify(json, null, 2));
    const out = join(dir, "so.xlsx");
    const init = await run(dir, "init", FOOD, "-o", out, "--indicators", file);
    expect(init.stderr).not.toContain("Lỗi");
    expect(init.code).toBe(EXIT.OK);
    const state = parseState((await (await openWorkbookFile(out)).readOverview()).stateXml!);
    expect(state.indicators.map((i) => i.code)).toEqual(json.indicators.map((i) => i.code));
    expect(state.indicators.find((i) => i.code === "KT_VI_PHAM")?.required).toBe(false);
  });
});

describe("init --indicators <file.json>", () => {
  it("takes catalogue codes and the secretary's own indicators", async () => {
    const dir = tempDir("ind-init-");
    const file = join(dir, "chi-tieu.json");
    writeFileSync(
      file,
      JSON.stringify([
        "KT_SO_CUOC",
        { code: "KT_SO_CO_SO", required: false },
        { name: "Số mẫu thực phẩm xét nghiệm nhanh", unit: "mẫu", required: true, topic: "inspection" },
      ]),
    );
    const out = join(dir, "so.xlsx");
    expect((await run(dir, "init", FOOD, "-o", out, "--indicators", file)).code).toBe(EXIT.OK);
    const state = parseState((await (await openWorkbookFile(out)).readOverview()).stateXml!);
    expect(state.indicators).toEqual([
      expect.objectContaining({ code: "KT_SO_CUOC", required: true, topic: "inspection" }),
      expect.objectContaining({ code: "KT_SO_CO_SO", required: false }),
      {
        code: "SO_MAU_THUC_PHAM_XET",
        name: "Số mẫu thực phẩm xét nghiệm nhanh",
        unit: "mẫu",
        type: "integer",
        aggregation: "sum",
        required: true,
        topic: "inspection",
      },
    ]);
  });

  it.each([
    [
      "a wrong type, with its JSON path",
      JSON.stringify({ indicators: ["KT_SO_CUOC", { name: "Số mẫu", unit: "mẫu", type: "số" }] }),
      ['$.indicators[1].type: "số" không phải một trong', '$.indicators[1].type: "số" is not one of'],
    ],
    [
      "an unknown catalogue code",
      JSON.stringify(["KT_SO_CUOC", "KHONG_CO"]),
      [
        '$[1]: không có chỉ tiêu mã "KHONG_CO" trong danh mục',
        '$[1]: no indicator "KHONG_CO" in the catalogue',
      ],
    ],
    [
      "a misspelt field",
      JSON.stringify([{ name: "Số mẫu", unit: "mẫu", requried: true }]),
      ["$[0].requried: trường không có", "$[0].requried: unknown field"],
    ],
    [
      "two indicators with one code",
      JSON.stringify(["KT_SO_CUOC", { code: "KT_SO_CUOC", name: "Số cuộc", unit: "cuộc" }]),
      [
        '$[1].code: Mã chỉ tiêu "KT_SO_CUOC" bị trùng',
        '$[1].code: Indicator code "KT_SO_CUOC" is duplicated',
      ],
    ],
    ["not JSON", "[KT_SO_CUOC", ["không phải JSON hợp lệ", "is not valid JSON"]],
    ["an empty list", "[]", ["$: danh sách chỉ tiêu trống", "$: the list of indicators is empty"]],
  ])("refuses %s: exit 1, nothing written, both languages", async (_name, content, texts) => {
    const dir = tempDir("ind-bad-");
    const file = join(dir, "chi-tieu.json");
    writeFileSync(file, content);
    const out = join(dir, "so.xlsx");
    const r = await run(dir, "init", FOOD, "-o", out, "--indicators", file);
    expect(r.code).toBe(EXIT.FILE_ERROR);
    for (const t of texts) expect(r.stderr).toContain(t);
    expect(r.stderr).toContain(file);
    expect(() => readFileSync(out)).toThrow();
  });
});

test("docs/indicators.md is the catalogue as the code has it (UPDATE_DOCS=1 rewrites it)", () => {
  const path = join(ROOT, "docs/indicators.md");
  const want = catalogueMarkdown();
  if (process.env.UPDATE_DOCS === "1") writeFileSync(path, want);
  expect(readFileSync(path, "utf8")).toBe(want);
});
