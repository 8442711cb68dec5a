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
  const out: Record<string, IndicatorTotal> = {};
  for (const ind of indicators) {
    // One pass over the units, in unit order, without intermediate arrays.
    let count = 0;
    let numbers = 0;
    let sum = 0;
    let max = 0;
    const listed: string[] | null = ind.aggregation === "list" ? [] : null;
    for (const s of submissions) {
      const v = s.values[ind.code]?.value ?? null;
      if (v === null || v === "") continue;
      count++;
      if (listed) listed.push(`${s.unit}: ${String(v)}`);
      if (typeof v === "number") {
        sum += v;
        if (numbers === 0 || v > max) max = v;
        numbers++;
      }
    }
    let value: number | string | null = null;
    switch (ind.aggregation) {
      case "sum":
        value = numbers ? sum : null;
        break;
      case "max":
        value = numbers ? max : null;
        break;
      case "count":
        value = count;
        break;
      case "list":
        value = listed?.length ? listed.join("; ") : null;
        break;
    }
    out[ind.code] = { code: ind.code, aggregation: ind.aggregation, value, count };
  }
  return out;
}
