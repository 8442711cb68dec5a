/**
 * A plan's workbook id: a pure, deterministic hash of the plan text and the creation time (no crypto
 * module: the core runs in the task pane, the CLI and tests alike). Two FNV-1a 32-bit hashes with
 * different offsets give 64 bits, plenty to tell one plan's returned files from another's.
 */
import { nfc } from "../text/vietnamese";

export function fnv1a(text: string, offset = 0x811c9dc5): number {
  let h = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** "p" + 16 hex digits, e.g. "p3f9a0c1d2b4e5f60". Same inputs → same id. */
export function newPlanId(seedText: string, nowIso: string): string {
  const text = `${nfc(seedText)}\u0000${nowIso}`;
  const a = fnv1a(text, 0x811c9dc5);
  const b = fnv1a(text, 0x050c5d1f ^ a);
  return `p${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}`;
}
