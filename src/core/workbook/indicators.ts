/** An indicator (chỉ tiêu) a unit reports, from the catalogue or added by the secretary. */
export type IndicatorType = "integer" | "number" | "money" | "text" | "date";
/**
 * How units' figures make the total: sum, max, count (units with a value), average (mean over the units with
 * a value), yesno (Có/Không: "x/n đơn vị" answered Có), list (text, "unit: value; …").
 */
export type Aggregation = "sum" | "max" | "count" | "average" | "yesno" | "list";

/** What a plan's task can be about (indicator-catalogue.ts reads it from the task's text). */
export type IndicatorTopic =
  | "propaganda"
  | "danVanKheo"
  | "funds"
  | "youthMonth"
  | "legalDay"
  | "partyReview"
  | "inspection"
  | "training"
  | "support"
  | "members"
  | "finance"
  | "general";

export interface Indicator {
  /** Short ASCII code, unique, upper-case: found again in column A of unit tabs. */
  code: string;
  name: string;
  /** Đơn vị tính: "buổi", "lượt người", "đồng" … */
  unit: string;
  type: IndicatorType;
  aggregation: Aggregation;
  /**
   * Marked required. With a `topic`, required only of the units whose tasks are about that topic
   * (`isRequiredFor`); without one, of every unit.
   */
  required: boolean;
  /** The catalogue topic it belongs to; absent for an indicator the secretary added. */
  topic?: IndicatorTopic;
  /** Values above this are flagged as implausible (warning). */
  plausibleMax?: number;
}
