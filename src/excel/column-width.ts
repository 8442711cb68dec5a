/**
 * Office.js sets column widths in points; the layout gives them in characters, the OOXML `width` the file
 * adapter writes (ExcelJS). Excel turns that width into pixels with the default font's digit width
 * (7 px for Calibri 11): px = trunc((256·w + trunc(128/7)) / 256 · 7), and a pixel is 0.75 pt at 96 dpi.
 * Only this adapter needs the conversion, so it lives here.
 */
export function columnWidthPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}
