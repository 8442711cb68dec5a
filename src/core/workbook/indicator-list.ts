/**
 * An indicator list the secretary wrote (the CLI's `init --indicators <file.json>`), checked field by field:
 * a JSON array, or `{ "indicators": [...] }`, whose entries are catalogue codes ("KT_SO_CUOC"), catalogue
 * codes with fields changed (`{ "code": "KT_VI_PHAM", "required": false }`) or indicators of her own
 * (`{ "name": "Số mẫu xét nghiệm", "unit": "mẫu", … }`, the code made from the name when absent).
 * Every problem names its JSON path ("$.indicators[2].type"), in Vietnamese and English.
 */
import type { Aggregation, Indicator, IndicatorTopic, IndicatorType } from "./indicators";
import {
  catalogueIndicator,
  makeIndicatorCode,
  TOPIC_KEYWORDS,
  validateIndicators,
} from "./indicator-catalogue";
import { nfc } from "../text/vietnamese";

export interface IndicatorListProblem {
  /** JSON path of the value: "$", "$.indicators[1]", "$[0].type". */
  path: string;
  vi: string;
  en: string;
}

const TYPES: IndicatorType[] = ["integer", "number", "money", "text", "date"];
const AGGREGATIONS: Aggregation[] = ["sum", "max", "count", "average", "yesno", "list"];
const TOPICS = Object.keys(TOPIC_KEYWORDS) as IndicatorTopic[];
const FIELDS = ["code", "name", "unit", "type", "aggregation", "required", "topic", "plausibleMax"];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function readIndicatorList(value: unknown): {
  indicators: Indicator[];
  problems: IndicatorListProblem[];
} {
  const problems: IndicatorListProblem[] = [];
  const problem = (path: string, vi: string, en: string) => problems.push({ path, vi, en });
  let list: unknown = value;
  let base = "$";
  if (isObject(value) && "indicators" in value) {
    list = value.indicators;
    base = "$.indicators";
  }
  if (!Array.isArray(list)) {
    problem(
      base,
      'cần một danh sách chỉ tiêu (mảng JSON, hoặc { "indicators": [...] })',
      'a list of indicators is expected (a JSON array, or { "indicators": [...] })',
    );
    return { indicators: [], problems };
  }
  if (list.length === 0) {
    problem(base, "danh sách chỉ tiêu trống", "the list of indicators is empty");
    return { indicators: [], problems };
  }
  const indicators: Indicator[] = [];
  const paths: string[] = [];
  list.forEach((entry, i) => {
    const at = `${base}[${i}]`;
    if (typeof entry === "string") {
      const found = catalogueIndicator(entry);
      if (found) {
        indicators.push(found);
        paths.push(at);
      } else
        problem(
          at,
          `không có chỉ tiêu mã "${entry}" trong danh mục (xem: indicators --list)`,
          `no indicator "${entry}" in the catalogue (see: indicators --list)`,
        );
      return;
    }
    if (!isObject(entry)) {
      problem(
        at,
        "mỗi chỉ tiêu là một mã trong danh mục (chuỗi) hoặc một đối tượng",
        "each indicator is a catalogue code (a string) or an object",
      );
      return;
    }
    const before = problems.length;
    for (const key of Object.keys(entry))
      if (!FIELDS.includes(key))
        problem(
          `${at}.${key}`,
          `trường không có trong chỉ tiêu (các trường: ${FIELDS.join(", ")})`,
          `unknown field of an indicator (fields: ${FIELDS.join(", ")})`,
        );
    const text = (key: string): string | undefined => {
      const v = entry[key];
      if (v === undefined) return undefined;
      if (typeof v === "string") return nfc(v).trim();
      problem(`${at}.${key}`, "cần một chuỗi", "a string is expected");
      return undefined;
    };
    const oneOf = <T extends string>(key: string, allowed: readonly T[]): T | undefined => {
      const v = entry[key];
      if (v === undefined) return undefined;
      if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
      problem(
        `${at}.${key}`,
        `${JSON.stringify(v)} không phải một trong ${allowed.join(", ")}`,
        `${JSON.stringify(v)} is not one of ${allowed.join(", ")}`,
      );
      return undefined;
    };
    const code = text("code");
    const base0 = code ? catalogueIndicator(code) : null;
    const name = text("name") ?? base0?.name;
    const unit = text("unit") ?? base0?.unit;
    const type = oneOf("type", TYPES) ?? base0?.type ?? "integer";
    const aggregation = oneOf("aggregation", AGGREGATIONS) ?? base0?.aggregation ?? "sum";
    const topic = oneOf("topic", TOPICS) ?? base0?.topic;
    let required = base0?.required ?? false;
    if (entry.required !== undefined) {
      if (typeof entry.required === "boolean") required = entry.required;
      else problem(`${at}.required`, "cần true hoặc false", "true or false is expected");
    }
    let plausibleMax = base0?.plausibleMax;
    if (entry.plausibleMax !== undefined) {
      if (typeof entry.plausibleMax === "number" && entry.plausibleMax > 0) plausibleMax = entry.plausibleMax;
      else problem(`${at}.plausibleMax`, "cần một số dương", "a positive number is expected");
    }
    if (!name) problem(`${at}.name`, "thiếu tên chỉ tiêu", "the indicator's name is missing");
    if (unit === undefined)
      problem(`${at}.unit`, 'thiếu đơn vị tính (có thể là "")', 'the unit is missing (it may be "")');
    if (problems.length > before || !name || unit === undefined) return;
    const indicator: Indicator = {
      code:
        code ??
        makeIndicatorCode(
          name,
          indicators.map((x) => x.code),
        ),
      name,
      unit,
      type,
      aggregation,
      required,
    };
    if (topic) indicator.topic = topic;
    if (plausibleMax !== undefined) indicator.plausibleMax = plausibleMax;
    indicators.push(indicator);
    paths.push(at);
  });
  for (const p of validateIndicators(indicators)) problem(`${paths[p.index]}.${p.field}`, p.vi, p.en);
  return { indicators, problems };
}
