/**
 * The PDF layout over plain pdf.js-like items (no pdf.js): lines, wrapped paragraphs, the two-column header,
 * running headers/footers and page numbers, ruled tables (also across a page break), items given word by word.
 */
import {
  pdfPagesToPlanText,
  type PdfBox,
  type PdfPageContent,
  type PdfTextItem,
} from "../../../src/core/plan/pdf-layout";

const SIZE = 13;
/** Times-like width of a text at 13 pt: about 0.45 of the size per character. */
const widthOf = (text: string) => text.length * SIZE * 0.45;
const item = (str: string, x: number, y: number, width = widthOf(str)): PdfTextItem => ({
  str,
  transform: [SIZE, 0, 0, SIZE, x, y],
  width,
  height: SIZE,
});
/** A line centred on `centre`. */
const centred = (str: string, centre: number, y: number) => item(str, centre - widthOf(str) / 2, y);
const page = (items: PdfTextItem[], boxes: PdfBox[] = []): PdfPageContent => ({
  width: 595,
  height: 842,
  items,
  boxes,
});

const LEFT = 85;
const RIGHT = 538;
const LINE = 15; // baseline step of wrapped lines
const PARA = 18; // with the paragraph spacing

/** A justified paragraph: first line indented, wrapped lines reach the right margin, the last is short. */
function paragraph(lines: string[], top: number, indent = 28): PdfTextItem[] {
  return lines.map((l, k) => {
    const x = k === 0 ? LEFT + indent : LEFT;
    const last = k === lines.length - 1;
    return item(l, x, top - k * LINE, last ? widthOf(l) : RIGHT - x);
  });
}

/** The header of a LibreOffice-made PDF of a plan (positions and widths as pdf.js gave them). */
const header = [
  item("ỦY BAN NHÂN DÂN", 137.4, 773, 122.2),
  item("XÃ CHIỀNG MUNG", 139, 755.1, 119),
  item("Số: 89/KH-UBND", 150, 737.1, 97),
  item("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", 324.5, 773, 201.7),
  item("VIỆT NAM", 392.3, 758.1, 66),
  item("Độc lập - Tự do - Hạnh phúc", 350.2, 740.1, 150.2),
  item("Chiềng Mung, ngày 16 tháng 10 năm", 328.4, 722.2, 193.7),
  item("2023", 412.4, 707.2, 26),
];

test("the two-column header comes out column by column, wrapped cell lines joined, whatever the item order", () => {
  const body = [
    item("KẾ HOẠCH", 276.4, 674.3, 71.1),
    item("Tổ chức tổng vệ sinh môi trường.", 113.5, 656.4, 170),
  ];
  const expected = [
    "ỦY BAN NHÂN DÂN",
    "XÃ CHIỀNG MUNG",
    "Số: 89/KH-UBND",
    "",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Chiềng Mung, ngày 16 tháng 10 năm 2023",
    "",
    "KẾ HOẠCH",
    "Tổ chức tổng vệ sinh môi trường.",
  ];
  expect(pdfPagesToPlanText([page([...header, ...body])]).split("\n")).toEqual(expected);
  // A Word-made PDF may give the header row by row (interleaved by y): the same text.
  const byY = [...header].sort((a, b) => b.transform[5] - a.transform[5] || a.transform[4] - b.transform[4]);
  expect(pdfPagesToPlanText([page([...byY, ...body])]).split("\n")).toEqual(expected);
});

test("header cells whose lines nearly meet are still two columns (the gap is a gutter in the next line too)", () => {
  const items = [
    item("ĐẢNG BỘ CƠ QUAN UBND HUYỆN THUẬN", 90, 773, 228),
    item("ĐẢNG CỘNG SẢN VIỆT NAM", 326, 773, 179),
    item("CHI BỘ PHÒNG VĂN HÓA", 106.7, 755.1, 150),
    item("Thuận Châu, ngày 04 tháng 9 năm 2023", 330.5, 755.1, 170),
  ];
  expect(pdfPagesToPlanText([page(items)]).split("\n")).toEqual([
    "ĐẢNG BỘ CƠ QUAN UBND HUYỆN THUẬN",
    "CHI BỘ PHÒNG VĂN HÓA",
    "",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Thuận Châu, ngày 04 tháng 9 năm 2023",
  ]);
});

test("wrapped lines join into paragraphs; list items, indented first lines and spaced paragraphs start new ones", () => {
  const items = [
    ...paragraph(
      [
        "1. Văn phòng - Thống kê xã tham mưu UBND xã; tổng hợp kết quả, báo",
        "cáo UBND huyện trước ngày 05/12/2023.",
      ],
      600,
    ),
    ...paragraph(
      ["2. Trạm Y tế xã hướng dẫn phun hóa chất diệt muỗi, hoàn thành trước", "ngày 30 tháng 11."],
      600 - LINE - PARA,
    ),
    ...paragraph(["- Các bản ra quân."], 600 - 2 * LINE - 2 * PARA, 0),
    ...paragraph(["Thời hạn: hoàn thành trong tháng 11/2023."], 600 - 2 * LINE - 3 * PARA),
  ];
  expect(pdfPagesToPlanText([page(items)]).split("\n")).toEqual([
    "1. Văn phòng - Thống kê xã tham mưu UBND xã; tổng hợp kết quả, báo cáo UBND huyện trước ngày 05/12/2023.",
    "2. Trạm Y tế xã hướng dẫn phun hóa chất diệt muỗi, hoàn thành trước ngày 30 tháng 11.",
    "- Các bản ra quân.",
    "Thời hạn: hoàn thành trong tháng 11/2023.",
  ]);
});

test("items given word by word (as some PDF makers do) make the same lines", () => {
  const words = "Tổ chức tổng vệ sinh môi trường tại các bản.".split(" ");
  let x = LEFT + 28;
  const items = words.map((w) => {
    const it = item(w, x, 600);
    x += widthOf(w) + SIZE * 0.25;
    return it;
  });
  expect(pdfPagesToPlanText([page(items)])).toBe("Tổ chức tổng vệ sinh môi trường tại các bản.");
});

test("running headers and footers repeated on the pages, and page numbers, are dropped; a paragraph goes on over the page break", () => {
  const pages = [1, 2, 3].map((n) =>
    page([
      centred("Kế hoạch số 09/KH-PYT", 311, 800),
      ...(n === 1
        ? paragraph(["Các cơ quan, đơn vị thực hiện nhiệm vụ theo Phụ lục 01; báo cáo kết quả về"], 760)
        : paragraph([n === 2 ? "nội dung trang hai." : "Trang ba: hết."], 700, 0)),
      centred(`Trang ${n}`, 311, 40),
    ]),
  );
  pages[2].items.push(centred("- 3 -", 311, 60));
  expect(pdfPagesToPlanText(pages).split("\n")).toEqual([
    "Các cơ quan, đơn vị thực hiện nhiệm vụ theo Phụ lục 01; báo cáo kết quả về nội dung trang hai.",
    "Trang ba: hết.",
  ]);
});

/** A ruled table: horizontal borders at `rows`, vertical ones at `columns`. */
function grid(columns: number[], rows: number[]): PdfBox[] {
  const [x0, x1] = [columns[0], columns[columns.length - 1]];
  const [top, bottom] = [rows[0], rows[rows.length - 1]];
  return [
    ...rows.map((y) => ({ x0, x1, y0: y - 0.25, y1: y + 0.25 })),
    ...columns.map((x) => ({ x0: x - 0.25, x1: x + 0.25, y0: bottom, y1: top })),
  ];
}

const COLUMNS = [85, 115, 265, 415, 538];
const cellItem = (text: string, column: number, y: number) => item(text, COLUMNS[column] + 5.4, y);

test("a ruled task table comes out as tab-separated rows, wrapped cell lines joined, empty cells kept", () => {
  const rows = [640, 622, 589, 571];
  const items = [
    cellItem("TT", 0, 627),
    cellItem("Nội dung", 1, 627),
    cellItem("Đơn vị thực hiện", 2, 627),
    cellItem("Thời gian", 3, 627),
    cellItem("1", 0, 609),
    cellItem("Tổ chức thăm hỏi đoàn", 1, 609),
    cellItem("viên khó khăn", 1, 594),
    cellItem("Tổ Công đoàn số 1,", 2, 609),
    cellItem("Tổ Công đoàn số 2", 2, 594),
    cellItem("25/5/2023", 3, 609),
    cellItem("2", 0, 576),
    cellItem("Phát động thi đua", 1, 576),
    cellItem("Tổ nữ công", 2, 576),
  ];
  expect(pdfPagesToPlanText([page(items, grid(COLUMNS, rows))]).split("\n")).toEqual([
    "TT\tNội dung\tĐơn vị thực hiện\tThời gian",
    "1\tTổ chức thăm hỏi đoàn viên khó khăn\tTổ Công đoàn số 1, Tổ Công đoàn số 2\t25/5/2023",
    "2\tPhát động thi đua\tTổ nữ công\t",
  ]);
});

test("a table going on over a page break is one table; its repeated header row is dropped; a row broken by the page is mended", () => {
  const head = ["TT", "Nội dung", "Đơn vị thực hiện", "Thời hạn"].map((t, k) => cellItem(t, k, 107));
  const first = page(
    [
      ...head,
      cellItem("1", 0, 89),
      cellItem("Tiêm chủng mở rộng", 1, 89),
      cellItem("Trung tâm Y tế", 2, 89),
      cellItem("Quý IV/2024", 3, 89),
    ],
    grid(COLUMNS, [120, 102, 70]),
  );
  const second = page(
    [
      ...head,
      cellItem("cho trẻ em dưới 1 tuổi", 1, 767),
      cellItem("huyện", 2, 767),
      cellItem("2", 0, 749),
      cellItem("Kiểm tra thực phẩm", 1, 749),
      cellItem("Phòng Y tế", 2, 749),
      cellItem("Năm 2024", 3, 749),
    ].map((it, k) => (k < 4 ? { ...it, transform: [SIZE, 0, 0, SIZE, it.transform[4], 785] } : it)),
    grid(COLUMNS, [798, 780, 762, 744]),
  );
  expect(pdfPagesToPlanText([first, second]).split("\n")).toEqual([
    "TT\tNội dung\tĐơn vị thực hiện\tThời hạn",
    "1\tTiêm chủng mở rộng cho trẻ em dưới 1 tuổi\tTrung tâm Y tế huyện\tQuý IV/2024",
    "2\tKiểm tra thực phẩm\tPhòng Y tế\tNăm 2024",
  ]);
});

test("rotated text (a stamp, a watermark) and empty items are ignored; a page with no text gives no text", () => {
  const stamp: PdfTextItem = { str: "BẢN SAO", transform: [0, 13, -13, 0, 300, 400], width: 60, height: 13 };
  expect(pdfPagesToPlanText([page([stamp, item(" ", 100, 500), item("", 100, 480)])])).toBe("");
  expect(pdfPagesToPlanText([page([])])).toBe("");
});
