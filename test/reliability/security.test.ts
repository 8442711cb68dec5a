/**
 * Security (issue 7): no code evaluation or raw HTML in the add-in, a Content-Security-Policy without
 * 'unsafe-eval', ReadWriteDocument only, hyperlinks only inside the workbook, text from plans and units
 * never becomes a formula (Office.js adapter and file adapter), no per-unit password is kept in the
 * workbook (an old state part's clear password is dropped on the next write), and protection is exact: a submitted tab's inputs are locked, a reopened tab's unlocked where its rows are.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { createWorkbook } from "../../src/app/create-workbook";
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { submitUnitTab } from "../../src/app/submit-unit-tab";
import { reopenUnitTab } from "../../src/app/reopen-unit-tab";
import { newWorkbook, openWorkbookBuffer, workbookToBuffer } from "../../src/file/workbook-file";
import { generatePlan } from "../../src/core/workbook/generate-plan";
import { defaultIndicators, INDICATOR_CATALOGUE } from "../../src/core/workbook/indicator-catalogue";
import { buildWorkbookLayout } from "../../src/core/workbook/plan-changes";
import { buildSummaryLayout } from "../../src/core/summary/build-summary-layout";
import { serializeState } from "../../src/core/state/serialize-state";
import { STATE_NAMESPACE } from "../../src/core/state/types";
import type { CellSpec, SheetLayout, WorkbookChanges } from "../../src/core/workbook/model";
import { adr } from "../../src/core/workbook/address";
import { FIELD_VALUE_COLUMN, FOOTER_CODES, INDICATOR_COLUMNS } from "../../src/core/workbook/unit-tab-schema";

const ROOT = path.join(__dirname, "../..");
const NOW = new Date("2022-10-17T10:00:00+07:00");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|jsx|html)$/.test(e.name) ? [p] : [];
  });
}

function simPort(host: SimulatedExcelHost) {
  return createOfficeWorkbookPort(host.runner, { isSetSupported: (v) => host.isSetSupported("ExcelApi", v) });
}

describe("no code evaluation, no raw HTML", () => {
  const files = sourceFiles(path.join(ROOT, "src"));

  test.each([
    ["eval(", /(^|[^.\w])eval\s*\(/],
    ["new Function", /new\s+Function\s*\(/],
    ["dangerouslySetInnerHTML", /dangerouslySetInnerHTML/],
    ["innerHTML / outerHTML assignment", /\.(inner|outer)HTML\s*=(?!=)/],
    ["insertAdjacentHTML / document.write", /insertAdjacentHTML|document\.write(ln)?\s*\(/],
    ["setTimeout/setInterval with a string", /set(Timeout|Interval)\s*\(\s*["'`]/],
  ])("src/ has no %s", (_name, pattern) => {
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((f) =>
      fs
        .readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${path.relative(ROOT, f)}:${i + 1}` }))
        .filter(({ line }) => pattern.test(line))
        .map(({ at }) => at),
    );
    expect(hits).toEqual([]);
  });

  test("the scan does find what it looks for", () => {
    expect(/(^|[^.\w])eval\s*\(/.test("const x = eval(code);")).toBe(true);
    expect(/\.(inner|outer)HTML\s*=(?!=)/.test("el.innerHTML = text")).toBe(true);
    expect(/\.(inner|outer)HTML\s*=(?!=)/.test("el.innerHTML === text")).toBe(false);
  });

  test("no network calls from the pane: no fetch, XMLHttpRequest, WebSocket or sendBeacon in src/", () => {
    const pane = files.filter(
      (f) => !f.includes(`${path.sep}cli${path.sep}`) && !f.includes(`${path.sep}testing${path.sep}`),
    );
    const hits = pane.filter((f) =>
      /\bfetch\s*\(|XMLHttpRequest|new\s+WebSocket|sendBeacon|EventSource/.test(fs.readFileSync(f, "utf8")),
    );
    expect(hits.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});

describe("Content-Security-Policy of the task pane", () => {
  // The page template takes its CSP from webpack.config.js: build the config and read what it gives.

  const config = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => { plugins: { userOptions?: { filename?: string; templateParameters?: { csp?: string } } }[] };

  test("the template has a CSP meta filled from the config", () => {
    const html = fs.readFileSync(path.join(ROOT, "src/taskpane/page.html"), "utf8");
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="<%= csp %>" \/>/);
  });

  test.each([
    ["production", { mode: "production" }],
    ["development", { mode: "development" }],
  ])("%s pages: scripts only from us and Office's CDN, no 'unsafe-eval', no inline script", (_n, argv) => {
    const pages = config({ playground: true }, argv).plugins.filter((p) => p.userOptions?.templateParameters);
    expect(pages.map((p) => p.userOptions!.filename)).toEqual(
      expect.arrayContaining(["taskpane.html", "commands.html"]),
    );
    for (const p of pages) {
      const csp = p.userOptions!.templateParameters!.csp!;
      const directives = Object.fromEntries(
        csp.split(";").map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
      );
      expect(csp).not.toContain("unsafe-eval");
      expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
      expect(directives["object-src"]).toEqual(["'none'"]);
      expect(directives["default-src"]).toEqual(["'self'"]);
      expect(directives["connect-src"].filter((s: string) => /^https?:/.test(s))).toEqual([]);
    }
  });

  test("the help page has its own CSP without scripts", () => {
    const html = fs.readFileSync(path.join(ROOT, "src/taskpane/help.html"), "utf8");
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(csp).toBe("default-src 'self'; style-src 'unsafe-inline'");
    expect(html).not.toMatch(/<script/i);
  });
});

test("manifest asks for ReadWriteDocument only", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  expect([...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual([
    "ReadWriteDocument",
  ]);
});

describe("hyperlinks the add-in writes point inside the workbook", () => {
  const internal = (link: string) =>
    /^'(?:[^']|'')+'!\$?[A-Z]{1,3}\$?\d+$/.test(link) || link.startsWith("#");

  test("every CellSpec.link of a generated plan's layouts and its summary; every hyperlink stored in Excel", async () => {
    const host = new SimulatedExcelHost();
    const port = simPort(host);
    const plan = generatePlan(12, 7);
    const created = await createWorkbook(port, {
      plan,
      indicators: defaultIndicators(plan),
      planId: "p00000000000000ff",
    });
    // Units type things that give findings (each finding is a link in section IV).
    const code = created.state.indicators[0].code;
    for (const [i, u] of created.state.units.entries()) {
      const s = host.model.findSheet(u.sheetId!)!;
      const row = [...s.cells].find(([k, c]) => k.endsWith(",0") && c.value === code)![0].split(",")[0];
      host.setCellByUser(
        u.sheetId!,
        adr(Number(row), INDICATOR_COLUMNS.value),
        ["nhiều", "12 buổi", "-4", 5][i % 4],
      );
    }
    const summary = await collectAndSummarise(port, { now: NOW });
    const layouts: SheetLayout[] = [
      ...buildWorkbookLayout(summary.state).sheets,
      buildSummaryLayout(summary.report, { sheetName: "Tổng hợp" }),
    ];
    const links = layouts.flatMap((l) =>
      Object.values(l.cells).flatMap((c: CellSpec) => (c.link ? [c.link] : [])),
    );
    expect(links.length).toBeGreaterThan(12);
    expect(links.filter((l) => !internal(l))).toEqual([]);
    const stored = host
      .snapshot()
      .sheets.flatMap((s) => Object.values(s.cells).flatMap((c) => (c.hyperlink ? [c.hyperlink] : [])));
    expect(stored.length).toBeGreaterThan(12);
    expect(stored.filter((h) => h.documentReference === undefined || !internal(h.documentReference))).toEqual(
      [],
    );
    expect(stored.filter((h) => h.address !== undefined)).toEqual([]);
  });
});

describe("text from plans and units is never a formula", () => {
  const texts = [
    "=1+1",
    '=HYPERLINK("http://x","bấm")',
    "+1",
    "-1",
    "@SUM(A1)",
    "'quoted",
    "=cmd|' /C calc'!A0",
  ];
  const layout = (cells: Record<string, CellSpec>): SheetLayout => ({
    key: "unit:u1",
    role: "unit",
    name: "Thử",
    cells,
    merges: [],
    columnWidths: [10],
    inputRanges: [],
    validations: [],
    print: { paper: "A4", orientation: "portrait", fitToWidth: true },
    protection: { protect: false },
  });
  const changes = (): WorkbookChanges => {
    const cells = Object.fromEntries(texts.map((t, i) => [`A${i + 1}`, { value: t }]));
    return { patches: [{ sheetId: null, create: true, layout: layout(cells), cells }] };
  };

  test("Office.js adapter: each text reads back as the same text, no formula", async () => {
    const host = new SimulatedExcelHost();
    await simPort(host).applyChanges(changes());
    texts.forEach((t, i) => expect(host.cell("Thử", `A${i + 1}`)).toEqual({ value: t }));
  });

  test("file adapter: each text is a string cell, also after saving and opening the .xlsx", async () => {
    const port = newWorkbook();
    await port.applyChanges(changes());
    const reopened = await openWorkbookBuffer(await workbookToBuffer(port));
    for (const p of [port, reopened]) {
      const ws = p.workbook.getWorksheet("Thử")!;
      texts.forEach((t, i) => {
        const { type, value } = ws.getCell(`A${i + 1}`);
        expect({ type, value }).toEqual({ type: ExcelJS.ValueType.String, value: t });
      });
    }
  });

  test("a unit named like a formula: its tab and the tracker show the name as text", async () => {
    const host = new SimulatedExcelHost();
    const port = simPort(host);
    const evil = '=HYPERLINK("http://x.example","Bấm vào đây")';
    const plan = generatePlan(3, 1);
    plan.units = [...plan.units, { name: evil, members: [] }];
    plan.tasks = plan.tasks.map((t, i) =>
      i === plan.tasks.length - 1 ? { ...t, units: [...t.units, evil] } : t,
    );
    const r = await createWorkbook(port, {
      plan,
      indicators: defaultIndicators(plan),
      planId: "p00000000000000ee",
    });
    const unit = r.state.units.find((u) => u.name === evil)!;
    expect(unit).toBeDefined();
    const cells = host.snapshot().sheets.flatMap((s) => Object.values(s.cells));
    expect(cells.filter((c) => c.formula?.includes("x.example"))).toEqual([]);
    expect(cells.filter((c) => typeof c.value === "string" && c.value.includes(evil)).length).toBeGreaterThan(
      0,
    );
  });
});

describe("per-unit protection passwords and locking", () => {
  /**
   * A created workbook whose state part gives each unit a password in clear, as older versions could keep
   * it (nothing in the pane set one, but the state allowed it).
   */
  async function withPasswords() {
    const host = new SimulatedExcelHost();
    const port = simPort(host);
    const plan = generatePlan(3, 1);
    const r = await createWorkbook(port, {
      plan,
      indicators: defaultIndicators(plan),
      planId: "p00000000000000dd",
    });
    const state = r.state;
    // The state part replaced (as Excel's setXml does: a new part, the old one deleted).
    host.model.deletePart(host.model.parts.find((p) => p.namespaceUri === STATE_NAMESPACE)!);
    host.addCustomXmlPart(
      serializeState({
        ...state,
        units: state.units.map((u, i) => ({ ...u, password: `mk-${i + 1}-Tổ` })),
      } as typeof state),
    );
    const u = state.units[0];
    const s = host.model.findSheet(u.sheetId!)!;
    const rowOf = (code: string) =>
      Number([...s.cells].find(([k, c]) => k.endsWith(",0") && c.value === code)![0].split(",")[0]);
    const figure = adr(rowOf(state.indicators[0].code), INDICATOR_COLUMNS.value);
    const fill = () => {
      for (const ind of state.indicators)
        host.setCellByUser(u.sheetId!, adr(rowOf(ind.code), INDICATOR_COLUMNS.value), 3);
    };
    return { host, port, plan, state, u, figure, fill };
  }

  const statePartXml = (host: SimulatedExcelHost) =>
    host.model.parts.find((p) => p.namespaceUri === STATE_NAMESPACE)!.xml;

  test("a clear password in an old state part is gone after 'Cập nhật sổ' and submit; tabs stay protected", async () => {
    const { host, port, plan, state, u, fill } = await withPasswords();
    expect(statePartXml(host)).toContain("mk-1-Tổ");
    await createWorkbook(port, { plan, indicators: defaultIndicators(plan) });
    expect(statePartXml(host)).not.toContain("mk-");
    const sheets = host.snapshot().sheets;
    for (const unit of state.units)
      expect(sheets.find((s) => s.id === unit.sheetId)).toMatchObject({ protected: true, password: null });
    fill();
    const submitted = await submitUnitTab(port, {
      sheetId: u.sheetId!,
      now: NOW,
      user: "Lan",
      confirmWarnings: true,
    });
    expect(submitted.outcome).toBe("submitted");
    expect(statePartXml(host)).not.toContain("mk-");
    expect(host.snapshot().sheets.find((x) => x.id === u.sheetId)).toMatchObject({ protected: true });
  });

  // Was a known bug: the Office.js adapter only ever unlocked ranges, so the cells unlocked at creation
  // stayed unlocked after submit. Protection is now rendered exactly (render-commands' "lockUsed").
  test("after submit, the unit can no longer type its figures or its note; other units still can", async () => {
    const { host, port, state, u, figure, fill } = await withPasswords();
    fill();
    await submitUnitTab(port, { sheetId: u.sheetId!, now: NOW, user: "Lan", confirmWarnings: true });
    expect(() => host.setCellByUser(u.sheetId!, figure, 4)).toThrow(/protected/);
    const note = adr(rowOfCode(host, u.sheetId!, FOOTER_CODES.notes), FIELD_VALUE_COLUMN);
    expect(() => host.setCellByUser(u.sheetId!, note, "sửa sau khi nộp")).toThrow(/protected/);
    expect(host.cell(u.sheetId!, figure)).toMatchObject({ value: 3 });
    const other = state.units[1];
    const otherFigure = adr(
      rowOfCode(host, other.sheetId!, state.indicators[0].code),
      INDICATOR_COLUMNS.value,
    );
    host.setCellByUser(other.sheetId!, otherFigure, 7);
    expect(host.cell(other.sheetId!, otherFigure)).toMatchObject({ value: 7 });
  });

  test("'Cập nhật sổ' keeps a submitted tab locked; reopen unlocks exactly its inputs again", async () => {
    const { host, port, plan, u, figure, fill } = await withPasswords();
    fill();
    await submitUnitTab(port, { sheetId: u.sheetId!, now: NOW, user: "Lan", confirmWarnings: true });
    await createWorkbook(port, { plan, indicators: defaultIndicators(plan) });
    expect(() => host.setCellByUser(u.sheetId!, figure, 4)).toThrow(/protected/);
    await reopenUnitTab(port, { unitId: u.unitId, comment: "Bổ sung số liệu.", now: NOW });
    host.setCellByUser(u.sheetId!, figure, 4);
    expect(host.cell(u.sheetId!, figure)).toMatchObject({ value: 4 });
    // Owned cells stay locked after the reopen: the unit name, the stamp row.
    const name = adr(rowOfCode(host, u.sheetId!, "DON_VI"), FIELD_VALUE_COLUMN);
    expect(() => host.setCellByUser(u.sheetId!, name, "Tên khác")).toThrow(/protected/);
    expect(host.snapshot().sheets.find((x) => x.id === u.sheetId)).toMatchObject({
      protected: true,
      password: null,
    });
  });

  test("reopen after an indicator was added unlocks the inputs at the rows where they are now", async () => {
    const { host, port, plan, u, fill } = await withPasswords();
    fill();
    await submitUnitTab(port, { sheetId: u.sheetId!, now: NOW, user: "Lan", confirmWarnings: true });
    const noteRowBefore = rowOfCode(host, u.sheetId!, FOOTER_CODES.notes);
    const extra = { ...INDICATOR_CATALOGUE[0], code: "THEM_1", name: "Chỉ tiêu thêm", required: false };
    await createWorkbook(port, { plan, indicators: [...defaultIndicators(plan), extra] });
    await reopenUnitTab(port, { unitId: u.unitId, comment: "Bổ sung.", now: NOW });
    const noteRow = rowOfCode(host, u.sheetId!, FOOTER_CODES.notes);
    // The new row took the blank row under the indicator table: the footer stayed, a fresh layout's did not.
    expect(noteRow).toBe(noteRowBefore);
    host.setCellByUser(u.sheetId!, adr(noteRow, FIELD_VALUE_COLUMN), "Ghi chú sau khi mở lại");
    host.setCellByUser(u.sheetId!, adr(rowOfCode(host, u.sheetId!, "THEM_1"), INDICATOR_COLUMNS.value), 2);
    // A fresh layout's footer is one row lower: its "Đã nộp" input is this tab's stamp row, which stays locked.
    const stampRow = rowOfCode(host, u.sheetId!, FOOTER_CODES.stamp);
    expect(() => host.setCellByUser(u.sheetId!, adr(stampRow, FIELD_VALUE_COLUMN), "x")).toThrow(/protected/);
  });

  test("file adapter: submit locks the inputs, reopen unlocks them (cell.protection.locked read back)", async () => {
    const port = newWorkbook();
    const plan = generatePlan(2, 1);
    const created = await createWorkbook(port, {
      plan,
      indicators: defaultIndicators(plan),
      planId: "p00000000000000ff",
    });
    const u = created.state.units[0];
    const ws = () => port.workbook.getWorksheet(Number(u.sheetId))!;
    const rowOf = (code: string) => {
      let found = -1;
      ws().eachRow((row, n) => {
        if (found < 0 && row.getCell(1).value === code) found = n - 1;
      });
      return found;
    };
    const figure = adr(rowOf(created.state.indicators[0].code), INDICATOR_COLUMNS.value);
    const note = adr(rowOf(FOOTER_CODES.notes), FIELD_VALUE_COLUMN);
    const locked = (a: string) => ws().getCell(a).protection?.locked !== false;
    expect([locked(figure), locked(note)]).toEqual([false, false]);
    port.typeValues(
      u.sheetId!,
      Object.fromEntries(
        created.state.indicators.map((i) => [adr(rowOf(i.code), INDICATOR_COLUMNS.value), 3]),
      ),
    );
    const submitted = await submitUnitTab(port, {
      sheetId: u.sheetId!,
      now: NOW,
      user: "Lan",
      confirmWarnings: true,
    });
    expect(submitted.outcome).toBe("submitted");
    expect([locked(figure), locked(note)]).toEqual([true, true]);
    const saved = await openWorkbookBuffer(await workbookToBuffer(port));
    const savedWs = saved.workbook.getWorksheet(ws().name)!;
    expect([savedWs.getCell(figure).protection?.locked !== false, savedWs.getCell(figure).value]).toEqual([
      true,
      3,
    ]);
    await reopenUnitTab(port, { unitId: u.unitId, comment: "Bổ sung.", now: NOW });
    expect([locked(figure), locked(note)]).toEqual([false, false]);
    expect(locked(adr(rowOf(FOOTER_CODES.stamp), FIELD_VALUE_COLUMN))).toBe(true);
    expect(ws().getCell(figure).value).toBe(3);
  });
});

/** 0-based row of the first cell in column A holding `code` on a simulated sheet. */
function rowOfCode(host: SimulatedExcelHost, sheetId: string, code: string): number {
  const s = host.model.findSheet(sheetId)!;
  const hit = [...s.cells].find(([k, c]) => k.endsWith(",0") && c.value === code);
  if (!hit) throw new Error(`no row with code ${code}`);
  return Number(hit[0].split(",")[0]);
}
