/**
 * The indicator catalogue and a plan's suggestion as text: for `indicators --list`, `indicators <plan>` and
 * docs/indicators.md (generated from here; test/cli/indicators-cli.test.ts keeps the file in step).
 */
import type { Plan } from "../core/plan/types";
import { formatVietnameseNumber } from "../core/collect/parse-number";
import type { Indicator, IndicatorTopic } from "../core/workbook/indicators";
import {
  INDICATOR_CATALOGUE,
  suggestIndicatorTopics,
  TOPIC_KEYWORDS,
  TOPIC_LABELS,
} from "../core/workbook/indicator-catalogue";

const TYPE_VI: Record<Indicator["type"], string> = {
  integer: "số nguyên",
  number: "số",
  money: "tiền (đồng)",
  text: "chữ",
  date: "ngày",
};
const AGG_VI: Record<Indicator["aggregation"], string> = {
  sum: "cộng",
  max: "lớn nhất",
  count: "đếm",
  average: "trung bình",
  yesno: "có/không",
  list: "liệt kê",
};

const TOPICS = Object.keys(TOPIC_KEYWORDS) as IndicatorTopic[];

/** `indicators --list`: the catalogue, topic by topic. */
export function catalogueText(): string {
  const out: string[] = [];
  for (const topic of TOPICS) {
    out.push(`${TOPIC_LABELS[topic].vi} / ${TOPIC_LABELS[topic].en} [${topic}]`);
    for (const e of INDICATOR_CATALOGUE.filter((x) => x.topic === topic))
      out.push(
        `  ${e.code.padEnd(20)} ${e.name}${e.unit ? ` (${e.unit})` : ""}${e.required ? " (*)" : ""} — ${TYPE_VI[e.type]}, ${AGG_VI[e.aggregation]}`,
      );
  }
  out.push("");
  out.push(
    "(*) bắt buộc với đơn vị có nhiệm vụ thuộc chủ đề / required of the units whose tasks are about the topic",
  );
  return `${out.join("\n")}\n`;
}

/** `indicators <plan>`: the indicators suggested and, per topic, the units whose tasks call for it. */
export function suggestionText(plan: Plan, indicators: Indicator[]): string {
  const out: string[] = ["Chủ đề theo nhiệm vụ / topics of the tasks:"];
  const topics = suggestIndicatorTopics(plan);
  if (topics.length === 0) out.push(`  ${TOPIC_LABELS.general.vi} / ${TOPIC_LABELS.general.en}`);
  for (const s of topics)
    out.push(
      `  ${TOPIC_LABELS[s.topic].vi} / ${TOPIC_LABELS[s.topic].en}: ${s.units.join(", ")} (${s.taskRefs.join(", ")})`,
    );
  out.push("");
  out.push(`Chỉ tiêu đề xuất / suggested indicators (${indicators.length}):`);
  for (const i of indicators)
    out.push(
      `  ${i.code.padEnd(20)} ${i.name}${i.unit ? ` (${i.unit})` : ""}${i.required ? " (*)" : ""}${i.topic ? ` [${i.topic}]` : ""}`,
    );
  out.push("");
  out.push(
    "Sửa danh sách: indicators <kế-hoạch> --json > chi-tieu.json, sửa tệp, rồi init … --indicators chi-tieu.json",
  );
  out.push(
    "To change them: indicators <plan> --json > indicators.json, edit the file, then init … --indicators indicators.json",
  );
  return `${out.join("\n")}\n`;
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

/** docs/indicators.md. */
export function catalogueMarkdown(): string {
  const out: string[] = [
    "# Danh mục chỉ tiêu / The indicator catalogue",
    "",
    "<!-- Generated from src/core/workbook/indicator-catalogue.ts by src/cli/format-catalogue.ts;",
    "     `UPDATE_DOCS=1 npx jest test/cli/indicators-cli` rewrites it. Do not edit by hand. -->",
    "",
    "**How indicators are chosen.** Each task of the plan is read for its topic (the keywords below, matched",
    "without accents or case). The plan gets the indicators of every topic its tasks and title are about, with",
    "*Kinh phí* last for activity topics; a plan with no clear topic gets the general set. An indicator marked",
    "(*) is required **only of the units whose own tasks are about its topic** (a unit whose tasks name no",
    "topic takes the plan's): in a food-safety plan the police unit, whose task is inspection, is asked for",
    "the inspection figures and not for *Số buổi tuyên truyền*. An indicator the secretary adds (no topic) and",
    "marks required is required of every unit.",
    "",
    "**Choosing them.** In the task pane, the plan screen's indicator editor shows the suggestion and each",
    "indicator's topic. On the command line, `indicators --list [--json]` prints this catalogue;",
    "`indicators <plan> [--json]` prints the suggestion for a plan; `init <plan> -o <workbook.xlsx>",
    "--indicators <file.json>` creates the workbook with the indicators of the file: a JSON array (or",
    '`{ "indicators": [...] }`) whose entries are catalogue codes (`"KT_SO_CUOC"`), catalogue codes with',
    'fields changed (`{ "code": "KT_VI_PHAM", "required": false }`) or indicators of your own',
    '(`{ "name": "Số mẫu xét nghiệm nhanh", "unit": "mẫu", "type": "integer", "aggregation": "sum",',
    '"required": true, "topic": "inspection" }`; the code is made from the name when absent). Fields: `code`,',
    "`name`, `unit`, `type` (integer, number, money, text, date), `aggregation` (sum, max, count, average, yesno, list),",
    "`required`, `topic`, `plausibleMax`. A wrong file is refused with the JSON path of each problem.",
    "",
  ];
  for (const topic of TOPICS) {
    const label = TOPIC_LABELS[topic];
    out.push(`## ${label.vi} / ${label.en} — \`${topic}\``);
    out.push("");
    out.push(
      TOPIC_KEYWORDS[topic].length
        ? `Keywords: ${TOPIC_KEYWORDS[topic].map((k) => `“${k}”`).join(", ")}.`
        : topic === "general"
          ? "No keywords: the set for a plan whose tasks and title name no topic."
          : "No keywords.",
    );
    out.push("");
    out.push("| code | indicator | unit | type | aggregation | required | implausible above |");
    out.push("|---|---|---|---|---|---|---|");
    for (const e of INDICATOR_CATALOGUE.filter((x) => x.topic === topic))
      out.push(
        `| \`${e.code}\` | ${cell(e.name)} | ${cell(e.unit)} | ${e.type} | ${e.aggregation} | ${e.required ? "yes (*)" : "no"} | ${e.plausibleMax !== undefined ? formatVietnameseNumber(e.plausibleMax) : ""} |`,
      );
    out.push("");
  }
  return out.join("\n");
}
