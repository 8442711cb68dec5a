/**
 * The WorkbookPort over Office.js. Reads queue every load and sync once; writes queue every command and
 * sync once, splitting into several syncs only when one request would pass Excel's 5 MB limit.
 * The only `Excel.run` of the add-in is the default `run` argument; tests inject the simulated host's.
 */
import type { ApplyResult, WorkbookOverview, WorkbookPort } from "../app/workbook-port";
import { RequestTooLargeError } from "../core/errors";
import { STATE_NAMESPACE } from "../core/state/types";
import type { SheetGrid, SheetInfo } from "../core/workbook/grid";
import type { CellValue, WorkbookChanges } from "../core/workbook/model";
import { toHostError } from "./host-error";
import { queueCommand, type CreatedSheets } from "./queue-commands";
import { type HostFeatures, type PlannedCommand, packRequests, planCommands } from "./render-commands";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficePortOptions {
  /** `Office.context.requirements.isSetSupported("ExcelApi", version)` by default. */
  isSetSupported?: (version: string) => boolean;
  /** Excel on the web's request limit (5 MB). */
  payloadLimitBytes?: number;
  /** Largest estimated request the adapter sends (default 90 % of the limit, a margin for the estimate). */
  requestBudgetBytes?: number;
}

export const EXCEL_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

const defaultRun: ExcelRun = (batch) => Excel.run({ delayForCellEdit: true }, batch);
const defaultSupport = (version: string): boolean =>
  Office.context.requirements.isSetSupported("ExcelApi", version);

interface PendingGrid {
  id: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

/** Queue the loads of the used ranges (values and formulas) of these sheets. */
function queueGrids(context: Excel.RequestContext, ids: string[]): PendingGrid[] {
  return [...new Set(ids)].map((id) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(id);
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("values,formulas,rowIndex,columnIndex");
    return { id, sheet, used };
  });
}

function gridsOf(pending: PendingGrid[]): SheetGrid[] {
  const out: SheetGrid[] = [];
  for (const p of pending) {
    if (p.sheet.isNullObject) continue;
    if (p.used.isNullObject) {
      out.push({
        sheetId: p.id,
        name: p.sheet.name,
        origin: { row: 0, column: 0 },
        values: [],
        formulas: [],
      });
      continue;
    }
    out.push({
      sheetId: p.id,
      name: p.sheet.name,
      origin: { row: p.used.rowIndex, column: p.used.columnIndex },
      values: p.used.values as CellValue[][],
      formulas: p.used.formulas as CellValue[][],
    });
  }
  return out;
}

export function createOfficeWorkbookPort(
  run: ExcelRun = defaultRun,
  options: OfficePortOptions = {},
): WorkbookPort {
  const supports = options.isSetSupported ?? defaultSupport;
  const limit = options.payloadLimitBytes ?? EXCEL_PAYLOAD_LIMIT_BYTES;
  const budget = options.requestBudgetBytes ?? Math.floor(limit * 0.9);
  const features = (): HostFeatures => ({
    api17: supports("1.7"),
    api18: supports("1.8"),
    api19: supports("1.9"),
  });

  async function readOverview(gridSheetIds: string[] = []): Promise<WorkbookOverview> {
    try {
      return await run(async (context) => {
        const parts = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
        parts.load("items/id");
        const xml = parts.getOnlyItemOrNullObject().getXml();
        const sheets = context.workbook.worksheets;
        sheets.load("items/id,items/name,items/position,items/visibility");
        const pending = queueGrids(context, gridSheetIds);
        await context.sync();
        // The lint rule does not follow "items/id" loads nor ClientResult values; both are filled by the sync above.
        // eslint-disable-next-line office-addins/load-object-before-read
        const count = parts.items.length;
        // eslint-disable-next-line office-addins/load-object-before-read
        let stateXml: string | null = count === 1 ? xml.value : null;
        if (count > 1) {
          // Two plans in one workbook: rare, worth one more round trip to show the first one's data.
          const first = parts.items[0].getXml();
          await context.sync();

          stateXml = first.value;
        }
        const infos: SheetInfo[] = sheets.items.map((s) => ({
          id: s.id,
          name: s.name,
          position: s.position,
          visible: s.visibility === "Visible",
        }));
        return { stateXml, stateXmlCount: count, sheets: infos, grids: gridsOf(pending) };
      });
    } catch (e) {
      throw toHostError(e, "đọc sổ", "reading the workbook", []);
    }
  }

  async function readGrids(sheetIds: string[]): Promise<SheetGrid[]> {
    if (sheetIds.length === 0) return [];
    try {
      return await run(async (context) => {
        const pending = queueGrids(context, sheetIds);
        await context.sync();
        return gridsOf(pending);
      });
    } catch (e) {
      throw toHostError(e, "đọc các trang tính", "reading the sheets", []);
    }
  }

  async function applyChanges(changes: WorkbookChanges): Promise<ApplyResult> {
    const f = features();
    const planned = planCommands(changes, f, budget);
    const tooBig = planned.find((c) => c.bytes > budget);
    if (tooBig) throw new RequestTooLargeError(tooBig.bytes, limit, tooBig.sheetName ?? undefined);
    const chunks = packRequests(planned, budget);
    const created: CreatedSheets = new Map();
    let roundTrips = 0;
    let current: PlannedCommand[] = [];
    try {
      await run(async (context) => {
        for (const chunk of chunks) {
          current = chunk;
          context.workbook.application.suspendApiCalculationUntilNextSync();
          if (f.api19) context.workbook.application.suspendScreenUpdatingUntilNextSync();
          for (const c of chunk) queueCommand(context, c.command, created, f);
          roundTrips++;
          // One sync per request; several only when the changes pass the payload limit.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        }
      });
    } catch (e) {
      throw toHostError(
        e,
        "ghi trang tính",
        "writing the sheets",
        current.map((c) => c.sheetName),
      );
    }
    const sheetIds: Record<string, string> = {};
    for (const p of changes.patches) if (p.sheetId && !p.create) sheetIds[p.layout.key] = p.sheetId;
    for (const [key, sheet] of created) sheetIds[key] = sheet.id;
    return { sheetIds, roundTrips };
  }

  async function activate(sheetId: string, address?: string): Promise<void> {
    try {
      await run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetId);
        sheet.activate();
        if (address) sheet.getRange(address).select();
        await context.sync();
      });
    } catch (e) {
      throw toHostError(e, "mở trang tính", "opening the sheet", []);
    }
  }

  return { readOverview, readGrids, applyChanges, activate };
}
