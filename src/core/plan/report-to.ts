/** To whom a task reports: "… báo cáo kết quả về Ban Chi ủy trước ngày …", "… tổng hợp, báo cáo UBND tỉnh". */
import { looksLikeUnit, tidyUnitName } from "./units";
import { foldVietnamese } from "../text/vietnamese";

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

interface Found {
  name: string;
  /** The words after the name. */
  rest: string;
  /** The punctuation that ended the name's last word ("," or ";"), or "". */
  sep: string;
}

/** The unit name that starts at `text`, if the words there name one. */
function unitAt(text: string): Found | null {
  const words = text.split(/\s+/).filter(Boolean);
  const taken: string[] = [];
  let used = 0;
  let sep = "";
  let inside = false; // the word after a "và" or comma inside the name, even if it is a stop word ("và Thông tin")
  let preventing = false; // after "Phòng, chống": what is prevented goes on in lower case, "và" included
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const bare = word.replace(/[,;.:()]+$/u, "");
    if (word.startsWith("(") || /^\d{1,2}[/.-]\d/u.test(word)) break;
    const lw = bare.toLocaleLowerCase("vi");
    const lowerNext =
      /^\p{Ll}/u.test(words[i + 1] ?? "") && !STOP.has((words[i + 1] ?? "").toLocaleLowerCase("vi"));
    if (
      lw === "và" &&
      bare === word &&
      taken.length > 0 &&
      ((preventing && lowerNext) || continuesName(words.slice(i + 1, i + 4)))
    ) {
      taken.push(bare);
      inside = true;
      continue;
    }
    const prev = (taken[taken.length - 1] ?? "").toLocaleLowerCase("vi");
    // "Thường trực", "Hội đồng": a stop word that finishes the name's first word.
    const joinsPrev = (lw === "trực" && prev === "thường") || (lw === "đồng" && prev === "hội");
    if (taken.length > 0 && !inside && STOP.has(lw) && !joinsPrev) break;
    inside = false;
    taken.push(bare);
    used = i + 1;
    if (bare !== word) {
      // "Sở Văn hóa, Thể thao và Du lịch": a comma before a capitalised word that starts no unit is inside the name.
      // "Ban Chỉ huy Phòng, chống thiên tai …": "phòng, chống" (prevent and fight) is one word of the name.
      if (/^phòng$/iu.test(bare) && /^chống/u.test(words[i + 1] ?? "")) preventing = true;
      if (word === `${bare},` && (preventing || continuesName(words.slice(i + 1, i + 4)))) {
        taken[taken.length - 1] = word;
        inside = true;
        continue;
      }
      sep = word.slice(bare.length).replace(/[.:()].*$/u, "");
      break;
    }
    if (taken.length >= (preventing ? 16 : 10)) break;
  }
  while (taken.length > 0 && /^(?:để|và)$/u.test(taken[taken.length - 1])) {
    taken.pop();
    used--;
  }
  const phrase = taken.join(" ");
  if (phrase === "" || !looksLikeUnit(phrase)) return null;
  return { name: tidyUnitName(phrase), rest: words.slice(used).join(" "), sep };
}

/**
 * The bodies named from `text` on: "Thường trực Huyện ủy và Ban Tuyên giáo Huyện ủy",
 * "UBND huyện, Sở Văn hóa, Thể thao và Du lịch" give both.
 */
function unitsAt(text: string): string[] {
  const names: string[] = [];
  let found = unitAt(text);
  while (found) {
    names.push(found.name);
    const joined = found.sep !== "" ? found.rest : /^(?:và|cùng|,|;)\s+(.*)$/su.exec(found.rest)?.[1];
    found = joined !== undefined ? unitAt(joined) : null;
  }
  return names;
}

/**
 * The body a task reports to, or null. Several bodies ("báo cáo Thường trực Huyện ủy và Ban Tuyên giáo
 * Huyện ủy") are kept, joined by "; " (a body's own name may hold "và" or a comma). A body that is one of the
 * task's own units (`own`) is what others send to it ("tiếp nhận báo cáo … gửi về Trung tâm Y tế huyện"), not
 * where it reports: the search goes on past it.
 */
export function findReportTo(text: string, own: readonly string[] = []): string | null {
  const ownKeys = own.map((u) => foldVietnamese(u)).filter((u) => u !== "");
  const longest = Math.max(0, ...own.map((u) => u.length));
  const names = (at: string) => {
    const head = ownKeys.length > 0 ? foldVietnamese(at.slice(0, longest + 8)) : "";
    return ownKeys.some((u) => head.startsWith(u)) ? [] : unitsAt(at);
  };
  const re = /(?<![\p{L}])(báo cáo|gửi|nộp|chuyển)((?:\s+(?:về|lên|tới|đến|cho|với))*)\s+/giu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const after = text.slice(m.index + m[0].length);
    const direct = names(after);
    if (direct.length > 0) return direct.join(REPORT_TO_SEPARATOR);
    // "báo cáo kết quả … về Ban Chi ủy": look for "về/lên/cho/với" later in the same clause.
    const clause = after.split(/[;!?]|\.\s/u)[0];
    const via = /(?<![\p{L}])(?:về|lên|tới|cho|với)\s+(?!việc|công tác|kết quả|tình hình)/gu;
    let v: RegExpExecArray | null;
    while ((v = via.exec(clause)) !== null) {
      const units = names(clause.slice(v.index + v[0].length));
      if (units.length > 0) return units.join(REPORT_TO_SEPARATOR);
    }
  }
  return null;
}

/** Between the bodies of a report-to naming several. */
export const REPORT_TO_SEPARATOR = "; ";
