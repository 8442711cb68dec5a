/**
 * Reliability corpus, state part (issue 7): the custom XML part that carries the plan is missing,
 * corrupted, from a newer layout version, or there are two of ours. Each case: the exact Vietnamese and
 * English message, nothing written to the workbook, and the workbook stays usable.
 */
import * as fs from "fs";
import * as path from "path";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { createWorkbook } from "../../src/app/create-workbook";
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { submitUnitTab } from "../../src/app/submit-unit-tab";
import { reopenUnitTab } from "../../src/app/reopen-unit-tab";
import type { WorkbookPort } from "../../src/app/workbook-port";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import { parseState, serializeState } from "../../src/core/state/serialize-state";
import { STATE_NAMESPACE, type WorkbookState } from "../../src/core/state/types";
import { AppError, StateCorruptError, StateMissingError, StateVersionError } from "../../src/core/errors";

const NOW = new Date("2022-10-17T10:00:00+07:00");
const SEED = parsePlan(fs.readFileSync(path.join(__dirname, "../fixtures/plans/seed-334-KH-CB.txt"), "utf8"));

interface Bench {
  host: SimulatedExcelHost;
  port: WorkbookPort;
}

function bench(): Bench {
  const host = new SimulatedExcelHost({ sheets: ["Dữ liệu riêng"] });
  host.setCellByUser("Dữ liệu riêng", "A1", "Sổ chi tiêu của chi bộ");
  host.setCellByUser("Dữ liệu riêng", "B2", 1250000);
  const port = createOfficeWorkbookPort(host.runner, {
    isSetSupported: (v) => host.isSetSupported("ExcelApi", v),
  });
  return { host, port };
}

async function created(): Promise<Bench & { state: WorkbookState }> {
  const b = bench();
  const r = await createWorkbook(b.port, {
    plan: SEED,
    indicators: defaultIndicators(SEED),
    planId: "p0000000000000334",
  });
  return { ...b, state: r.state };
}

/** Replace our part with `xml` the way another tool (or a broken save) would leave it. */
function replaceOurPart(host: SimulatedExcelHost, xml: string | null): void {
  for (const p of host.model.parts.filter((x) => x.namespaceUri === STATE_NAMESPACE))
    host.model.deletePart(p);
  // As a damaged file may hold it: not checked as XML (the add-in's own writes are, by the simulated host).
  if (xml !== null) host.addDamagedCustomXmlPart(xml);
}

/** Exact bilingual message of an AppError thrown by `f`. */
async function failure(f: () => Promise<unknown>): Promise<AppError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError, nothing was thrown");
}

const CORRUPT_VI = "Dữ liệu kế hoạch trong sổ bị hỏng: ";
const CORRUPT_EN = "The plan data in the workbook is corrupt: ";

/** Every use-case refuses the same way and writes nothing. */
async function everyUseCaseRefuses(
  b: Bench,
  expected: { type: new (...a: never[]) => AppError; vi: string; en: string },
  unitSheetId = "none",
): Promise<void> {
  const before = JSON.stringify(b.host.snapshot());
  const attempts: [string, () => Promise<unknown>][] = [
    ["summary", () => collectAndSummarise(b.port, { now: NOW })],
    ["submit", () => submitUnitTab(b.port, { sheetId: unitSheetId, now: NOW })],
    ["reopen", () => reopenUnitTab(b.port, { unitId: "u1", comment: "x", now: NOW })],
  ];
  for (const [, attempt] of attempts) {
    const e = await failure(attempt);
    expect(e).toBeInstanceOf(expected.type);
    expect({ vi: e.messageVi, en: e.messageEn }).toEqual({ vi: expected.vi, en: expected.en });
  }
  expect(JSON.stringify(b.host.snapshot())).toBe(before);
}

describe("state part missing", () => {
  const expected = {
    type: StateMissingError,
    vi: "Sổ này chưa được tạo bằng Tổng hợp báo cáo, hoặc đã được lưu bằng một chương trình khác làm mất dữ liệu kế hoạch (không thấy phần dữ liệu, cũng không thấy bản sao trong trang theo dõi). Hãy tạo sổ theo dõi trước, hoặc mở bản gốc của sổ.",
    en: "This workbook was not created by Tổng hợp báo cáo, or another program saved it and lost the plan data (no data part, and no copy in the tracker sheet). Create the tracker first, or open the original workbook.",
  };

  test("a workbook never created: summary, submit and reopen refuse; a create then works and keeps the unrelated sheet", async () => {
    const b = bench();
    await everyUseCaseRefuses(b, expected);
    const r = await createWorkbook(b.port, { plan: SEED, indicators: defaultIndicators(SEED) });
    expect(r.state.units.map((u) => u.sheetName)).toEqual([
      "BCH Công đoàn",
      "Tổ đảng 1",
      "Các Tổ chức đoàn thể",
    ]);
    expect(b.host.values("Dữ liệu riêng")).toEqual({ A1: "Sổ chi tiêu của chi bộ", B2: 1250000 });
    const summary = await collectAndSummarise(b.port, { now: NOW });
    expect(summary.submissions).toHaveLength(3);
  });

  // Issue 14: a program that drops custom XML parts (Document Inspector, Google Sheets' download, ExcelJS-
  // or SheetJS-based tools) saved the workbook. The tracker keeps a copy of the state in its hidden column H.
  test("the part removed from a created workbook: rebuilt from the tracker's copy, said, written back; nothing lost", async () => {
    const b = await created();
    const [u1, u2] = b.state.units;
    const fill = (id: string, v: number) => {
      const s = b.host.model.findSheet(id)!;
      for (const ind of b.state.indicators) {
        const row = Number(
          [...s.cells].find(([k, c]) => k.endsWith(",0") && c.value === ind.code)![0].split(",")[0],
        );
        b.host.setCellByUser(id, `D${row + 1}`, v);
      }
    };
    fill(u1.sheetId!, 4);
    fill(u2.sheetId!, 7);
    await submitUnitTab(b.port, { sheetId: u2.sheetId!, now: NOW, user: "Minh", confirmWarnings: true });
    const original = await collectAndSummarise(b.port, { now: NOW, dryRun: true });

    replaceOurPart(b.host, null);
    const fresh = createOfficeWorkbookPort(b.host.runner, { isSetSupported: () => true });
    const rebuilt = await collectAndSummarise(fresh, { now: NOW });
    expect(rebuilt.findings[0]).toMatchObject({
      severity: "info",
      kind: "STATE_REBUILT",
      sheet: "Kế hoạch",
      cell: "H1",
    });
    expect(rebuilt.findings[0].messageVi).toContain(
      'đã dựng lại từ bản sao trong trang "Kế hoạch" (cột H ẩn)',
    );
    expect(rebuilt.findings[0].messageEn).toContain(
      'rebuilt from the copy in sheet "Kế hoạch" (hidden column H)',
    );
    const strip = (r: typeof original) => ({
      totals: r.totals,
      findings: r.findings.filter((f) => f.kind !== "STATE_REBUILT"),
      units: r.submissions.map((x) => [
        x.unitId,
        x.sheet,
        x.submitted,
        x.submittedAt,
        x.submittedBy,
        x.values,
      ]),
    });
    expect(strip(rebuilt)).toEqual(strip(original));
    // Written back: one part again, the same plan, and the next run says nothing more.
    const parts = b.host.snapshot().parts.filter((p) => p.namespaceUri === STATE_NAMESPACE);
    expect(parts).toHaveLength(1);
    expect(parseState(parts[0].xml)).toMatchObject({ planId: b.state.planId, plan: b.state.plan });
    const next = await collectAndSummarise(fresh, { now: NOW });
    expect(next.findings.some((f) => f.kind === "STATE_REBUILT")).toBe(false);
  });

  test("submit and reopen with the part removed: rebuilt, the part written back with their write", async () => {
    for (const act of ["submit", "reopen"] as const) {
      const b = await created();
      const u = b.state.units[0];
      const s = b.host.model.findSheet(u.sheetId!)!;
      for (const ind of b.state.indicators) {
        const row = Number(
          [...s.cells].find(([k, c]) => k.endsWith(",0") && c.value === ind.code)![0].split(",")[0],
        );
        b.host.setCellByUser(u.sheetId!, `D${row + 1}`, 3);
      }
      replaceOurPart(b.host, null);
      if (act === "submit") {
        const r = await submitUnitTab(b.port, { sheetId: u.sheetId!, now: NOW, confirmWarnings: true });
        expect(r.outcome).toBe("submitted");
        expect(r.findings[0]).toMatchObject({ kind: "STATE_REBUILT" });
      } else {
        const r = await reopenUnitTab(b.port, { unitId: u.unitId, comment: "x", now: NOW });
        expect(r.notices[0].en).toContain("rebuilt from the copy");
      }
      expect(b.host.snapshot().parts.filter((p) => p.namespaceUri === STATE_NAMESPACE)).toHaveLength(1);
    }
  });

  test("the part removed and the tracker deleted too: every use-case refuses, nothing written; create makes new tabs beside the old", async () => {
    const b = await created();
    const tab = b.state.units[1];
    const cell = "D2";
    const typed = b.host.cell(tab.sheetId!, cell);
    replaceOurPart(b.host, null);
    b.host.deleteSheet(b.state.trackerSheet.sheetId!);
    await everyUseCaseRefuses(b, expected, tab.sheetId!);
    // Without any copy of the state the old tabs cannot be told from foreign sheets (their key holds the old
    // plan id): a new create leaves them exactly as they were and makes new tabs under free names.
    const before = b.host.snapshot().sheets.filter((s) => s.name !== "Dữ liệu riêng");
    const again = await createWorkbook(b.port, { plan: SEED, indicators: defaultIndicators(SEED), now: NOW });
    const after = b.host.snapshot().sheets;
    for (const s of before) expect(after.find((x) => x.id === s.id)).toEqual(s);
    expect(b.host.cell(tab.sheetId!, cell)).toEqual(typed);
    expect(again.state.units.every((u) => before.every((s) => s.id !== u.sheetId))).toBe(true);
  });

  test("'Cập nhật sổ' with the part removed: rebuilt from the tracker, the same tabs updated, no new tab", async () => {
    const b = await created();
    replaceOurPart(b.host, null);
    const names = b.host.snapshot().sheets.map((s) => s.name);
    const again = await createWorkbook(b.port, { plan: SEED, indicators: defaultIndicators(SEED), now: NOW });
    expect(again.notices[0].en).toContain("rebuilt from the copy");
    expect(b.host.snapshot().sheets.map((s) => s.name)).toEqual(names);
    expect(again.state.units.map((u) => u.sheetId)).toEqual(b.state.units.map((u) => u.sheetId));
    expect(b.host.snapshot().parts.filter((p) => p.namespaceUri === STATE_NAMESPACE)).toHaveLength(1);
  });
});

describe("state part corrupted", () => {
  const cases: [string, string, string, string][] = [
    [
      "truncated XML (a save cut short)",
      `<?xml version="1.0" encoding="UTF-8"?><state xmlns="${STATE_NAMESPACE}" version="1"><![CDATA[{"planId":"p1"`,
      "tài liệu XML bị cắt cụt.",
      "the XML document is truncated.",
    ],
    [
      "JSON broken inside a well-formed part",
      `<state xmlns="${STATE_NAMESPACE}" version="1"><![CDATA[{"planId": "p1", "plan": {]]></state>`,
      "nội dung JSON không đọc được.",
      "the JSON content is unreadable.",
    ],
    [
      "JSON that is not an object",
      `<state xmlns="${STATE_NAMESPACE}" version="1"><![CDATA[[1,2,3]]]></state>`,
      "nội dung không phải là một đối tượng.",
      "the content is not an object.",
    ],
    [
      "empty root element",
      `<state xmlns="${STATE_NAMESPACE}" version="1"/>`,
      "phần dữ liệu trống.",
      "the data part is empty.",
    ],
    [
      "version attribute missing",
      `<state xmlns="${STATE_NAMESPACE}"><![CDATA[{}]]></state>`,
      "thiếu hoặc sai số phiên bản bố cục.",
      "the layout version is missing or invalid.",
    ],
    [
      "plan id missing",
      `<state xmlns="${STATE_NAMESPACE}" version="1"><![CDATA[{"layoutVersion":1}]]></state>`,
      "thiếu mã kế hoạch (planId).",
      "the plan id (planId) is missing.",
    ],
    [
      "unit list edited by hand into garbage",
      "UNITS",
      "danh sách đơn vị không đọc được.",
      "the unit list is unreadable.",
    ],
  ];

  test.each(cases)("%s: exact message; nothing written; other sheets intact", async (_name, xml, vi, en) => {
    const b = await created();
    const text = xml === "UNITS" ? serializeState({ ...b.state, units: [{ name: 7 }] as never }) : xml;
    replaceOurPart(b.host, text);
    await everyUseCaseRefuses(
      b,
      { type: StateCorruptError, vi: CORRUPT_VI + vi, en: CORRUPT_EN + en },
      b.state.units[0].sheetId!,
    );
    // "Tạo sổ" refuses too rather than overwrite tabs it can no longer recognise.
    const before = JSON.stringify(b.host.snapshot());
    const e = await failure(() =>
      createWorkbook(b.port, { plan: SEED, indicators: defaultIndicators(SEED) }),
    );
    expect(e).toBeInstanceOf(StateCorruptError);
    expect(e.messageVi).toBe(CORRUPT_VI + vi);
    expect(JSON.stringify(b.host.snapshot())).toBe(before);
    expect(b.host.values("Dữ liệu riêng")).toEqual({ A1: "Sổ chi tiêu của chi bộ", B2: 1250000 });
  });

  test("rewritten by another XML tool (CDATA split, entities): still read, summary works", async () => {
    const b = await created();
    const json = JSON.stringify(b.state);
    const escaped = json.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const half = Math.floor(escaped.length / 2);
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<ns0:state xmlns:ns0="${STATE_NAMESPACE}" version="1">${escaped.slice(0, half)}` +
      `<![CDATA[${json.slice(json.length - (escaped.length - half))}]]></ns0:state>`;
    // Only valid when the tail was not escaped: fall back to all-escaped text otherwise.
    const usable = escaped.slice(half) === json.slice(json.length - (escaped.length - half)) ? xml : null;
    replaceOurPart(
      b.host,
      usable ?? `<ns0:state xmlns:ns0="${STATE_NAMESPACE}" version="1">${escaped}</ns0:state>`,
    );
    expect(parseState(b.host.model.parts.find((p) => p.namespaceUri === STATE_NAMESPACE)!.xml)).toEqual(
      b.state,
    );
    const r = await collectAndSummarise(b.port, { now: NOW });
    expect(r.submissions.map((s) => s.found)).toEqual([true, true, true]);
  });

  test("a part of another add-in's namespace is ignored and kept", async () => {
    const b = await created();
    const other = `<settings xmlns="urn:other-addin"><theme>dark</theme></settings>`;
    b.host.addCustomXmlPart(other);
    await collectAndSummarise(b.port, { now: NOW });
    await createWorkbook(b.port, { plan: SEED, indicators: defaultIndicators(SEED) });
    const parts = b.host.snapshot().parts;
    expect(parts.filter((p) => p.namespaceUri === "urn:other-addin").map((p) => p.xml)).toEqual([other]);
    expect(parts.filter((p) => p.namespaceUri === STATE_NAMESPACE)).toHaveLength(1);
  });
});

describe("state part from a newer layout version", () => {
  const expected = {
    type: StateVersionError,
    vi: "Sổ được tạo bằng phiên bản mới hơn (bố cục 2, phiên bản này hỗ trợ 1). Hãy cập nhật add-in.",
    en: "The workbook was made by a newer version (layout 2; this version supports 1). Update the add-in.",
  };

  test.each([
    ["version attribute 2", (s: WorkbookState) => serializeState(s).replace('version="1"', 'version="2"')],
    [
      "layoutVersion 2 in the JSON",
      (s: WorkbookState) => serializeState({ ...s, layoutVersion: 2 }).replace('version="2"', 'version="1"'),
    ],
  ])("%s: every use-case refuses; create does not downgrade the workbook", async (_n, make) => {
    const b = await created();
    replaceOurPart(b.host, make(b.state));
    await everyUseCaseRefuses(b, expected, b.state.units[0].sheetId!);
    const before = JSON.stringify(b.host.snapshot());
    const e = await failure(() =>
      createWorkbook(b.port, { plan: SEED, indicators: defaultIndicators(SEED) }),
    );
    expect(e).toBeInstanceOf(StateVersionError);
    expect([e.messageVi, e.messageEn]).toEqual([expected.vi, expected.en]);
    expect(JSON.stringify(b.host.snapshot())).toBe(before);
  });
});

describe("two parts of the same plan (co-authors' writes at the same time)", () => {
  test("merged, never refused: the newest part's fields, both histories; written back as one part", async () => {
    const b = await created();
    const older = {
      ...b.state,
      savedAt: "2022-10-16T09:00:00+07:00",
      history: [
        { unitId: "u1", kind: "manual" as const, at: "2022-10-16T09:00:00+07:00", by: null, comment: null },
      ],
    };
    const newer = {
      ...b.state,
      savedAt: "2022-10-16T09:05:00+07:00",
      summarySheet: { sheetId: null, sheetName: "Tổng hợp" },
      history: [
        { unitId: "u2", kind: "submit" as const, at: "2022-10-16T09:04:00+07:00", by: "Minh", comment: null },
      ],
    };
    replaceOurPart(b.host, serializeState(older));
    b.host.addCustomXmlPart(serializeState(newer));
    const r = await collectAndSummarise(b.port, { now: NOW });
    expect(r.state.history.map((e) => `${e.unitId}:${e.kind}`)).toEqual(["u1:manual", "u2:submit"]);
    expect(r.submissions[1]).toMatchObject({ submitted: true, submittedBy: "Minh" });
    const parts = b.host.snapshot().parts.filter((p) => p.namespaceUri === STATE_NAMESPACE);
    expect(parts).toHaveLength(1);
    expect(parseState(parts[0].xml).history).toHaveLength(2);
  });
});

describe("two plans in one workbook", () => {
  test("two of our parts (tabs of another plan's file copied in): clear refusal, nothing written", async () => {
    const b = await created();
    const other = bench();
    const plan2 = { ...SEED, number: "12-KH/ĐTN", title: "Tháng Thanh niên" };
    const r2 = await createWorkbook(other.port, {
      plan: plan2,
      indicators: defaultIndicators(plan2),
      planId: "p0000000000000012",
    });
    b.host.addCustomXmlPart(serializeState(r2.state));
    const first = `${b.state.plan.number} (${b.state.plan.title})`;
    const vi =
      CORRUPT_VI +
      `sổ chứa 2 kế hoạch: kế hoạch số ${first}; kế hoạch số 12-KH/ĐTN (Tháng Thanh niên). ` +
      "Mỗi sổ chỉ theo dõi một kế hoạch; hãy tách thành 2 sổ.";
    const en =
      CORRUPT_EN +
      `the workbook holds 2 plans (two plans in one workbook): plan ${first}; plan 12-KH/ĐTN (Tháng Thanh niên). ` +
      "A workbook tracks one plan; split it into 2 workbooks.";
    await everyUseCaseRefuses(b, { type: StateCorruptError, vi, en }, b.state.units[0].sheetId!);
    const before = JSON.stringify(b.host.snapshot());
    const e = await failure(() =>
      createWorkbook(b.port, { plan: SEED, indicators: defaultIndicators(SEED) }),
    );
    expect([e.messageVi, e.messageEn]).toEqual([vi, en]);
    expect(JSON.stringify(b.host.snapshot())).toBe(before);
    // Removing the stray part makes the workbook usable again, with the units' tabs as they were.
    replaceOurPart(b.host, serializeState(b.state));
    const ok = await collectAndSummarise(b.port, { now: NOW });
    expect(ok.submissions.map((s) => s.found)).toEqual([true, true, true]);
  });
});
