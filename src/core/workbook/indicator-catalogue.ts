/**
 * The indicator catalogue (data, not code): figures units typically report, grouped by topic, each with
 * the keywords that make it a default for a plan (domain.md, "Figures units typically report").
 * Topics are read per task (`taskTopics`): a plan gets the indicators of its tasks' and title's topics (a
 * general set when none is clear), and a topic's required indicators are required only of the units whose
 * own tasks are about that topic (`unitTopics`, `isRequiredFor`).
 * To add an indicator: add one entry here (unique upper-case ASCII code, name, unit, type, aggregation,
 * topic); to add a topic, give its keywords in TOPIC_KEYWORDS and its labels in TOPIC_LABELS.
 * docs/indicators.md is generated from this file (`catalogueMarkdown`); a test keeps it in step.
 */
import type { Plan, PlanTask } from "../plan/types";
import { foldVietnamese, nfc } from "../text/vietnamese";
import type { Indicator, IndicatorTopic } from "./indicators";
import { FOOTER_CODES, INFO_CODES, MARKERS, TASK_CODE_PREFIX } from "./unit-tab-schema";

export type { IndicatorTopic } from "./indicators";

export interface CatalogueIndicator extends Indicator {
  topic: IndicatorTopic;
  /** Folded (accent-free, lower-case) phrases that suggest this indicator on their own. */
  keywords: string[];
}

/**
 * Folded phrases that make a task (or the plan's title) about a topic. "general" has none: it is the
 * default when nothing else is clear; "funds" comes with the activity topics.
 */
export const TOPIC_KEYWORDS: Record<IndicatorTopic, string[]> = {
  propaganda: [
    "tuyen truyen",
    "ky niem",
    "hoi nghi quan triet",
    "sinh hoat chuyen de",
    "bang ron",
    "khau hieu",
    "loa truyen thanh",
    "tin bai",
  ],
  danVanKheo: ["dan van kheo"],
  funds: ["kinh phi", "ngan sach", "chi phi"],
  youthMonth: ["thang thanh nien", "hien mau", "cong trinh thanh nien", "tinh nguyen"],
  legalDay: ["ngay phap luat", "pho bien giao duc phap luat", "pho bien phap luat", "tuyen truyen phap luat"],
  partyReview: ["kiem diem", "danh gia xep loai", "xep loai chat luong", "danh gia chat luong dang vien"],
  inspection: ["kiem tra", "thanh tra", "giam sat", "hau kiem", "xu ly vi pham"],
  training: ["tap huan", "lop boi duong", "boi duong nghiep vu", "boi duong kien thuc"],
  support: [
    "tham hoi",
    "tang qua",
    "trao qua",
    "cuu tro",
    "gia dinh chinh sach",
    "ho ngheo",
    "nguoi co cong",
  ],
  members: [
    "phat trien dang",
    "phat trien doan vien",
    "phat trien hoi vien",
    "ket nap",
    "quan chung uu tu",
    "doan vien uu tu",
  ],
  finance: ["thu chi", "dang phi", "doan phi", "hoi phi", "quyet toan", "thu nop"],
  general: [],
};

/** What each topic is called, for the pane's suggestion, the CLI and docs/indicators.md. */
export const TOPIC_LABELS: Record<IndicatorTopic, { vi: string; en: string }> = {
  propaganda: { vi: "Tuyên truyền, kỷ niệm", en: "Propaganda, commemorations" },
  danVanKheo: { vi: "Dân vận khéo", en: "“Skilful mass mobilisation” models" },
  funds: { vi: "Kinh phí", en: "Funds" },
  youthMonth: { vi: "Tháng Thanh niên, tình nguyện", en: "Youth month, volunteering" },
  legalDay: { vi: "Phổ biến pháp luật", en: "Legal education" },
  partyReview: { vi: "Kiểm điểm, đánh giá đảng viên", en: "Party member review" },
  inspection: { vi: "Kiểm tra, giám sát", en: "Inspection, supervision" },
  training: { vi: "Tập huấn, bồi dưỡng", en: "Training" },
  support: { vi: "Thăm hỏi, hỗ trợ", en: "Visits, support" },
  members: { vi: "Phát triển đảng viên, đoàn viên", en: "New Party / youth union members" },
  finance: { vi: "Thu chi", en: "Revenue and spending" },
  general: { vi: "Chung (khi chưa rõ chủ đề)", en: "General (no clear topic)" },
};

export const INDICATOR_CATALOGUE: CatalogueIndicator[] = [
  // Propaganda / commemoration
  {
    code: "TT_SO_BUOI",
    name: "Số buổi tuyên truyền",
    unit: "buổi",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 500,
    topic: "propaganda",
    keywords: ["so buoi", "buoi tuyen truyen"],
  },
  {
    code: "TT_LUOT_NGUOI",
    name: "Số lượt người tham dự",
    unit: "lượt người",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 100000,
    topic: "propaganda",
    keywords: ["luot nguoi", "tham du"],
  },
  {
    code: "TT_TIN_BAI",
    name: "Số tin, bài",
    unit: "tin, bài",
    type: "integer",
    aggregation: "sum",
    required: false,
    plausibleMax: 5000,
    topic: "propaganda",
    keywords: ["tin bai", "bai viet", "dang tin"],
  },
  {
    code: "TT_BANG_RON",
    name: "Số băng rôn, khẩu hiệu, pano",
    unit: "cái",
    type: "integer",
    aggregation: "sum",
    required: false,
    plausibleMax: 5000,
    topic: "propaganda",
    keywords: ["bang ron", "khau hieu", "pano", "treo co"],
  },
  // Dân vận khéo
  {
    code: "DVK_DANG_KY",
    name: "Số mô hình Dân vận khéo đăng ký",
    unit: "mô hình",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 1000,
    topic: "danVanKheo",
    keywords: ["mo hinh", "dang ky"],
  },
  {
    code: "DVK_DA_THUC_HIEN",
    name: "Số mô hình Dân vận khéo đã thực hiện",
    unit: "mô hình",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 1000,
    topic: "danVanKheo",
    keywords: ["mo hinh", "da thuc hien"],
  },
  // Funds (with any activity topic)
  {
    code: "KINH_PHI",
    name: "Kinh phí",
    unit: "đồng",
    type: "money",
    aggregation: "sum",
    required: false,
    plausibleMax: 100_000_000_000,
    topic: "funds",
    keywords: ["kinh phi"],
  },
  // Youth month
  {
    code: "TN_HOAT_DONG",
    name: "Số hoạt động",
    unit: "hoạt động",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 1000,
    topic: "youthMonth",
    keywords: ["hoat dong"],
  },
  {
    code: "TN_LUOT_DOAN_VIEN",
    name: "Số lượt đoàn viên tham gia",
    unit: "lượt",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 100000,
    topic: "youthMonth",
    keywords: ["doan vien tham gia"],
  },
  {
    code: "TN_DON_VI_MAU",
    name: "Số đơn vị máu hiến",
    unit: "đơn vị máu",
    type: "integer",
    aggregation: "sum",
    required: false,
    plausibleMax: 10000,
    topic: "youthMonth",
    keywords: ["hien mau", "don vi mau"],
  },
  {
    code: "TN_CONG_TRINH",
    name: "Số công trình thanh niên",
    unit: "công trình",
    type: "integer",
    aggregation: "sum",
    required: false,
    plausibleMax: 1000,
    topic: "youthMonth",
    keywords: ["cong trinh thanh nien"],
  },
  // Legal day
  {
    code: "PL_HOI_NGHI",
    name: "Số hội nghị phổ biến pháp luật",
    unit: "hội nghị",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 500,
    topic: "legalDay",
    keywords: ["hoi nghi"],
  },
  {
    code: "PL_LUOT_NGUOI_NGHE",
    name: "Số lượt người nghe",
    unit: "lượt người",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 100000,
    topic: "legalDay",
    keywords: ["nguoi nghe"],
  },
  {
    code: "PL_VAN_BAN",
    name: "Số văn bản được giới thiệu",
    unit: "văn bản",
    type: "integer",
    aggregation: "sum",
    required: false,
    plausibleMax: 5000,
    topic: "legalDay",
    keywords: ["van ban duoc gioi thieu"],
  },
  {
    code: "PL_BANG_RON",
    name: "Số băng rôn, khẩu hiệu về pháp luật",
    unit: "cái",
    type: "integer",
    aggregation: "sum",
    required: false,
    plausibleMax: 5000,
    topic: "legalDay",
    keywords: ["bang ron"],
  },
  // Party member review
  {
    code: "DG_SO_DANG_VIEN",
    name: "Số đảng viên",
    unit: "đảng viên",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 100000,
    topic: "partyReview",
    keywords: ["so dang vien"],
  },
  {
    code: "DG_XUAT_SAC",
    name: "Số đảng viên hoàn thành xuất sắc nhiệm vụ",
    unit: "đảng viên",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 100000,
    topic: "partyReview",
    keywords: ["hoan thanh xuat sac"],
  },
  {
    code: "DG_TOT",
    name: "Số đảng viên hoàn thành tốt nhiệm vụ",
    unit: "đảng viên",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 100000,
    topic: "partyReview",
    keywords: ["hoan thanh tot"],
  },
  {
    code: "DG_HOAN_THANH",
    name: "Số đảng viên hoàn thành nhiệm vụ",
    unit: "đảng viên",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 100000,
    topic: "partyReview",
    keywords: ["hoan thanh nhiem vu"],
  },
  {
    code: "DG_KHONG_HOAN_THANH",
    name: "Số đảng viên không hoàn thành nhiệm vụ",
    unit: "đảng viên",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 100000,
    topic: "partyReview",
    keywords: ["khong hoan thanh"],
  },
  // Inspection, supervision
  {
    code: "KT_SO_CUOC",
    name: "Số cuộc kiểm tra, giám sát",
    unit: "cuộc",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 1000,
    topic: "inspection",
    keywords: ["cuoc kiem tra", "dot kiem tra"],
  },
  {
    code: "KT_SO_CO_SO",
    name: "Số cơ sở, đơn vị được kiểm tra",
    unit: "cơ sở",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 10000,
    topic: "inspection",
    keywords: ["co so duoc kiem tra"],
  },
  {
    code: "KT_VI_PHAM",
    name: "Số vi phạm phát hiện",
    unit: "trường hợp",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 10000,
    topic: "inspection",
    keywords: ["vi pham"],
  },
  {
    code: "KT_TIEN_PHAT",
    name: "Số tiền xử phạt",
    unit: "đồng",
    type: "money",
    aggregation: "sum",
    required: false,
    plausibleMax: 100_000_000_000,
    topic: "inspection",
    keywords: ["xu phat"],
  },
  // Training
  {
    code: "TH_SO_LOP",
    name: "Số lớp tập huấn, bồi dưỡng",
    unit: "lớp",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 1000,
    topic: "training",
    keywords: ["lop tap huan", "lop boi duong"],
  },
  {
    code: "TH_LUOT_HOC_VIEN",
    name: "Số lượt học viên",
    unit: "lượt người",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 100000,
    topic: "training",
    keywords: ["hoc vien"],
  },
  // Visits, support
  {
    code: "HT_LUOT_THAM_HOI",
    name: "Số lượt thăm hỏi, tặng quà",
    unit: "lượt",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 100000,
    topic: "support",
    keywords: ["tham hoi", "tang qua"],
  },
  {
    code: "HT_SO_NGUOI",
    name: "Số người, hộ được hỗ trợ",
    unit: "người, hộ",
    type: "integer",
    aggregation: "sum",
    required: false,
    plausibleMax: 100000,
    topic: "support",
    keywords: ["duoc ho tro"],
  },
  {
    code: "HT_GIA_TRI",
    name: "Giá trị quà, hỗ trợ",
    unit: "đồng",
    type: "money",
    aggregation: "sum",
    required: false,
    plausibleMax: 100_000_000_000,
    topic: "support",
    keywords: ["gia tri qua"],
  },
  // New Party / youth union members
  {
    code: "PT_GIOI_THIEU",
    name: "Số quần chúng ưu tú được giới thiệu",
    unit: "người",
    type: "integer",
    aggregation: "sum",
    required: false,
    plausibleMax: 10000,
    topic: "members",
    keywords: ["quan chung uu tu"],
  },
  {
    code: "PT_KET_NAP",
    name: "Số đảng viên, đoàn viên mới kết nạp",
    unit: "người",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 10000,
    topic: "members",
    keywords: ["ket nap"],
  },
  // Revenue and spending
  {
    code: "TC_TONG_THU",
    name: "Tổng thu",
    unit: "đồng",
    type: "money",
    aggregation: "sum",
    required: true,
    plausibleMax: 100_000_000_000,
    topic: "finance",
    keywords: ["tong thu"],
  },
  {
    code: "TC_TONG_CHI",
    name: "Tổng chi",
    unit: "đồng",
    type: "money",
    aggregation: "sum",
    required: true,
    plausibleMax: 100_000_000_000,
    topic: "finance",
    keywords: ["tong chi"],
  },
  // General: when no topic is clear
  {
    code: "HD_SO_HOAT_DONG",
    name: "Số hoạt động đã tổ chức",
    unit: "hoạt động",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 1000,
    topic: "general",
    keywords: ["hoat dong"],
  },
  {
    code: "HD_LUOT_THAM_GIA",
    name: "Số lượt người tham gia",
    unit: "lượt người",
    type: "integer",
    aggregation: "sum",
    required: true,
    plausibleMax: 100000,
    topic: "general",
    keywords: ["tham gia"],
  },
];

/** Topics whose activities usually cost money: their plans also get "Kinh phí". */
const TOPICS_WITH_FUNDS: IndicatorTopic[] = [
  "propaganda",
  "danVanKheo",
  "youthMonth",
  "legalDay",
  "inspection",
  "training",
  "support",
  "general",
];

/** Topics a task can be about, in catalogue order (funds and general are not read from text). */
const TASK_TOPICS = (Object.keys(TOPIC_KEYWORDS) as IndicatorTopic[]).filter(
  (t) => t !== "funds" && t !== "general",
);

/** Accent-free, lower-case, punctuation as spaces: "Dân vận khéo," → " dan van kheo ". */
function foldForSearch(text: string): string {
  return ` ${foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

function topicsIn(folded: string, topics: IndicatorTopic[]): IndicatorTopic[] {
  return topics.filter((topic) => TOPIC_KEYWORDS[topic].some((k) => folded.includes(` ${k} `)));
}

/** What one task (or title) is about: the topics whose keywords its text holds, in catalogue order. */
export function taskTopics(text: string): IndicatorTopic[] {
  return topicsIn(foldForSearch(text), TASK_TOPICS);
}

/** The topics a plan is about, judged from its title and task texts (with funds for activity topics). */
export function planTopics(plan: Plan): IndicatorTopic[] {
  const text = foldForSearch([plan.title ?? "", ...plan.tasks.map((t) => t.text)].join(" \n "));
  const topics = topicsIn(text, [...TASK_TOPICS, "funds"]);
  if (topics.some((t) => TOPICS_WITH_FUNDS.includes(t)) && !topics.includes("funds")) topics.push("funds");
  return topics;
}

/** The plan's topics for its indicators: what it is about, else the general set (with funds). */
function chosenTopics(plan: Plan): IndicatorTopic[] {
  const topics = planTopics(plan);
  return topics.every((t) => t === "funds") ? ["general", "funds"] : topics;
}

/**
 * What a unit's tasks are about: the topics of its own tasks; a unit whose tasks name no topic takes the
 * plan's (a youth-month plan's "Các đơn vị báo cáo kết quả"), else "general".
 */
export function unitTopics(plan: Plan, unit: { taskRefs: readonly string[] }): Set<IndicatorTopic> {
  const own = new Set<IndicatorTopic>();
  for (const ref of unit.taskRefs) {
    const task = plan.tasks.find((t) => t.ref === ref);
    if (task) for (const t of taskTopics(task.text)) own.add(t);
  }
  if (own.size > 0) return own;
  return new Set(chosenTopics(plan).filter((t) => t !== "funds"));
}

/**
 * Must this unit fill the indicator in? Only when the indicator is marked required and its topic is one of
 * the unit's (an indicator without a topic — one the secretary added — is required of every unit).
 */
export function isRequiredFor(ind: Indicator, topics: ReadonlySet<IndicatorTopic>): boolean {
  return ind.required && (ind.topic === undefined || topics.has(ind.topic));
}

/** For the pane and the CLI: each topic of the plan's tasks, with the units and tasks that call for it. */
export interface TopicSuggestion {
  topic: IndicatorTopic;
  units: string[];
  taskRefs: string[];
}

export function suggestIndicatorTopics(plan: Plan): TopicSuggestion[] {
  const out: TopicSuggestion[] = [];
  const tasks = plan.tasks.filter((t: PlanTask) => !t.isSummary);
  for (const task of tasks) {
    for (const topic of taskTopics(task.text)) {
      let s = out.find((x) => x.topic === topic);
      if (!s) out.push((s = { topic, units: [], taskRefs: [] }));
      s.taskRefs.push(task.ref);
      for (const u of task.units) if (!s.units.includes(u)) s.units.push(u);
    }
  }
  return out;
}

function strip(entry: CatalogueIndicator): Indicator {
  const indicator: Indicator = {
    code: entry.code,
    name: entry.name,
    unit: entry.unit,
    type: entry.type,
    aggregation: entry.aggregation,
    required: entry.required,
    topic: entry.topic,
  };
  if (entry.plausibleMax !== undefined) indicator.plausibleMax = entry.plausibleMax;
  return indicator;
}

/**
 * The indicators proposed for a plan, in catalogue order: those of every topic its tasks and title are
 * about, plus funds, last, for activity topics; a plan that matches no topic gets the general set and funds.
 */
export function defaultIndicators(plan: Plan): Indicator[] {
  const topics = chosenTopics(plan);
  const chosen = INDICATOR_CATALOGUE.filter((e) => topics.includes(e.topic));
  // Funds last: the money row closes the table whatever the topics.
  return [...chosen.filter((e) => e.topic !== "funds"), ...chosen.filter((e) => e.topic === "funds")].map(
    strip,
  );
}

/** The catalogue entry of a code, as a plain indicator (for a list that names catalogue codes). */
export function catalogueIndicator(code: string): Indicator | null {
  const entry = INDICATOR_CATALOGUE.find((e) => e.code === code.trim().toUpperCase());
  return entry ? strip(entry) : null;
}

/** Codes the unit-tab layout uses itself: an indicator may not take one of them. */
export const RESERVED_CODES: string[] = [
  ...Object.values(INFO_CODES),
  ...Object.values(FOOTER_CODES),
  ...Object.values(MARKERS),
];

const CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,31}$/;

export interface IndicatorProblem {
  /** Index of the indicator in the list. */
  index: number;
  field: "code" | "name" | "unit";
  vi: string;
  en: string;
}

/**
 * Check the secretary's indicator list before creating sheets: codes present, well-formed, unique and not
 * reserved; names present and unique (ignoring case and accents). Problems are data (bilingual).
 */
export function validateIndicators(list: readonly Indicator[]): IndicatorProblem[] {
  const problems: IndicatorProblem[] = [];
  const codes = new Map<string, number>();
  const names = new Map<string, number>();
  list.forEach((ind, index) => {
    const code = (ind.code ?? "").trim();
    const name = nfc(ind.name ?? "").trim();
    const label = name || `#${index + 1}`;
    if (code === "") {
      problems.push({
        index,
        field: "code",
        vi: `Chỉ tiêu "${label}" chưa có mã.`,
        en: `Indicator "${label}" has no code.`,
      });
    } else if (!CODE_PATTERN.test(code) || code.startsWith(TASK_CODE_PREFIX)) {
      problems.push({
        index,
        field: "code",
        vi: `Mã chỉ tiêu "${code}" không hợp lệ: chỉ dùng chữ in hoa không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ, tối đa 32 ký tự.`,
        en: `Indicator code "${code}" is invalid: use upper-case letters without accents, digits and underscores, starting with a letter, at most 32 characters.`,
      });
    } else if (RESERVED_CODES.includes(code)) {
      problems.push({
        index,
        field: "code",
        vi: `Mã chỉ tiêu "${code}" trùng với mã dành riêng của biểu mẫu.`,
        en: `Indicator code "${code}" is reserved by the form.`,
      });
    } else if (codes.has(code.toUpperCase())) {
      problems.push({
        index,
        field: "code",
        vi: `Mã chỉ tiêu "${code}" bị trùng (chỉ tiêu thứ ${(codes.get(code.toUpperCase()) ?? 0) + 1} và thứ ${index + 1}).`,
        en: `Indicator code "${code}" is duplicated (indicators ${(codes.get(code.toUpperCase()) ?? 0) + 1} and ${index + 1}).`,
      });
    } else {
      codes.set(code.toUpperCase(), index);
    }
    if (name === "") {
      problems.push({
        index,
        field: "name",
        vi: `Chỉ tiêu thứ ${index + 1} chưa có tên.`,
        en: `Indicator ${index + 1} has no name.`,
      });
    } else {
      const key = foldVietnamese(name);
      const first = names.get(key);
      if (first !== undefined) {
        problems.push({
          index,
          field: "name",
          vi: `Tên chỉ tiêu "${name}" bị trùng (chỉ tiêu thứ ${first + 1} và thứ ${index + 1}).`,
          en: `Indicator name "${name}" is duplicated (indicators ${first + 1} and ${index + 1}).`,
        });
      } else names.set(key, index);
    }
  });
  return problems;
}

/**
 * A code for an indicator the secretary adds: the name without accents, upper-case words joined by "_",
 * at most 24 characters, unique against `taken` and the reserved codes ("SO_BUOI_SINH_HOAT", "…_2").
 */
export function makeIndicatorCode(name: string, taken: readonly string[]): string {
  const words = foldVietnamese(nfc(name))
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");
  let base = "";
  for (const word of words) {
    const next = base ? `${base}_${word}` : word;
    if (next.length > 24) break;
    base = next;
  }
  if (base === "" && words.length > 0) base = words[0].slice(0, 24);
  if (base === "" || !/^[A-Z]/.test(base)) base = `CT_${base}`.replace(/_$/, "");
  const used = new Set([...taken.map((c) => c.toUpperCase()), ...RESERVED_CODES]);
  let code = base;
  for (let n = 2; used.has(code); n++) code = `${base}_${n}`;
  return code;
}
