/**
 * Totals per indicator by its aggregation (sum / max / count / average / yesno / list), over every unit whose
 * tab holds a value. Numbers are added in unit order as doubles, exactly as a spreadsheet adds the same cells.
 *
 * Every total keeps its numerator and denominator and the number of leaf units behind it, so totals climb
 * levels exactly (src/core/rollup/): a body's rolled-up figure carries the level below's parts
 * (`CollectedValue.parts`) and counts as that many units; an average is always Σ figures / Σ units of every
 * unit below, never an average of averages.
 */
import type { Indicator } from "../workbook/indicators";
import type { UnitSubmission } from "../collect/unit-submission";

export interface IndicatorTotal {
  code: string;
  aggregation: Indicator["aggregation"];
  /** Null when no unit has a value (the sheet shows an empty cell). Yes/no: "x/n đơn vị". */
  value: number | string | null;
  /** Leaf units that contributed a value (a rolled-up body counts its own units). */
  count: number;
  /**
   * sum: the sum; max: the max; count: the units; average: Σ figures; yesno: units answering "Có"; list: null.
   * Null when no unit has a value.
   */
  numerator: number | null;
  /** The units the numerator is over (average: units with a figure; yesno: units that answered). */
  denominator: number | null;
}

export const YES = "Có";
export const NO = "Không";

/** "3/5 đơn vị": how many of the units that answered said "Có". */
export function yesNoText(yes: number, answered: number): string {
  return `${yes}/${answered} đơn vị`;
}

export function aggregate(
  indicators: Indicator[],
  submissions: UnitSubmission[],
): Record<string, IndicatorTotal> {
  // Units outer, indicators inner: each unit's values are read together. Per indicator, figures are still
  // taken in unit order, so sums are added in the same order as before.
  const n = indicators.length;
  const codes = indicators.map((ind) => ind.code);
  const kinds = indicators.map((ind) => ind.aggregation);
  const count = new Array<number>(n).fill(0);
  const numbers = new Array<number>(n).fill(0);
  const sum = new Array<number>(n).fill(0);
  const max = new Array<number>(n).fill(0);
  const num = new Array<number>(n).fill(0);
  const den = new Array<number>(n).fill(0);
  const listed: (string[] | null)[] = indicators.map((ind) => (ind.aggregation === "list" ? [] : null));
  for (const s of submissions) {
    const values = s.values;
    for (let i = 0; i < n; i++) {
      const cv = values[codes[i]];
      const v = cv?.value ?? null;
      if (v === null || v === "") continue;
      const parts = cv.parts;
      count[i] += parts ? parts.units : 1;
      listed[i]?.push(`${s.unit}: ${String(v)}`);
      if (typeof v === "number") {
        sum[i] += v;
        if (numbers[i] === 0 || v > max[i]) max[i] = v;
        numbers[i]++;
      }
      const kind = kinds[i];
      if (kind === "average" || kind === "yesno") {
        if (parts) {
          num[i] += parts.numerator;
          den[i] += parts.denominator;
        } else if (kind === "yesno") {
          num[i] += v === YES ? 1 : 0;
          den[i] += 1;
        } else if (typeof v === "number") {
          num[i] += v;
          den[i] += 1;
        }
      }
    }
  }
  const out: Record<string, IndicatorTotal> = {};
  indicators.forEach((ind, i) => {
    let value: number | string | null = null;
    let numerator: number | null = null;
    let denominator: number | null = null;
    switch (ind.aggregation) {
      case "sum":
        value = numbers[i] ? sum[i] : null;
        numerator = value;
        denominator = numbers[i] ? count[i] : null;
        break;
      case "max":
        value = numbers[i] ? max[i] : null;
        numerator = value;
        denominator = numbers[i] ? count[i] : null;
        break;
      case "count":
        value = count[i];
        numerator = count[i];
        denominator = count[i];
        break;
      case "average":
        value = den[i] ? num[i] / den[i] : null;
        numerator = den[i] ? num[i] : null;
        denominator = den[i] ? den[i] : null;
        break;
      case "yesno":
        value = den[i] ? yesNoText(num[i], den[i]) : null;
        numerator = den[i] ? num[i] : null;
        denominator = den[i] ? den[i] : null;
        break;
      case "list":
        value = listed[i]?.length ? (listed[i] as string[]).join("; ") : null;
        break;
    }
    out[ind.code] = {
      code: ind.code,
      aggregation: ind.aggregation,
      value,
      count: count[i],
      numerator,
      denominator,
    };
  });
  return out;
}
