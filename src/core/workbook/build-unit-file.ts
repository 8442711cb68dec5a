/**
 * One unit's own file ("Tạo tệp cho từng đơn vị" / `split`), as data: a short instruction sheet and the
 * unit's tab as the model renders it, holding what the unit has typed in the shared workbook so far. Nothing
 * of another unit is in it, and no state part: the file comes back through `import`, recognised by the unit
 * key in the tab (MA_DON_VI = unit@plan), like a copy of the whole workbook.
 *
 * The workbook structure is protected (no sheet added, deleted, renamed or moved) and so are both sheets,
 * only the unit's input cells unlocked. The per-unit password, when the secretary gives one, goes into
 * Excel's own protection (a salted hash in the file); the password itself is never written anywhere.
 */
import type { UnitLink, WorkbookState } from "../state/types";
import { caseKey, nfc } from "../text/vietnamese";
import { adr, parseAddress } from "./address";
import { buildUnitTabLayout, planLabel, unitReportTo, UNIT_TAB_HEAD_CODES } from "./build-unit-tab";
import { isoToDisplay } from "./dates";
import type { SheetGrid } from "./grid";
import { mapInputCells } from "./map-input-cells";
import type { CellSpec, CellStyle, SheetLayout } from "./model";
import { base, noteStyle, titleStyle } from "./styles";
import { CODE_COLUMN, FIELD_LABEL_COLUMN, MANUAL_SUBMITTED_CHOICES } from "./unit-tab-schema";
import { unitFileNames } from "./unit-file-name";
import { gridWithCells } from "./write-conflicts";

export const INSTRUCTION_SHEET_NAME = "Hướng dẫn";

/** What the unit tab's instruction line says in a unit's own file (there may be no add-in to press). */
export const UNIT_FILE_TAB_INSTRUCTION =
  "Nhập số liệu vào các ô màu vàng, chọn Đã nộp: Có, lưu tệp và gửi lại (xem trang Hướng dẫn).";

export interface UnitFileLayout {
  unitId: string;
  unitName: string;
  fileName: string;
  /** The instruction sheet first, then the unit's tab (the one shown when the file opens). */
  sheets: SheetLayout[];
  /** Layout key of the sheet active when the file opens. */
  activeKey: string;
  /** Lock the workbook structure; with the unit's password when one was given. */
  structure: { protect: true; password?: string };
}

export interface UnitFileOptions {
  /** The unit's current tab in the shared workbook, to carry what it typed already; null for none. */
  current: SheetGrid | null;
  /** The unit's password (sheets and structure); absent or "" for none. */
  password?: string;
  fileName: string;
}

function line(
  row: number,
  text: string,
  style: CellStyle = { ...base, wrap: true },
): Record<string, CellSpec> {
  return { [adr(row, FIELD_LABEL_COLUMN)]: { value: text, style } };
}

/** The instruction sheet: who, what, by when, how to send back; Vietnamese first, English below. */
export function buildInstructionSheet(state: WorkbookState, unit: UnitLink, name: string): SheetLayout {
  const plan = state.plan;
  const deadline = unit.deadline ? isoToDisplay(unit.deadline) : null;
  const reportTo = unitReportTo(plan, unit);
  const [yes] = MANUAL_SUBMITTED_CHOICES;
  const vi = [
    `1. Mở trang "${unit.sheetName}" và nhập số liệu vào các ô màu vàng (chỉ các ô này nhập được).`,
    `2. Điền Người báo cáo, Ngày báo cáo và chọn Đã nộp: ${yes} khi đã xong.`,
    "3. Lưu tệp (giữ dạng .xlsx; .xls, .ods hoặc .csv của trang đơn vị cũng được) và gửi lại qua thư điện tử hoặc Zalo" +
      (deadline ? ` trước hạn ${deadline}.` : "."),
    "4. Không đổi tên trang, không sửa cột A (mã dòng), không xoá dòng: add-in dùng chúng để nhận ra số liệu của đơn vị. Có thể đổi tên tệp.",
  ];
  const en = [
    `1. Open the sheet "${unit.sheetName}" and type the figures into the yellow cells (only they can be edited).`,
    `2. Fill in the reporter and the report date, and choose Đã nộp: ${yes} when done.`,
    "3. Save the file (as .xlsx; .xls, .ods or a .csv of the unit's sheet also work) and send it back by e-mail or Zalo" +
      (deadline ? ` before ${deadline}.` : "."),
    "4. Do not rename the sheet, change column A (row codes) or delete rows: the add-in finds the unit's figures by them. The file itself may be renamed.",
  ];
  const english = { ...noteStyle, fontColor: "#595959" };
  const head = [
    `${planLabel(plan)}${plan.title ? ` — ${nfc(plan.title)}` : ""}`,
    `Đơn vị / Unit: ${nfc(unit.name)}`,
    `Hạn nộp / Deadline: ${deadline ?? "—"}`,
    ...(reportTo ? [`Báo cáo về / Report to: ${nfc(reportTo)}`] : []),
  ];
  const cells: Record<string, CellSpec> = {
    [adr(0, CODE_COLUMN)]: { value: UNIT_TAB_HEAD_CODES.title, style: { ...base, fontSize: 8 } },
    ...line(0, "HƯỚNG DẪN ĐIỀN VÀ GỬI LẠI BÁO CÁO / HOW TO FILL IN AND RETURN THE REPORT", {
      ...titleStyle,
      hAlign: "left",
    }),
  };
  let row = 2;
  for (const text of head) Object.assign(cells, line(row++, text));
  row++;
  for (const text of vi) Object.assign(cells, line(row++, text));
  row++;
  for (const text of en) Object.assign(cells, line(row++, text, english));
  return {
    key: "instruction",
    role: "instruction",
    name,
    unitId: unit.unitId,
    cells,
    merges: [],
    columnWidths: [3, 110],
    rowHeights: { 1: 30 },
    inputRanges: [],
    validations: [],
    print: { paper: "A4", orientation: "portrait", fitToWidth: true },
    protection: { protect: true },
  };
}

/** The unit's tab for its own file: the model's layout with what the unit typed in the shared workbook. */
function unitTabForFile(state: WorkbookState, unit: UnitLink, current: SheetGrid | null): SheetLayout {
  const layout = buildUnitTabLayout(state, unit);
  const cells = { ...layout.cells };
  for (const [address, spec] of Object.entries(layout.cells)) {
    const { row, column } = parseAddress(address);
    if (column !== CODE_COLUMN || spec.value !== UNIT_TAB_HEAD_CODES.instruction) continue;
    const at = adr(row, FIELD_LABEL_COLUMN);
    cells[at] = { ...cells[at], value: UNIT_FILE_TAB_INSTRUCTION };
  }
  if (current) {
    const empty: SheetGrid = {
      sheetId: "",
      name: layout.name,
      origin: { row: 0, column: 0 },
      values: [],
      formulas: [],
    };
    const fresh = gridWithCells(empty, cells);
    const typed = mapInputCells(state, unit, fresh, current).cells;
    for (const [address, spec] of Object.entries(typed))
      cells[address] = { ...cells[address], value: spec.value };
  }
  return { ...layout, cells };
}

/** The file of one unit. */
export function buildUnitFile(
  state: WorkbookState,
  unit: UnitLink,
  options: UnitFileOptions,
): UnitFileLayout {
  const password = options.password ? nfc(options.password) : undefined;
  const tab = unitTabForFile(state, unit, options.current);
  const instructionName =
    caseKey(tab.name) === caseKey(INSTRUCTION_SHEET_NAME)
      ? `${INSTRUCTION_SHEET_NAME} (2)`
      : INSTRUCTION_SHEET_NAME;
  const instruction = buildInstructionSheet(state, unit, instructionName);
  const protect = (layout: SheetLayout): SheetLayout => ({
    ...layout,
    protection: password ? { protect: true, password } : { protect: true },
  });
  return {
    unitId: unit.unitId,
    unitName: unit.name,
    fileName: options.fileName,
    sheets: [protect(instruction), protect(tab)],
    activeKey: tab.key,
    structure: password ? { protect: true, password } : { protect: true },
  };
}

/** The units that get a file (every unit still in the plan) and their file names, in the state's order. */
export function unitFilesToMake(state: WorkbookState): { unit: UnitLink; fileName: string }[] {
  const units = state.units.filter((u) => !u.removed);
  const names = unitFileNames(units, state.plan.number);
  return units.map((unit, i) => ({ unit, fileName: names[i] }));
}
