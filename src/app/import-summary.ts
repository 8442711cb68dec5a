/**
 * Multi-level roll-up (issue 15): a body below sends its summary workbook (the .xlsx with "Tổng hợp", from
 * the pane or `summary -o`); the upper level imports it like any returned file (import-returned-tabs.ts hands
 * it here when the file carries the state of another plan). It is recognised when its plan implements ours
 * (cites our plan's number) and its issuer is one of our units, or when the secretary names the tab (`as`).
 *
 * Its figures are not read off its summary sheet: its result is recomputed by the same use-case, on the file
 * itself (a dry run, "now" = when it summarised), so a roll-up of roll-ups is exact over any number of levels.
 * Its totals go into the body's tab (the indicator value cells, by code) and a "#CAP_DUOI" block below the
 * tab's footer keeps their numerators and denominators, its submission figures and its units' status
 * (core/rollup/rollup-block.ts). The body's submission is recorded at the time of its summary.
 */
import type { WorkbookPort, WorkbookReader } from "./workbook-port";
import { samePlanNumber } from "../core/plan/cited-documents";
import { collectAndSummarise } from "./collect-and-summarise";
import { analyseUnitTab } from "../core/collect/analyse-unit-tab";
import { formatStamp } from "../core/collect/stamp";
import type { UnitLink, WorkbookState, SubmissionEvent } from "../core/state/types";
import { tabEventsCellSpec, unitEvents } from "../core/state/tab-events";
import {
  readRollupBlock,
  rollupBlockCells,
  rollupBlockHeight,
  rollupBlockWidth,
  type RollupBlock,
  type RollupTotal,
} from "../core/rollup/rollup-block";
import {
  implementsPlan,
  mapIndicators,
  matchBody,
  type IndicatorMapping,
} from "../core/rollup/recognise-summary";
import { displayDateOrTime } from "../core/tracking/hcm-time";
import { adr } from "../core/workbook/address";
import type { SheetGrid } from "../core/workbook/grid";
import type { CellSpec, SheetPatch } from "../core/workbook/model";
import { firstRowByCode } from "../core/workbook/plan-changes";
import { FOOTER_CODES, INDICATOR_COLUMNS } from "../core/workbook/unit-tab-schema";
import { unitTabProtectionPatch } from "../core/workbook/unit-tab-protection";

/** How to name the tab, in the CLI and in the pane (the use-case serves both). */
const AS_VI = '--as "<tên đơn vị>" (ngăn tác vụ: "Chọn trang cho sổ tổng hợp cấp dưới")';
const AS_EN = '--as "<unit>" (task pane: "Choose the tab for a summary workbook from below")';

export interface SummaryImportOptions {
  /** The unit (tab) of ours the summary belongs to, when its issuer does not say (`--as "<unit>"`). */
  as?: string;
  /** Take a lower indicator named like one of ours under another code (`--match-names`). */
  matchNames?: boolean;
  force: boolean;
}

/** A lower summary recognised and recomputed, waiting to be written into its body's tab. */
export interface PlannedRollup {
  unit: UnitLink;
  file: string;
  block: RollupBlock;
  /** What the indicator matching says (names proposed, indicators left out), both languages. */
  notes: { vi: string; en: string };
}

export interface Refusal {
  vi: string;
  en: string;
}

const unitList = (state: WorkbookState) =>
  state.units
    .filter((u) => !u.removed)
    .map((u) => `"${u.name}"`)
    .join(", ");

/** The body the summary belongs to: the unit the secretary named, else its plan's issuer. */
function bodyOf(state: WorkbookState, lower: WorkbookState, as: string | undefined): UnitLink | Refusal {
  if (as !== undefined) {
    const m = matchBody(state.units, as);
    if (m.kind === "found") return m.unit;
    return {
      vi: `Không có đơn vị "${as}" trong kế hoạch ${state.plan.number}${m.kind === "ambiguous" ? " (nhiều đơn vị trùng tên gần giống)" : ""}; các đơn vị: ${unitList(state)}.`,
      en: `No unit "${as}" in plan ${state.plan.number}${m.kind === "ambiguous" ? " (several units are named alike)" : ""}; the units are: ${unitList(state)}.`,
    };
  }
  const issuer = lower.plan.issuer ?? "";
  const m = matchBody(state.units, issuer);
  if (m.kind === "found") return m.unit;
  if (m.kind === "ambiguous")
    return {
      vi: `Cơ quan ban hành "${issuer}" giống nhiều đơn vị (${m.units.map((u) => `"${u.name}"`).join(", ")}); hãy chọn trang: ${AS_VI}.`,
      en: `The issuer "${issuer}" matches several units (${m.units.map((u) => `"${u.name}"`).join(", ")}); choose the tab: ${AS_EN}.`,
    };
  return {
    vi: `Cơ quan ban hành "${issuer}" không phải đơn vị nào của kế hoạch ${state.plan.number} (${unitList(state)}); hãy chọn trang: ${AS_VI}.`,
    en: `The issuer "${issuer}" is none of the units of plan ${state.plan.number} (${unitList(state)}); choose the tab: ${AS_EN}.`,
  };
}

/** A file reader as a port for a dry run: the lower workbook is only read, never written. */
function readOnlyPort(reader: WorkbookReader): WorkbookPort {
  return {
    readOverview: (ids) => reader.readOverview(ids),
    readGrids: (ids) => reader.readGrids(ids),
    applyChanges: () => Promise.reject(new Error("the lower summary workbook is only read")),
  };
}

function mappingNotes(m: IndicatorMapping): { vi: string; en: string } {
  const vi: string[] = [];
  const en: string[] = [];
  for (const p of m.byName) {
    if (p.applied) {
      vi.push(` Chỉ tiêu "${p.lower.name}" (${p.lower.code}) lấy vào ${p.upper.code} theo tên.`);
      en.push(` Indicator "${p.lower.name}" (${p.lower.code}) taken as ${p.upper.code} by its name.`);
    } else {
      vi.push(
        ` Chỉ tiêu "${p.lower.name}" (${p.lower.code}) trùng tên với ${p.upper.code} của sổ này nhưng khác mã: chưa lấy; nếu đúng là một, dùng --match-names (ngăn tác vụ: "Lấy cả chỉ tiêu cấp dưới trùng tên nhưng khác mã").`,
      );
      en.push(
        ` Indicator "${p.lower.name}" (${p.lower.code}) has the name of this workbook's ${p.upper.code} under another code: not taken; if they are the same, use --match-names (task pane: "Also take indicators below named like ours under another code").`,
      );
    }
  }
  for (const p of m.otherAggregation) {
    vi.push(
      ` Chỉ tiêu ${p.lower.code} cấp dưới tính "${p.lower.aggregation}", sổ này tính "${p.upper.aggregation}": không lấy.`,
    );
    en.push(
      ` Indicator ${p.lower.code} is aggregated "${p.lower.aggregation}" below and "${p.upper.aggregation}" here: not taken.`,
    );
  }
  if (m.notOurs.length) {
    const codes = m.notOurs.map((i) => i.code).join(", ");
    vi.push(` Chỉ tiêu không có trong sổ này, không lấy: ${codes}.`);
    en.push(` Indicators this workbook does not have, not taken: ${codes}.`);
  }
  return { vi: vi.join(""), en: en.join("") };
}

/**
 * A file holding the state of another plan: a body below's summary to roll up, or a refusal saying why not
 * (not summarised yet, a plan that does not implement ours, a body that is none of our units).
 */
export async function examineSummary(
  state: WorkbookState,
  file: string,
  reader: WorkbookReader,
  lower: WorkbookState,
  options: SummaryImportOptions,
): Promise<PlannedRollup | Refusal> {
  const what = `Kế hoạch số ${lower.plan.number}${lower.plan.issuer ? ` của ${lower.plan.issuer}` : ""}`;
  const whatEn = `plan ${lower.plan.number}${lower.plan.issuer ? ` of ${lower.plan.issuer}` : ""}`;
  if (lower.plan.number && samePlanNumber(lower.plan.number, state.plan.number))
    // The same plan's number in another workbook (made again, or by someone else): never a body below's.
    return {
      vi: `Tệp thuộc kế hoạch khác (mã ${lower.planId}, sổ này là ${state.planId}): một sổ khác của Kế hoạch số ${lower.plan.number}, không phải bản tổng hợp của cấp dưới; không nhập.`,
      en: `The file belongs to another plan (id ${lower.planId}; this workbook is ${state.planId}): another workbook of plan ${lower.plan.number}, not a body below's summary; not imported.`,
    };
  if (options.as === undefined && !implementsPlan(lower.plan, state.plan.number))
    return {
      vi: `Tệp thuộc kế hoạch khác: sổ của ${what}, không thực hiện Kế hoạch số ${state.plan.number} của sổ này (không trích dẫn số kế hoạch này); không nhập. Nếu đúng là của một đơn vị cấp dưới, chọn trang: ${AS_VI}.`,
      en: `The file belongs to another plan: the workbook of ${whatEn}, which does not implement this workbook's plan ${state.plan.number} (it does not cite it); not imported. If it is a body below's, choose its tab: ${AS_EN}.`,
    };
  if (!lower.summarisedAt)
    return {
      vi: `Tệp là sổ của ${what} nhưng chưa được tổng hợp; cấp dưới cần bấm "Tổng hợp" rồi gửi lại tệp.`,
      en: `The file is the workbook of ${whatEn} but it has not been summarised; the level below must run "Tổng hợp" (summarise) and send it again.`,
    };
  const body = bodyOf(state, lower, options.as);
  if ("vi" in body) return body;

  const result = await collectAndSummarise(readOnlyPort(reader), {
    now: new Date(lower.summarisedAt),
    dryRun: true,
  });
  const mapping = mapIndicators(state.indicators, result.state.indicators, options.matchNames ?? false);
  const totals: RollupTotal[] = [];
  for (const ind of state.indicators) {
    const lowerCode = mapping.byCode.get(ind.code);
    const t = lowerCode ? result.totals[lowerCode] : undefined;
    if (!t || t.value === null || t.aggregation === "list") continue;
    totals.push({
      code: ind.code,
      name: ind.name,
      value: t.value,
      numerator: t.numerator ?? 0,
      denominator: t.denominator ?? 0,
      units: t.count,
    });
  }
  const rates = result.tracking.rates;
  const block: RollupBlock = {
    source: {
      planNumber: lower.plan.number ?? "",
      planId: lower.planId,
      issuer: lower.plan.issuer ?? "",
      summarisedAt: lower.summarisedAt,
      file,
    },
    stats: {
      units: rates.expected,
      submitted: rates.submitted,
      onTime: rates.onTime,
      late: rates.late,
      missing: rates.missing,
      openFindings: result.findings.filter((f) => f.severity === "error" || f.severity === "warning").length,
    },
    totals,
    units: result.tracking.units.map((u) => {
      const values = result.submissions.find((s) => s.unitId === u.unitId)?.values ?? {};
      return {
        name: u.unit,
        status: u.label.vi,
        submittedAt: u.submittedAt,
        daysLate: u.daysLate,
        values: totals.map((t) => {
          const v = values[mapping.byCode.get(t.code)!];
          return v && !v.excluded ? v.value : null;
        }),
      };
    }),
  };
  return { unit: body, file, block, notes: mappingNotes(mapping) };
}

export interface RollupWrite {
  outcome: "imported" | "refused" | "skipped";
  vi: string;
  en: string;
  patch?: SheetPatch;
  /** The body's submission, when its tab has no event cell (kept in the state part then). */
  stateEvent?: SubmissionEvent;
  cells: number;
}

/** The patch that writes a recognised summary into its body's tab, or why it is not written. */
export function rollupWrite(
  state: WorkbookState,
  planned: PlannedRollup,
  grid: SheetGrid,
  force: boolean,
): RollupWrite {
  const { unit, block } = planned;
  const src = block.source;
  const existing = readRollupBlock(grid);
  const when = displayDateOrTime(src.summarisedAt);
  let replaced = { vi: "", en: "" };
  if (existing) {
    const old = existing.block.source;
    const oldWhen = displayDateOrTime(old.summarisedAt);
    const sameBody = old.planId === src.planId;
    if (sameBody && Date.parse(src.summarisedAt) === Date.parse(old.summarisedAt) && !force)
      return {
        outcome: "skipped",
        cells: 0,
        vi: `Bản tổng hợp của ${src.issuer} (tổng hợp lúc ${when}) đã có trong trang "${grid.name}"; bỏ qua.`,
        en: `The summary of ${src.issuer} (summarised at ${src.summarisedAt}) is already in "${grid.name}"; skipped.`,
      };
    if (sameBody && Date.parse(src.summarisedAt) < Date.parse(old.summarisedAt) && !force)
      return {
        outcome: "refused",
        cells: 0,
        vi: `Bản tổng hợp này của ${src.issuer} (lúc ${when}) cũ hơn bản đã nhập vào trang "${grid.name}" (lúc ${oldWhen}); không nhập. Dùng --force nếu chắc chắn.`,
        en: `This summary of ${src.issuer} (at ${src.summarisedAt}) is older than the one already in "${grid.name}" (at ${old.summarisedAt}); not imported. Use --force if you are sure.`,
      };
    if (!sameBody && !force)
      return {
        outcome: "refused",
        cells: 0,
        vi: `Trang "${grid.name}" đã có bản tổng hợp của kế hoạch khác (${old.planNumber}, ${old.issuer}); không ghi đè. Dùng --force nếu chắc chắn.`,
        en: `The tab "${grid.name}" already holds the summary of another plan (${old.planNumber}, ${old.issuer}); not overwritten. Use --force if you are sure.`,
      };
    replaced = {
      vi: ` Đã thay bản tổng hợp lúc ${oldWhen} bằng bản mới hơn.`,
      en: ` Replaced the summary of ${old.summarisedAt} with the newer one.`,
    };
  } else if (!force) {
    const typed = analyseUnitTab(grid, unit, state).submission;
    if (typed.hasContent || typed.submitted)
      return {
        outcome: "refused",
        cells: 0,
        vi: `Trang "${grid.name}" của ${unit.name} đã có số liệu nhập tay${typed.submitted ? " và đã nộp" : ""}; không ghi đè bằng bản tổng hợp. Dùng --force nếu chắc chắn.`,
        en: `The tab "${grid.name}" of ${unit.name} already holds figures typed by hand${typed.submitted ? " and is submitted" : ""}; not overwritten by the summary. Use --force if you are sure.`,
      };
  }

  const rows = firstRowByCode(grid);
  const cells: Record<string, CellSpec> = {};
  const byCode = new Map(block.totals.map((t) => [t.code, t]));
  const missingRows: string[] = [];
  for (const ind of state.indicators) {
    const row = rows.get(ind.code);
    const t = byCode.get(ind.code);
    if (row === undefined) {
      if (t) missingRows.push(ind.code);
      continue;
    }
    cells[adr(row, INDICATOR_COLUMNS.value)] = { value: t ? t.value : null };
  }
  const start = existing ? existing.firstRow : grid.origin.row + grid.values.length + 1;
  Object.assign(cells, rollupBlockCells(block, start));
  if (existing) {
    // What the old block held beyond the new one (more rows, or more columns) is cleared.
    const width = Math.max(rollupBlockWidth(block), rollupBlockWidth(existing.block));
    const newWidth = rollupBlockWidth(block);
    for (let r = start; r <= existing.lastRow; r++)
      for (let c = r < start + rollupBlockHeight(block) ? newWidth : 0; c < width; c++)
        cells[adr(r, c)] = { value: null };
  }

  const at = new Date(src.summarisedAt);
  const by = src.issuer || null;
  const event: SubmissionEvent = {
    unitId: unit.unitId,
    kind: "submit",
    at: src.summarisedAt,
    by,
    comment: `Tổng hợp cấp dưới: Kế hoạch số ${src.planNumber}`,
  };
  const patch = unitTabProtectionPatch(state, { ...unit, sheetName: grid.name }, grid, {
    locked: true,
    cells: { [FOOTER_CODES.stamp]: { value: formatStamp(at, by) } },
  });
  const logged = tabEventsCellSpec(grid, [...unitEvents(state, unit.unitId, grid), event]);
  Object.assign(patch.cells, cells, logged ?? {});
  const missing = missingRows.length
    ? {
        vi: ` Trang không có dòng ${missingRows.join(", ")}: các số này chỉ giữ trong khối ${"#CAP_DUOI"}.`,
        en: ` The tab has no row ${missingRows.join(", ")}: those figures are only kept in the #CAP_DUOI block.`,
      }
    : { vi: "", en: "" };
  const s = block.stats;
  return {
    outcome: "imported",
    patch,
    ...(logged ? {} : { stateEvent: event }),
    cells: block.totals.length,
    vi:
      `Đã nhập bản tổng hợp của ${src.issuer} (Kế hoạch số ${src.planNumber}, tổng hợp lúc ${when}) vào trang "${grid.name}": ` +
      `${block.totals.length} chỉ tiêu; ${s.submitted}/${s.units} đơn vị đã nộp (${s.onTime} đúng hạn, ${s.late} trễ, ${s.missing} chưa nộp).` +
      replaced.vi +
      planned.notes.vi +
      missing.vi,
    en:
      `Imported the summary of ${src.issuer} (plan ${src.planNumber}, summarised at ${src.summarisedAt}) into "${grid.name}": ` +
      `${block.totals.length} indicators; ${s.submitted}/${s.units} units submitted (${s.onTime} on time, ${s.late} late, ${s.missing} missing).` +
      replaced.en +
      planned.notes.en +
      missing.en,
  };
}
