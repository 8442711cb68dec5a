/**
 * Units named in a role rather than at the start of the task: a line "Đơn vị chủ trì: Phòng X" under the task,
 * or the task followed by "(Phòng X chủ trì, …)".
 */
import { parseUnitPhrase, type UnitRef } from "./units";

/** "- Đơn vị chủ trì: …", "Cơ quan thực hiện: …", "Chủ trì: …" (the partners' line is not a role of its own). */
export const ROLE_LINE =
  /^(?:[-–+•]\s*)?(?:(?:đơn vị|cơ quan|bộ phận)\s+)?(?:chủ trì|thực hiện chính|thực hiện|phụ trách|chịu trách nhiệm|được giao)\s*:\s*(.+)$/iu;
/** "(Phòng X chủ trì, …)", "(giao Phòng X thực hiện …)". */
const ROLE_IN_PARENTHESES = /\(\s*([^()]*?)\s+(?:chủ trì|thực hiện|phụ trách)(?![\p{L}])[^()]*\)/giu;

/** The units of a role's value ("Trung tâm Văn hóa, Thể thao và Truyền thông huyện."). */
function unitsOf(value: string): UnitRef[] | null {
  const text = value.replace(/[\s.;,]+$/u, "").trim();
  const whole = parseUnitPhrase(text);
  if (whole) return whole;
  // "UBND xã, Đoàn Thanh niên xã phối hợp; Ban X chủ trì": the part next to the role word.
  for (const sep of [";", ","]) {
    const last = text.split(sep).pop()!.trim();
    const units = last !== text ? parseUnitPhrase(last) : null;
    if (units) return units;
  }
  return null;
}

/** The units a line names in a role line, or null. */
export function roleLineUnits(text: string): UnitRef[] | null {
  const m = ROLE_LINE.exec(text.trim());
  return m ? unitsOf(m[1]) : null;
}

/** The units named in parentheses after the task ("(UBND xã chủ trì, …)"), or null. */
export function parenthesisedUnits(text: string): UnitRef[] | null {
  ROLE_IN_PARENTHESES.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ROLE_IN_PARENTHESES.exec(text)) !== null) {
    const units = unitsOf(m[1].replace(/^(?:giao|do)\s+/iu, ""));
    if (units) return units;
  }
  return null;
}

/** True when the line names a unit in a role (a section with such lines assigns tasks). */
export function namesRole(text: string): boolean {
  return roleLineUnits(text) !== null || parenthesisedUnits(text) !== null;
}
