/** The look of the sheets the add-in writes, in one place (colours, fonts, formats). */
import type { CellStyle } from "./model";

export const FONT_NAME = "Times New Roman";
export const FONT_SIZE = 12;
/** Light yellow: "type here". */
export const INPUT_FILL = "#FFF2CC";
export const HEADER_FILL = "#D9E1F2";
export const BLOCK_FILL = "#BDD7EE";
/** Column A (codes): small grey text, read by the add-in, not meant for people. */
export const CODE_COLOR = "#808080";
export const REMOVED_COLOR = "#9C0006";
export const TAB_COLOR_UNIT = "#2F75B5";
export const TAB_COLOR_TRACKER = "#C00000";
export const TAB_COLOR_REMOVED = "#808080";

export const NUMBER_FORMATS = {
  integer: "#,##0",
  number: "#,##0.##",
  money: "#,##0",
  text: "@",
  date: "dd/mm/yyyy",
} as const;

export const base: CellStyle = { fontName: FONT_NAME, fontSize: FONT_SIZE, vAlign: "top" };
export const codeStyle: CellStyle = {
  fontName: FONT_NAME,
  fontSize: 8,
  fontColor: CODE_COLOR,
  vAlign: "top",
};
export const titleStyle: CellStyle = {
  ...base,
  bold: true,
  fontSize: 14,
  hAlign: "center",
  vAlign: "middle",
  wrap: true,
};
export const noteStyle: CellStyle = { ...base, italic: true, wrap: true };
export const headerStyle: CellStyle = {
  ...base,
  bold: true,
  fill: HEADER_FILL,
  border: true,
  wrap: true,
  hAlign: "center",
  vAlign: "middle",
};
export const blockStyle: CellStyle = {
  ...base,
  bold: true,
  fill: BLOCK_FILL,
  border: true,
  vAlign: "middle",
};
export const labelStyle: CellStyle = { ...base, border: true, wrap: true };
export const ownedStyle: CellStyle = { ...base, border: true, wrap: true };
export const inputStyle: CellStyle = { ...base, border: true, wrap: true, fill: INPUT_FILL };
