/**
 * Totals per indicator by its aggregation (sum / max / count / list), over every unit whose tab holds a
 * value. Numbers are added in unit order as doubles, exactly as a spreadsheet adds the same cells.
 */
import type { Indicator } from "../workbook/indicators";
import type { UnitSubmission } from "../collect/unit-submission";

export interface IndicatorTotal {
  code: string;
  aggregation: Indicator["aggregation"];
  /** Null when no unit has a value (the sheet shows an empty cell). */
  value: number | string | null;
  /** Units that contributed a value. */
  count: number;
}

export function aggregate(
  indicators: Indicator[],
  submissions: UnitSubmission[],
): Record<string, IndicatorTotal> {
  // Units outer, indicators inner: each unit's values are read together. Per indicator, figures are still
  // taken in unit order, so sums are added in the same order as before.
  const n = indicators.length;
  const codes = indicators.map((ind) => ind.code);
  const count = new Array<number>(n).fill(0);
  const numbers = new Array<number>(n).fill(0);
  const sum = new Array<number>(n).fill(0);
  const max = new Array<number>(n).fill(0);
  const listed: (string[] | null)[] = indicators.map((ind) => (ind.aggregation === "list" ? [] : null));
  for (const s of submissions) {
    const values = s.values;
    for (let i = 0; i < n; i++) {
      const v = values[codes[i]]?.value ?? null;
      if (v === null || v === "") continue;
      count[i]++;
      listed[i]?.push(`${s.unit}: ${String(v)}`);
      if (typeof v === "number") {
        sum[i] += v;
        if (numbers[i] === 0 || v > max[i]) max[i] = v;
        numbers[i]++;
      }
    }
  }
  const out: Record<string, IndicatorTotal> = {};
  indicators.forEach((ind, i) => {
    let value: number | string | null = null;
    switch (ind.aggregation) {
      case "sum":
        value = numbers[i] ? sum[i] : null;
        break;
      case "max":
        value = numbers[i] ? max[i] : null;
        break;
      case "count":
        value = count[i];
        break;
      case "list":
        value = listed[i]?.length ? (listed[i] as string[]).join("; ") : null;
        break;
    }
    out[ind.code] = { code: ind.code, aggregation: ind.aggregation, value, count: count[i] };
  });
  return out;
}
