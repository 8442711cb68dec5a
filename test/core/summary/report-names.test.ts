/**
 * The report a secretary signs, on the newcomer's two plans (newcomer review H1, M2, M6): the issuer's name
 * in the title and the opening comes from the header, properly cased, in the body's own spelling when the
 * body repeats it; the signature follows the document's kind (TM. state, T/M Party, KT. when a deputy
 * signs); Nơi nhận lines end with ";" and the last with ".".
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlan } from "../../../src/core/plan/parse-plan";
import type { Plan } from "../../../src/core/plan/types";
import { createState } from "../../../src/core/state/create-state";
import { collectWorkbook } from "../../../src/core/collect/collect-workbook";
import { trackUnits } from "../../../src/core/tracking/track-units";
import { aggregate } from "../../../src/core/summary/aggregate";
import { buildReport } from "../../../src/core/summary/build-report";
import { defaultIndicators } from "../../../src/core/workbook/indicator-catalogue";

const PLANS = join(__dirname, "../../fixtures/plans");
const NOW = new Date("2025-05-22T10:00:00+07:00");

function planOf(file: string): Plan {
  return parsePlan(readFileSync(join(PLANS, file), "utf8"));
}

function reportOf(plan: Plan) {
  const state = createState(plan, defaultIndicators(plan), { planId: "p1", existingSheetNames: [] });
  const collected = collectWorkbook(state, [], [], NOW);
  return buildReport({
    state,
    submissions: collected.units,
    tracking: trackUnits(state, collected.units, NOW),
    findings: collected.findings,
    totals: aggregate(state.indicators, collected.units),
    now: NOW,
  });
}

describe("the issuer's name in the title and the opening", () => {
  test("commune plan: header UỶ BAN NHÂN DÂN / XÃ PHÚ LỘC, body 'Ủy ban nhân dân xã Phú Lộc'", () => {
    const report = reportOf(planOf("commune-food-safety.txt"));
    expect(report.titleLines[0]).toBe(
      "Kết quả thực hiện Kế hoạch số 52/KH-UBND ngày 10/04/2025 của Ủy ban nhân dân xã Phú Lộc",
    );
    expect(report.opening).toMatch(/, Ủy ban nhân dân xã Phú Lộc báo cáo kết quả như sau:$/);
    // The header keeps the plan's own capitals.
    expect(report.header.issuer).toBe("UỶ BAN NHÂN DÂN XÃ PHÚ LỘC");
  });

  test("Party cell plan whose body says only 'Chi bộ': from the header, properly cased", () => {
    const report = reportOf(planOf("party-cell-school-own-name.txt"));
    expect(report.titleLines[0]).toMatch(/ của Chi bộ Trường THCS Tân Hòa$/);
    expect(report.opening).toMatch(/, Chi bộ Trường THCS Tân Hòa báo cáo kết quả như sau:$/);
  });

  test("a state saved before issuerName existed: properly cased from the header", () => {
    const plan = planOf("party-cell-school-own-name.txt");
    delete plan.issuerName;
    expect(reportOf(plan).opening).toMatch(/, Chi bộ Trường THCS Tân Hòa báo cáo/);
  });

  test("a title that starts with a proper name keeps its capital", () => {
    const plan = { ...planOf("party-cell-school-own-name.txt"), title: "Tháng Thanh niên năm 2025" };
    expect(reportOf(plan).titleLines[1]).toBe("về Tháng Thanh niên năm 2025");
    const common = { ...plan, title: "Triển khai Tháng hành động vì an toàn thực phẩm năm 2025" };
    expect(reportOf(common).titleLines[1]).toBe(
      "về triển khai Tháng hành động vì an toàn thực phẩm năm 2025",
    );
  });
});

describe("the signature block follows the document's kind", () => {
  test("state body signed TM.: TM. (not the Party's T/M)", () => {
    const report = reportOf(planOf("commune-food-safety.txt"));
    expect(report.signature).toEqual({
      authority: "TM. ỦY BAN NHÂN DÂN",
      title: "CHỦ TỊCH",
      name: "Hà Văn Lâm",
    });
  });

  test("Party body: T/M, whichever way the plan wrote it", () => {
    const plan = planOf("party-cell-school-own-name.txt");
    expect(reportOf(plan).signature.authority).toBe("T/M CHI BỘ");
    const dotted = { ...plan, signature: { ...plan.signature, authority: "TM. CHI BỘ" } };
    expect(reportOf(dotted).signature.authority).toBe("T/M CHI BỘ");
  });

  test("a deputy signs: KT. and the deputy's title, as the plan shows", () => {
    const text = readFileSync(join(PLANS, "commune-food-safety.txt"), "utf8").replace(
      "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
      "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    );
    const report = reportOf(parsePlan(text));
    expect(report.signature).toEqual({
      authority: "KT. CHỦ TỊCH",
      title: "PHÓ CHỦ TỊCH",
      name: "Hà Văn Lâm",
    });
  });

  test("a Party plan without a signature block: T/M and the issuer's kind of body", () => {
    const plan = planOf("party-cell-school-own-name.txt");
    const unsigned = { ...plan, signature: { authority: null, title: null, name: null } };
    expect(reportOf(unsigned).signature).toEqual({ authority: "T/M CHI BỘ", title: "BÍ THƯ", name: null });
  });
});

describe("Nơi nhận", () => {
  test("every line ends with ';', the last with '.'", () => {
    expect(reportOf(planOf("commune-food-safety.txt")).recipients).toEqual(["UBND huyện (b/c);", "Lưu: VT."]);
    expect(reportOf(planOf("party-cell-school-own-name.txt")).recipients).toEqual([
      "Đảng ủy xã (b/c);",
      "Lưu Chi bộ.",
    ]);
  });
});
