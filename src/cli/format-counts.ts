/** Counts and rates in the command line's sentences: English nouns agree in number, Vietnamese rates use a comma. */
import { formatVietnameseNumber } from "../core/collect/parse-number";

/** "1 error", "2 errors", "0 findings" (English; Vietnamese nouns do not change). */
export function countOf(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

/** A percentage for the Vietnamese line: "66,7%". */
export function percentVi(value: number): string {
  return `${formatVietnameseNumber(value)}%`;
}
