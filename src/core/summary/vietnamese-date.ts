import type { IsoDate } from "../plan/types";

/** "Sơn La, ngày 17 tháng 10 năm 2022": days 1–9 and months 1–2 get a leading zero. */
export function placeAndDate(place: string | null, date: IsoDate): string {
  const [y, m, d] = date.split("-").map(Number);
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m < 3 ? `0${m}` : String(m);
  return `${place ? `${place}, ` : ""}ngày ${dd} tháng ${mm} năm ${y}`;
}
