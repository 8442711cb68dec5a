import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { readDocument } from "../../../src/cli/read-document";
import { docxHtmlToPlanText } from "../../../src/core/plan/docx-html-to-text";
import { parsePlan } from "../../../src/core/plan/parse-plan";

const cell = (...lines: string[]) =>
  new TableCell({
    width: { size: 3000, type: WidthType.DXA },
    children: lines.map((l) => new Paragraph({ children: [new TextRun({ text: l, bold: true })] })),
  });

/** A plan laid out as real .docx plans are: a two-cell header table, auto-numbered items, a task table. */
async function realisticDocx(): Promise<string> {
  const numbered = (text: string, level = 0) =>
    new Paragraph({ text, numbering: { reference: "items", level } });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: "items",
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: "%2)", alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Table({
            rows: [
              new TableRow({
                children: [
                  cell("ĐẢNG ỦY XÃ MƯỜNG BON", "CHI BỘ BẢN NÀ NGẦN", "*", "Số 12-KH/CB"),
                  cell("ĐẢNG CỘNG SẢN VIỆT NAM", "Mường Bon, ngày 02 tháng 3 năm 2024"),
                ],
              }),
            ],
          }),
          new Paragraph({ children: [new TextRun({ text: "KẾ HOẠCH", bold: true })] }),
          new Paragraph("Tổ chức Tháng Thanh niên năm 2024"),
          new Paragraph("I- MỤC ĐÍCH, YÊU CẦU"),
          new Paragraph("Phát huy vai trò xung kích của đoàn viên thanh niên."),
          new Paragraph("II- TỔ CHỨC THỰC HIỆN"),
          new Table({
            rows: [
              new TableRow({
                children: [
                  cell("TT"),
                  cell("Nội dung"),
                  cell("Đơn vị thực hiện"),
                  cell("Thời gian hoàn thành"),
                ],
              }),
              new TableRow({
                children: [
                  cell("1"),
                  cell("Ra quân vệ sinh môi trường, báo cáo kết quả về Chi ủy"),
                  cell("Chi đoàn bản Nà Ngần"),
                  cell("25/3/2024"),
                ],
              }),
              new TableRow({
                children: [
                  cell("2"),
                  cell("Tổ chức hiến máu tình nguyện, báo cáo số đơn vị máu"),
                  cell("Hội Phụ nữ bản"),
                  cell("Trước ngày 28/3/2024"),
                ],
              }),
            ],
          }),
          numbered("Chi ủy tổng hợp báo cáo kết quả về Đảng ủy xã trước ngày 31/3/2024."),
          new Paragraph("TM. CHI BỘ"),
          new Paragraph("BÍ THƯ"),
        ],
      },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), "docx-plan-"));
  const file = join(dir, "ke-hoach.docx");
  writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

test("a .docx plan keeps its task table as rows and its header cells as lines", async () => {
  const { text } = await readDocument(await realisticDocx());
  expect(text).toContain("TT\tNội dung\tĐơn vị thực hiện\tThời gian hoàn thành");
  expect(text).toContain(
    "2\tTổ chức hiến máu tình nguyện, báo cáo số đơn vị máu\tHội Phụ nữ bản\tTrước ngày 28/3/2024",
  );
  expect(text).toMatch(/^CHI BỘ BẢN NÀ NGẦN$/m);
  expect(text).toMatch(/^1\. Chi ủy tổng hợp báo cáo/m);

  const plan = parsePlan(text);
  expect(plan.number).toBe("12-KH/CB");
  expect(plan.issuedOn).toBe("2024-03-02");
  const byUnit = Object.fromEntries(plan.tasks.map((t) => [t.units.join("; "), t.deadline]));
  expect(byUnit["Chi đoàn bản Nà Ngần"]).toBe("2024-03-25");
  expect(byUnit["Hội Phụ nữ bản"]).toBe("2024-03-28");
});

test("lists keep their numbers and letters; entities and line breaks are decoded", () => {
  const html =
    "<p>III. TỔ CHỨC THỰC HIỆN</p><ol><li>Văn phòng &amp; Thanh tra<ol><li>báo cáo</li><li>tổng hợp</li></ol></li>" +
    "<li>Phòng Kế hoạch</li></ol><ul><li>ghi chú</li></ul><p>dòng 1<br />dòng 2</p>";
  expect(docxHtmlToPlanText(html).split("\n")).toEqual([
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Văn phòng & Thanh tra",
    "a) báo cáo",
    "b) tổng hợp",
    "2. Phòng Kế hoạch",
    "- ghi chú",
    "dòng 1",
    "dòng 2",
  ]);
});
