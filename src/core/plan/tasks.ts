/** Assignments as draft tasks: one per item that names its units (or per sub-item under a bare unit heading), one per table row. */
import { itemLines, type Item } from "./items";
import { parenthesisedUnits, roleLineUnits } from "./roles";
import { prose, type SourceLine } from "./source-lines";
import type { TaskTable } from "./tables";
import { leadingUnits, parseMemberList, parseUnitPhrase, tidyUnitName, type UnitRef } from "./units";

export interface DraftTask {
  ref: string;
  text: string;
  units: UnitRef[];
  line: number;
  /** Lines to look for the deadline in. */
  scan: SourceLine[];
  /** The deadline cell of a table row (a date there needs no cue). */
  deadlineCell: SourceLine | null;
  reportTo: string | null;
  /** No unit could be found: kept only when it states a deadline. */
  unitless: boolean;
}

const NOT_A_TASK =
  /^(?:thời gian|thời hạn|kinh phí|chế độ báo cáo|lưu ý|ghi chú|nội dung|hình thức|yêu cầu|mục đích)\b/iu;

export function tidyTaskText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/\s*\.\/\.\s*$/u, ".")
    .replace(/\s*\/\.\s*$/u, ".")
    .trim();
}

function fullText(item: Item, skip: Set<Item> = new Set()): string {
  return [
    item.head.text,
    ...item.more.map((l) => l.text),
    ...item.children.filter((c) => !skip.has(c)).map((c) => fullText(c)),
  ].join(" ");
}

function isMemberItem(item: Item): boolean {
  if (item.children.length > 0 || item.more.length > 0) return false;
  const text = item.head.text.replace(/[;,.]+$/u, "");
  if (/\d{1,2}\/\d{1,2}/.test(text) || text.split(/\s+/).length > 12) return false;
  const units = parseUnitPhrase(text);
  return units !== null && units.length === 1;
}

function hasUnitsBelow(item: Item): boolean {
  return item.children.some((c) => leadingUnits(c.head.text) !== null || hasUnitsBelow(c));
}

function draft(item: Item, units: UnitRef[], skip: Set<Item> = new Set()): DraftTask {
  const children = item.children.filter((c) => !skip.has(c));
  return {
    ref: item.ref,
    text: tidyTaskText(fullText(item, skip)),
    units,
    line: item.head.no,
    scan: [item.head, ...item.more, ...children.flatMap(itemLines)],
    deadlineCell: null,
    reportTo: null,
    unitless: units.length === 0,
  };
}

/** An unmarked line that is only one unit's name ("Chi bộ bản Nà Bó"), listed under a group heading. */
function isNameLine(line: SourceLine): boolean {
  const text = line.text.replace(/[;,.]+$/u, "");
  if (/\d{1,2}\/\d{1,2}/.test(text) || text.split(/\s+/).length > 12) return false;
  const units = parseUnitPhrase(text);
  return units !== null && units.length === 1 && units[0].members.length === 0;
}

/** Units named in a role: "(UBND xã chủ trì, …)" after the task, or a line "Đơn vị chủ trì: …" under it. */
function roleUnits(item: Item): UnitRef[] | null {
  const inHead = parenthesisedUnits([item.head.text, ...item.more.map((l) => l.text)].join(" "));
  if (inHead) return inHead;
  for (const line of [...item.more, ...item.children.map((c) => c.head)]) {
    const units = roleLineUnits(line.text);
    if (units) return units;
  }
  return null;
}

/** "Phân công đồng chí Phó Bí thư …" under a unit's heading: the unit assigns its own people; the task stays its. */
const ASSIGNS_OWN = /^(?:phân công|giao|cử)\s/iu;

function visit(item: Item, inherited: UnitRef[] | null, out: DraftTask[]): void {
  const lu = inherited && ASSIGNS_OWN.test(item.head.text) ? null : leadingUnits(item.head.text);
  if (lu) {
    const units = lu.units.map((u) => ({ name: u.name, members: [...u.members] }));
    // "Các chi bộ trực thuộc:" then one name a line, then what they do: the names are the group's members.
    if (units.length === 1 && lu.rest.trim() === "") {
      let k = 0;
      while (k < item.more.length && isNameLine(item.more[k])) k++;
      if (k > 0 && (k < item.more.length || item.children.length > 0)) {
        for (const l of item.more.slice(0, k)) units[0].members.push(tidyUnitName(l.text));
        item = { ...item, more: item.more.slice(k) };
      }
    }
    const members = item.children.filter(isMemberItem);
    const memberSet = new Set(members);
    if (units.length === 1) {
      for (const m of members) units[0].members.push(tidyUnitName(m.head.text));
      for (const l of item.more) {
        const g = /^(?:gồm|bao gồm)\s*:?\s*(.+)$/iu.exec(l.text);
        if (g) units[0].members.push(...parseMemberList(g[1]));
      }
    }
    const taskChildren = item.children.filter((c) => !memberSet.has(c));
    const bare = lu.rest.replace(/[\s:.;]+/g, "") === "" && item.more.length === 0;
    if (bare && taskChildren.length > 0) {
      for (const child of taskChildren) visit(child, units, out);
      return;
    }
    out.push(draft(item, units, memberSet));
    return;
  }
  if (inherited) {
    out.push(draft(item, inherited));
    return;
  }
  const roles = roleUnits(item);
  if (roles) {
    out.push(draft(item, roles));
    return;
  }
  if (hasUnitsBelow(item)) {
    for (const child of item.children) visit(child, null, out);
    return;
  }
  if (!NOT_A_TASK.test(item.head.text)) out.push(draft(item, []));
}

export function tasksFromItems(items: Item[]): DraftTask[] {
  const out: DraftTask[] = [];
  for (const item of items) visit(item, null, out);
  return out;
}

function unitsOfCell(cell: string): UnitRef[] {
  const parsed = parseUnitPhrase(cell);
  if (parsed) return parsed;
  return cell
    .split(/[;\n]|,(?![^()]*\))/u)
    .map((s) => tidyUnitName(s))
    .filter((s) => s !== "")
    .map((name) => ({ name, members: [] }));
}

export function tasksFromTable(table: TaskTable, baseRef: string | null): DraftTask[] {
  const out: DraftTask[] = [];
  let counter = 0;
  for (const row of table.rows) {
    const { cells } = row;
    const text = cells.text ?? "";
    const refCell = (cells.ref ?? "").replace(/[.:)]+$/u, "");
    if (text === "" || /^[IVX]+$/u.test(refCell)) continue;
    if (!cells.units && !cells.deadline) continue;
    counter++;
    const label = refCell !== "" ? refCell : String(counter);
    const line: SourceLine = { no: row.line, text: prose(text), raw: text };
    out.push({
      ref: baseRef ? `${baseRef}.${label}` : label,
      text: tidyTaskText(text),
      units: cells.units ? unitsOfCell(cells.units) : [],
      line: row.line,
      scan: [line],
      deadlineCell: cells.deadline ? { no: row.line, text: cells.deadline, raw: cells.deadline } : null,
      reportTo: cells.reportTo ? tidyUnitName(cells.reportTo) : null,
      unitless: !cells.units,
    });
  }
  return out;
}
