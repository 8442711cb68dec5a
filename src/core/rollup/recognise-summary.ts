/**
 * Recognising a body below's summary workbook in the upper workbook (multi-level roll-up, issue 15): does
 * its plan implement ours (it cites our plan's number), which of our units is the body (its plan's issuer,
 * or the tab the secretary names), and which of its indicators are ours (by code; by name only when the
 * secretary confirms). Pure: the use-case (src/app/import-summary.ts) reads the files.
 */
import { samePlanNumber } from "../plan/cited-documents";
import type { Plan } from "../plan/types";
import type { UnitLink } from "../state/types";
import { foldVietnamese } from "../text/vietnamese";
import type { Indicator } from "../workbook/indicators";

/** The lower plan cites the upper plan's number (its grounds "Thực hiện Kế hoạch số … của …"). */
export function implementsPlan(lower: Plan, upperNumber: string | null): boolean {
  if (!upperNumber) return false;
  return (lower.implements ?? []).some((c) => samePlanNumber(c.number, upperNumber));
}

/** " chi bo thon ban co " — folded and padded, so containment is by whole words. */
const words = (s: string) =>
  ` ${foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;

export type BodyMatch =
  { kind: "found"; unit: UnitLink } | { kind: "none" } | { kind: "ambiguous"; units: UnitLink[] };

/**
 * Our unit a name designates: the same name whatever the case, accents and spacing ("CHI BỘ THÔN BẢN CỌ" is
 * "Chi bộ thôn Bản Cọ"), else the only unit whose name holds it or is held in it as whole words ("Chi bộ
 * Bản Cọ" vs "Chi bộ thôn Bản Cọ" is not; "Đảng ủy xã Chiềng Mung" in "Ban Thường vụ Đảng ủy xã Chiềng
 * Mung" is).
 */
export function matchBody(units: UnitLink[], name: string): BodyMatch {
  const live = units.filter((u) => !u.removed);
  const want = words(name);
  if (want.trim() === "") return { kind: "none" };
  const same = live.filter((u) => words(u.name) === want);
  if (same.length === 1) return { kind: "found", unit: same[0] };
  if (same.length > 1) return { kind: "ambiguous", units: same };
  const near = live.filter((u) => {
    const w = words(u.name);
    return w.trim() !== "" && (want.includes(w) || w.includes(want));
  });
  if (near.length === 1) return { kind: "found", unit: near[0] };
  return near.length > 1 ? { kind: "ambiguous", units: near } : { kind: "none" };
}

export interface IndicatorMapping {
  /** Upper code → lower code, for every upper indicator the summary gives. */
  byCode: Map<string, string>;
  /** Lower indicators named like one of ours under another code: applied only when confirmed. */
  byName: { lower: Indicator; upper: Indicator; applied: boolean }[];
  /** Lower indicators that are not ours at all (left out, reported). */
  notOurs: Indicator[];
  /** Lower indicators matched by code but aggregated differently (left out, reported). */
  otherAggregation: { lower: Indicator; upper: Indicator }[];
}

export function mapIndicators(upper: Indicator[], lower: Indicator[], matchNames: boolean): IndicatorMapping {
  const upperByCode = new Map(upper.map((i) => [i.code, i]));
  const lowerCodes = new Set(lower.map((i) => i.code));
  const out: IndicatorMapping = { byCode: new Map(), byName: [], notOurs: [], otherAggregation: [] };
  for (const l of lower) {
    const u = upperByCode.get(l.code);
    if (u) {
      if (u.aggregation === l.aggregation) out.byCode.set(u.code, l.code);
      else out.otherAggregation.push({ lower: l, upper: u });
      continue;
    }
    const named = upper.find(
      (x) =>
        !lowerCodes.has(x.code) &&
        !out.byCode.has(x.code) &&
        x.aggregation === l.aggregation &&
        words(x.name) === words(l.name),
    );
    if (named) {
      out.byName.push({ lower: l, upper: named, applied: matchNames });
      if (matchNames) out.byCode.set(named.code, l.code);
    } else out.notOurs.push(l);
  }
  return out;
}
