/** The issuing body named in the text ("Chi bộ … xây dựng kế hoạch …"), and the header name in its body casing. */
import { prose, type SourceLine } from "./source-lines";
import { parseUnitPhrase } from "./units";

const ISSUING_VERB =
  /\s(?:xây dựng|ban hành|đề ra|lập|triển khai xây dựng|thống nhất xây dựng|hướng dẫn)\s+(?:[\p{L}\s]{0,30}?)(?:kế hoạch|hướng dẫn|chương trình|phương án|thông báo)/iu;

/** The body that says it issues the plan, from the opening sentences; null when no sentence says so. */
export function issuerFromText(lines: SourceLine[], from: number, to: number): string | null {
  for (let i = from; i < Math.min(to, lines.length); i++) {
    const text = prose(lines[i].text);
    const m = ISSUING_VERB.exec(text);
    if (!m) continue;
    const before = text.slice(0, m.index);
    const candidate = before.split(/[,;:]\s*/u).pop() ?? "";
    const units = parseUnitPhrase(candidate.trim());
    if (units && units.length === 1) return units[0].name;
  }
  return null;
}

/**
 * "CHI BỘ TRƯỜNG THPT A" → "Chi bộ Trường THPT A" when the text writes the name that way (also across a line
 * break the text kept: "… Đảng ủy xã Bằng" / "Thành xây dựng …").
 */
export function bodyCasing(name: string, lines: SourceLine[], from: number): string {
  const needle = name.toLocaleLowerCase("vi");
  const text = lines
    .slice(from)
    .map((l) => prose(l.text))
    .join(" ");
  const lower = text.toLocaleLowerCase("vi");
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
    const found = text.slice(at, at + name.length);
    if (found !== name && found !== found.toLocaleUpperCase("vi")) return found;
  }
  return name;
}
