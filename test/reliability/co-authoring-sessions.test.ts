/**
 * Reliability corpus, co-authoring with real sessions (review B2): units and the secretary work in the
 * same shared workbook at the same time, each in their own Excel (a simulated-host session whose view of
 * the workbook is as of its last sync). Their syncs are interleaved in a chosen order. Nothing may be lost
 * and nobody may be refused afterwards.
 */
import * as fs from "fs";
import * as path from "path";
import { SimulatedExcelHost } from "../../src/testing/simulated-excel";
import type { SimSession } from "../../src/testing/simulated-excel/session";
import { createOfficeWorkbookPort } from "../../src/excel/office-workbook-port";
import { createWorkbook } from "../../src/app/create-workbook";
import { collectAndSummarise } from "../../src/app/collect-and-summarise";
import { submitUnitTab } from "../../src/app/submit-unit-tab";
import { reopenUnitTab } from "../../src/app/reopen-unit-tab";
import type { WorkbookPort } from "../../src/app/workbook-port";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { defaultIndicators } from "../../src/core/workbook/indicator-catalogue";
import type { WorkbookState } from "../../src/core/state/types";
import { STATE_NAMESPACE } from "../../src/core/state/types";
import { adr } from "../../src/core/workbook/address";
import { INDICATOR_COLUMNS } from "../../src/core/workbook/unit-tab-schema";

const SEED = parsePlan(fs.readFileSync(path.join(__dirname, "../fixtures/plans/seed-334-KH-CB.txt"), "utf8"));
const AT = (hhmm: string) => new Date(`2022-10-16T${hhmm}:00+07:00`);

function portOf(s: SimSession | SimulatedExcelHost, host: SimulatedExcelHost): WorkbookPort {
  return createOfficeWorkbookPort(s.runner, { isSetSupported: (v) => host.isSetSupported("ExcelApi", v) });
}

/** A created workbook whose first two units typed every figure. */
async function created(): Promise<{ host: SimulatedExcelHost; state: WorkbookState }> {
  const host = new SimulatedExcelHost();
  const r = await createWorkbook(portOf(host, host), {
    plan: SEED,
    indicators: defaultIndicators(SEED),
    planId: "p0000000000000334",
  });
  for (const u of r.state.units.slice(0, 2)) {
    const sheet = host.model.findSheet(u.sheetId!)!;
    for (const ind of r.state.indicators) {
      const row = Number(
        [...sheet.cells].find(([k, c]) => k.endsWith(",0") && c.value === ind.code)![0].split(",")[0],
      );
      host.setCellByUser(u.sheetId!, adr(row, INDICATOR_COLUMNS.value), 5);
    }
  }
  return { host, state: r.state };
}

/** Let the sessions' syncs run only in `order` ("a1" = session a's first sync from now). */
function interleave(sessions: Record<string, SimSession>, order: string[]): () => string[] {
  const seen: string[] = [];
  let waiters: (() => void)[] = [];
  const base = new Map<string, number>();
  for (const [name, s] of Object.entries(sessions)) {
    s.gate = async (n) => {
      if (!base.has(name)) base.set(name, n - 1);
      const me = `${name}${n - base.get(name)!}`;
      while (order[seen.length] !== me) {
        if (!order.includes(me)) throw new Error(`sync ${me} is not in the order ${order.join(" ")}`);
        await new Promise<void>((r) => waiters.push(r));
      }
      seen.push(me);
      const wake = waiters;
      waiters = [];
      setTimeout(() => wake.forEach((w) => w()), 0);
    };
  }
  return () => seen;
}

/** A pane opened in a session: its port has read the workbook once (as the pane does when it opens). */
async function paneIn(session: SimSession, host: SimulatedExcelHost): Promise<WorkbookPort> {
  const port = portOf(session, host);
  await port.readOverview();
  return port;
}

describe("two units submit at the same time while the secretary summarises", () => {
  test("both submissions count, the summary is not refused, one plan's parts are merged", async () => {
    const { host, state } = await created();
    const [u1, u2] = state.units;
    const a = host.session();
    const b = host.session();
    const s = host.session();
    const [pa, pb, ps] = [await paneIn(a, host), await paneIn(b, host), await paneIn(s, host)];
    // Reads first (each from the same copy), then the writes: a, b submit; s summarises (cold: 3 syncs).
    const seen = interleave({ a, b, s }, ["a1", "b1", "s1", "s2", "a2", "b2", "s3"]);
    const [ra, rb, rs] = await Promise.all([
      submitUnitTab(pa, { sheetId: u1.sheetId!, now: AT("09:30"), user: "Lan", confirmWarnings: true }),
      submitUnitTab(pb, { sheetId: u2.sheetId!, now: AT("09:31"), user: "Minh", confirmWarnings: true }),
      collectAndSummarise(ps, { now: AT("09:32") }),
    ]);
    expect(seen()).toEqual(["a1", "b1", "s1", "s2", "a2", "b2", "s3"]);
    expect([ra.outcome, rb.outcome]).toEqual(["submitted", "submitted"]);
    // The secretary read before the submissions: her summary did not see them yet.
    expect(rs.submissions.slice(0, 2).map((x) => x.submitted)).toEqual([false, false]);

    // Afterwards, anyone (a new pane) gets both submissions, and nothing refuses the workbook.
    const later = await collectAndSummarise(portOf(host, host), { now: AT("10:00") });
    expect(later.submissions.slice(0, 2).map((x) => [x.submitted, x.submittedBy, x.submittedAt])).toEqual([
      [true, "Lan", "2022-10-16T09:30:00+07:00"],
      [true, "Minh", "2022-10-16T09:31:00+07:00"],
    ]);
    expect(later.findings.filter((f) => f.severity === "error")).toEqual([]);
    // Each unit's tab stays locked by its own submission; a second submit is refused as already done.
    const again = await submitUnitTab(portOf(host, host), { sheetId: u2.sheetId!, now: AT("10:05") });
    expect(again.outcome).toBe("already-submitted");
    expect(host.snapshot().parts.filter((p) => p.namespaceUri === STATE_NAMESPACE)).toHaveLength(1);
  });

  test("a reopen by the secretary while another unit submits: both events kept", async () => {
    const { host, state } = await created();
    const [u1, u2] = state.units;
    await submitUnitTab(portOf(host, host), {
      sheetId: u1.sheetId!,
      now: AT("08:00"),
      confirmWarnings: true,
    });
    const a = host.session();
    const s = host.session();
    const [pa, ps] = [await paneIn(a, host), await paneIn(s, host)];
    interleave({ a, s }, ["s1", "a1", "s2", "a2"]);
    await Promise.all([
      reopenUnitTab(ps, {
        unitId: u1.unitId,
        comment: "Bổ sung số liệu",
        now: AT("09:00"),
        knownSheetIds: [u1.sheetId!],
      }),
      submitUnitTab(pa, { sheetId: u2.sheetId!, now: AT("09:01"), user: "Minh", confirmWarnings: true }),
    ]);
    const later = await collectAndSummarise(portOf(host, host), { now: AT("10:00") });
    expect(later.submissions.slice(0, 2).map((x) => x.submitted)).toEqual([false, true]);
    expect(later.submissions[0].reopenComment).toContain("Bổ sung số liệu");
  });
});

describe("two secretaries summarise at the same time", () => {
  test("two parts of the same plan are merged on read (histories unioned), then written back as one", async () => {
    const { host, state } = await created();
    const [u1] = state.units;
    // A manual "Đã nộp: Có" without a date: each summary dates it when it first sees it (kept in the part).
    const sheet = host.model.findSheet(u1.sheetId!)!;
    const row = Number(
      [...sheet.cells].find(([k, c]) => k.endsWith(",0") && c.value === "DA_NOP")![0].split(",")[0],
    );
    host.setCellByUser(u1.sheetId!, adr(row, 3), "Có");
    const x = host.session();
    const y = host.session();
    const [px, py] = [await paneIn(x, host), await paneIn(y, host)];
    interleave({ x, y }, ["x1", "y1", "x2", "y2", "x3", "y3"]);
    await Promise.all([
      collectAndSummarise(px, { now: AT("09:00") }),
      collectAndSummarise(py, { now: AT("09:05") }),
    ]);
    expect(host.snapshot().parts.filter((p) => p.namespaceUri === STATE_NAMESPACE)).toHaveLength(2);
    const later = await collectAndSummarise(portOf(host, host), { now: AT("10:00") });
    // The earliest dating of the manual submission wins: the events of both parts are kept.
    expect(later.submissions[0]).toMatchObject({ submitted: true, submittedAt: "2022-10-16T09:00:00+07:00" });
    expect(host.snapshot().parts.filter((p) => p.namespaceUri === STATE_NAMESPACE)).toHaveLength(1);
  });
});
