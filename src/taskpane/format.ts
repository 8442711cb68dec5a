/** Display helpers for the pane: dates as dd/mm/yyyy (times in Asia/Ho_Chi_Minh), error messages by language. */
import { AppError } from "../core/errors";
import type { Lang } from "./services";

/** "2022-10-17" → "17/10/2022"; null/invalid → "". */
export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : "";
}

/** ISO timestamp → "16/10/2022 09:30" in UTC+7 (Vietnam has no daylight saving). */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return "";
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return "";
  const d = new Date(t + 7 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** "17/10/2022" or "17-10-2022" or "17.10.2022" → "2022-10-17"; "" → null; invalid → undefined. */
export function parseDisplayDate(text: string): string | null | undefined {
  const s = text.trim();
  if (s === "") return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export interface ShownError {
  message: string;
  location: string | null;
}

/** The message of an error in the pane's language: AppError's own text, else a generic one with the detail. */
export function errorMessage(error: unknown, lang: Lang, unknown: (detail: string) => string): ShownError {
  if (error instanceof AppError || isAppErrorLike(error)) {
    const e = error as AppError;
    const loc = e.location ?? {};
    const parts: string[] = [];
    if (loc.file) parts.push(loc.file);
    if (loc.sheet) parts.push(loc.cell ? `${loc.sheet}!${loc.cell}` : loc.sheet);
    if (loc.line !== undefined) parts.push(`${lang === "vi" ? "dòng" : "line"} ${loc.line}`);
    return {
      message: lang === "vi" ? e.messageVi : e.messageEn,
      location: parts.length ? parts.join(", ") : null,
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { message: unknown(detail), location: null };
}

function isAppErrorLike(e: unknown): boolean {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as { messageVi?: unknown }).messageVi === "string" &&
    typeof (e as { messageEn?: unknown }).messageEn === "string"
  );
}
