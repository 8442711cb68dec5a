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
    const present = submissions
      .map((s) => ({ unit: s.unit, v: s.values[ind.code]?.value ?? null }))
      .filter((x): x is { unit: string; v: number | string } => x.v !== null && x.v !== "");
    const numbers = present.map((x) => x.v).filter((v): v is number => typeof v === "number");
    let value: number | string | null = null;
    switch (ind.aggregation) {
      case "sum":
        value = numbers.length ? numbers.reduce((a, b) => a + b, 0) : null;
        break;
      case "max":
        value = numbers.length ? numbers.reduce((a, b) => (b > a ? b : a)) : null;
        break;
      case "count":
        value = present.length;
        break;
      case "list":
        value = present.length ? present.map((x) => `${x.unit}: ${String(x.v)}`).join("; ") : null;
        break;
    }
    out[ind.code] = { code: ind.code, aggregation: ind.aggregation, value, count: present.length };
  }
  return out;
}
