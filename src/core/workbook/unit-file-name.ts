/**
 * File names of the per-unit files ("Tạo tệp cho từng đơn vị" / `split`): the unit's name and the plan's
 * number, e.g. "Tổ đảng tổ 1 - 334-KH-CB.xlsx". Vietnamese is kept (NFC); what Windows or macOS refuse in a
 * file name is replaced (":" by " - ", the others by "-"): \ / : * ? " < > | and control characters, trailing dots and spaces, a leading dot
 * (hidden on macOS), the reserved device names (CON, PRN, AUX, NUL, COM1–9, LPT1–9). Names are unique
 * ignoring case, as both file systems compare them, by " (2)", " (3)" … and short enough for any path:
 * 255 bytes of UTF-8 is the limit on macOS, and a Vietnamese letter can take 3.
 */
import { nfc } from "../text/vietnamese";

/** Characters of the stem (without " (n)" and ".xlsx"): 80 × 3 bytes stays well under 255. */
export const MAX_FILE_STEM_LENGTH = 80;

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** One part of a file name made safe: forbidden characters → "-", spaces collapsed, no dots at the ends. */
export function safeFileNamePart(text: string): string {
  return nfc(text)
    .replace(/\s*:\s*/g, " - ")
    .replace(FORBIDDEN, "-")
    .replace(/\s+/g, " ")
    .replace(/-{2,}/g, "-")
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, "");
}

function clip(stem: string, max: number): string {
  const chars = [...stem];
  return chars.length <= max
    ? stem
    : chars
        .slice(0, max)
        .join("")
        .replace(/[.\s-]+$/, "");
}

/** "<unit> - <plan number>" made safe, or the unit alone when the plan has no number. */
export function unitFileStem(unitName: string, planNumber: string | null): string {
  const unit = safeFileNamePart(unitName) || "don-vi";
  const number = planNumber ? safeFileNamePart(planNumber) : "";
  const stem = number ? `${clip(unit, MAX_FILE_STEM_LENGTH - number.length - 3)} - ${number}` : unit;
  const clipped = clip(stem, MAX_FILE_STEM_LENGTH);
  return RESERVED.test(clipped) ? `_${clipped}` : clipped;
}

/**
 * A file name per unit (same order as given), unique ignoring case, with the extension.
 */
export function unitFileNames(
  units: { name: string }[],
  planNumber: string | null,
  extension = ".xlsx",
): string[] {
  const used = new Set<string>();
  return units.map((unit) => {
    const stem = unitFileStem(unit.name, planNumber);
    let name = `${stem}${extension}`;
    for (let n = 2; used.has(name.toLocaleLowerCase("vi")); n++) name = `${stem} (${n})${extension}`;
    used.add(name.toLocaleLowerCase("vi"));
    return name;
  });
}
