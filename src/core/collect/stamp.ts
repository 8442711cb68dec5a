/**
 * The submission stamp written into a unit's tab (row XAC_NHAN_NOP): human-readable Vietnamese that the
 * core can read back from a returned file. "Đã nộp lúc 09:30 ngày 16/10/2022 — Nguyễn Văn A"
 */
import { nfc } from "../text/vietnamese";
import { hcmDisplay } from "../tracking/hcm-time";

export function formatStamp(at: Date, by: string | null): string {
  const [date, time] = hcmDisplay(at).split(" ");
  return `Đã nộp lúc ${time} ngày ${date}${by ? ` — ${nfc(by).trim()}` : ""}`;
}

/** Read a stamp back: ISO timestamp (+07:00) and submitter, or null when the text is not a stamp. */
export function parseStamp(text: string): { at: string; by: string | null } | null {
  const m = /Đã nộp lúc (\d{1,2}):(\d{2}) ngày (\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s*[—-]\s*(.+))?$/.exec(
    nfc(text).trim(),
  );
  if (!m) return null;
  const p = (s: string) => s.padStart(2, "0");
  return { at: `${m[5]}-${p(m[4])}-${p(m[3])}T${p(m[1])}:${m[2]}:00+07:00`, by: m[6]?.trim() || null };
}
