/**
 * Per-unit passwords from a two-column table the secretary typed (unit or tab name, password), for `split`:
 * names are matched case-insensitively with accents (as sheet names are), then ignoring accents when that
 * points at exactly one unit. A first row whose second cell says "mật khẩu" / "password" is a header. An
 * unknown or repeated name is an error naming its line; an empty password means none for that unit.
 */
import type { UnitLink } from "../state/types";
import { caseKey, foldVietnamese, nfc } from "../text/vietnamese";

export interface PasswordProblem {
  /** 1-based line of the table. */
  line: number;
  vi: string;
  en: string;
}

export function matchUnitPasswords(
  units: UnitLink[],
  rows: string[][],
): { passwords: Map<string, string>; problems: PasswordProblem[] } {
  const live = units.filter((u) => !u.removed);
  const passwords = new Map<string, string>();
  const problems: PasswordProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const line = index + 1;
    const name = nfc(row[0] ?? "").trim();
    const password = nfc(row[1] ?? "");
    if (name === "" && password.trim() === "") return;
    const byCase = live.filter(
      (u) => caseKey(u.name) === caseKey(name) || caseKey(u.sheetName) === caseKey(name),
    );
    const loose = live.filter(
      (u) =>
        foldVietnamese(u.name) === foldVietnamese(name) ||
        foldVietnamese(u.sheetName) === foldVietnamese(name),
    );
    const unit = byCase.length === 1 ? byCase[0] : loose.length === 1 ? loose[0] : null;
    if (!unit) {
      if (index === 0 && /mat khau|password/.test(foldVietnamese(password))) return;
      problems.push({
        line,
        vi: `"${name}" không phải tên đơn vị hay tên trang nào của kế hoạch.`,
        en: `"${name}" is not the name of any unit or unit tab of the plan.`,
      });
      return;
    }
    const previous = seen.get(unit.unitId);
    if (previous !== undefined) {
      problems.push({
        line,
        vi: `${unit.name} đã có mật khẩu ở dòng ${previous}.`,
        en: `${unit.name} already has a password on line ${previous}.`,
      });
      return;
    }
    seen.set(unit.unitId, line);
    if (password !== "") passwords.set(unit.unitId, password);
  });
  return { passwords, problems };
}
