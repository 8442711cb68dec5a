/**
 * The indicator catalogue (data, not code): figures units typically report, grouped by topic, each with
 * the keywords that make it a default for a plan (domain.md, "Figures units typically report").
 * To add an indicator: add one entry here (unique upper-case ASCII code, name, unit, type, aggregation,
 * topic); to make a new topic a default, give its keywords in TOPIC_KEYWORDS.
 */
import type { Plan } from "../plan/types";
import { foldVietnamese, nfc } from "../text/vietnamese";
import type { Indicator } from "./indicators";
import { FOOTER_CODES, INFO_CODES, MARKERS, TASK_CODE_PREFIX } from "./unit-tab-schema";

export type IndicatorTopic =
  "propaganda" | "danVanKheo" | "funds" | "youthMonth" | "legalDay" | "partyReview";

export interface CatalogueIndicator extends Indicator {
  topic: IndicatorTopic;
  /** Folded (accent-free, lower-case) phrases that suggest this indicator on their own. */
  keywords: string[];
}

/** Folded phrases that make a topic's indicators the defaults for a plan. */
export const TOPIC_KEYWORDS: Record<IndicatorTopic, string[]> = {
  propaganda: ["tuyen truyen", "ky niem", "hoi nghi quan triet", "sinh hoat chuyen de"],
  danVanKheo: ["dan van kheo"],
  funds: ["kinh phi", "ngan sach", "chi phi"],
  youthMonth: ["thang thanh nien", "hien mau", "cong trinh thanh nien", "tinh nguyen"],
  legalDay: ["ngay phap luat", "pho bien giao duc phap luat", "pho bien phap luat", "tuyen truyen phap luat"],
  partyReview: ["kiem diem", "danh gia xep loai", "xep loai chat luong", "danh gia chat luong dang vien"],
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
];

/** Topics whose activities usually cost money: their plans also get "Kinh phí". */
const TOPICS_WITH_FUNDS: IndicatorTopic[] = ["propaganda", "danVanKheo", "youthMonth", "legalDay"];

/** Accent-free, lower-case, punctuation as spaces: "Dân vận khéo," → "dan van kheo". */
function foldForSearch(text: string): string {
  return ` ${foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

function planText(plan: Plan): string {
  return foldForSearch([plan.title ?? "", ...plan.tasks.map((t) => t.text)].join(" \n "));
}

/** The topics a plan is about, judged from its title and task texts. */
export function planTopics(plan: Plan): IndicatorTopic[] {
  const text = planText(plan);
  const topics = (Object.keys(TOPIC_KEYWORDS) as IndicatorTopic[]).filter((topic) =>
    TOPIC_KEYWORDS[topic].some((k) => text.includes(` ${k} `)),
  );
  if (topics.some((t) => TOPICS_WITH_FUNDS.includes(t)) && !topics.includes("funds")) topics.push("funds");
  return topics;
}

function strip(entry: CatalogueIndicator): Indicator {
  const indicator: Indicator = {
    code: entry.code,
    name: entry.name,
    unit: entry.unit,
    type: entry.type,
    aggregation: entry.aggregation,
    required: entry.required,
  };
  if (entry.plausibleMax !== undefined) indicator.plausibleMax = entry.plausibleMax;
  return indicator;
}

/**
 * The indicators proposed for a plan, in catalogue order: those of every topic the plan is about
 * (propaganda, Dân vận khéo, youth month, legal day, party review) plus funds, last, for activity topics.
 * A plan that matches nothing gets the propaganda set and funds (the most common report).
 */
export function defaultIndicators(plan: Plan): Indicator[] {
  let topics = planTopics(plan);
  if (topics.length === 0 || (topics.length === 1 && topics[0] === "funds")) topics = ["propaganda", "funds"];
  const chosen = INDICATOR_CATALOGUE.filter((e) => topics.includes(e.topic));
  // Funds last: the money row closes the table whatever the topics.
  return [...chosen.filter((e) => e.topic !== "funds"), ...chosen.filter((e) => e.topic === "funds")].map(
    strip,
  );
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
