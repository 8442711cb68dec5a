/** An indicator (chỉ tiêu) a unit reports, from the catalogue or added by the secretary. */
export type IndicatorType = "integer" | "number" | "money" | "text" | "date";
export type Aggregation = "sum" | "max" | "count" | "list";

export interface Indicator {
  /** Short ASCII code, unique, upper-case: found again in column A of unit tabs. */
  code: string;
  name: string;
  /** Đơn vị tính: "buổi", "lượt người", "đồng" … */
  unit: string;
  type: IndicatorType;
  aggregation: Aggregation;
  required: boolean;
  /** Values above this are flagged as implausible (warning). */
  plausibleMax?: number;
}
