/** To whom a task reports: "… báo cáo kết quả về Ban Chi ủy trước ngày …", "… tổng hợp, báo cáo UBND tỉnh". */
import { looksLikeUnit, tidyUnitName } from "./units";

const STOP = new Set([
  "trước",
  "chậm",
  "để",
  "qua",
  "trong",
  "theo",
  "ngày",
  "hạn",
  "vào",
  "bằng",
  "định",
  "kèm",
  "thông",
  "xong",
  "hoàn",
  "đúng",
  "khi",
  "sau",
  "cùng",
  "trực",
  "tổng",
  "hằng",
  "hàng",
  "mỗi",
  "với",
  "kết",
  "việc",
  "tình",
  "và",
  "hoặc",
  "muộn",
  "không",
  "đồng",
  "theo",
  "tại",
  "trên",
  "từ",
  "lúc",
  "đến",
  "tới",
  "về",
  "nhằm",
  "báo",
]);

/**
 * "và" inside a name ("Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội"): the next word is
 * capitalised and does not start a unit of its own ("Ban Chi ủy và Công đoàn" names two).
 */
function continuesName(next: string[]): boolean {
  const first = next[0] ?? "";
  if (!/^\p{Lu}/u.test(first)) return false;
  return !looksLikeUnit(next.join(" ").replace(/[,;.:()]+$/u, ""));
}

/** The unit name that starts at `text`, if the words there name one. */
function unitAt(text: string): string | null {
  const words = text.split(/\s+/).filter(Boolean);
  const taken: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const bare = word.replace(/[,;.:()]+$/u, "");
    if (word.startsWith("(") || /^\d{1,2}[/.-]\d/u.test(word)) break;
    const lw = bare.toLocaleLowerCase("vi");
    if (lw === "và" && bare === word && taken.length > 0 && continuesName(words.slice(i + 1, i + 4))) {
      taken.push(bare);
      continue;
    }
    if (taken.length > 0 && STOP.has(lw) && !(lw === "đồng" && taken.length === 0)) break;
    taken.push(bare);
    if (bare !== word || taken.length >= 10) break;
  }
  while (taken.length > 0 && /^(?:để|và)$/u.test(taken[taken.length - 1])) taken.pop();
  const phrase = taken.join(" ");
  return phrase !== "" && looksLikeUnit(phrase) ? tidyUnitName(phrase) : null;
}

/** The body a task reports to, or null. */
export function findReportTo(text: string): string | null {
  const re = /(?<![\p{L}])(báo cáo|gửi|nộp|chuyển)((?:\s+(?:về|lên|tới|đến|cho))*)\s+/giu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const after = text.slice(m.index + m[0].length);
    const direct = unitAt(after);
    if (direct) return direct;
    // "báo cáo kết quả … về Ban Chi ủy": look for "về/lên/cho" later in the same clause.
    const clause = after.split(/[;!?]|\.\s/u)[0];
    const via = /(?<![\p{L}])(?:về|lên|tới|cho)\s+(?!việc|công tác|kết quả|tình hình)/gu;
    let v: RegExpExecArray | null;
    while ((v = via.exec(clause)) !== null) {
      const unit = unitAt(clause.slice(v.index + v[0].length));
      if (unit) return unit;
    }
  }
  return null;
}
