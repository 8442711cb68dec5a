/**
 * No data lost, as a property (issue 7): small generated plans and unit inputs; create → fill → summary →
 * re-run create → re-run summary → reopen → submit in a generated order; every cell a unit or the
 * secretary typed is byte-identical afterwards and the summary's totals equal the core's aggregate of the
 * current inputs. Fixed seed, bounded runs. A failure is shrunk by fast-check; keep the minimal case as a
 * named test in ./regressions/.
 */
import fc from "fast-check";
import { INDICATOR_CATALOGUE } from "../../src/core/workbook/indicator-catalogue";
import type { Indicator } from "../../src/core/workbook/indicators";
import { runScenario, type Scenario, type Step, type UnitTarget } from "./regressions/harness";

const SEED = Number(process.env.NO_DATA_LOST_SEED ?? 20221017);
const NUM_RUNS = Number(process.env.NO_DATA_LOST_RUNS ?? 25);

const UNIT_NAMES = [
  "Tổ đảng tổ 1",
  "Ban Chấp hành Công đoàn",
  "Chi đoàn Thanh niên",
  "Hội Cựu chiến binh",
  "Phòng Kế hoạch/Tài chính",
  "Đội công tác [khu 2]",
  "Hội Phụ nữ cơ sở",
  "'Nhóm 3'",
];

/** What people type: numbers, Vietnamese text in NFC and NFD, formula-like text, Vietnamese number formats. */
const input: fc.Arbitrary<string | number> = fc.oneof(
  fc.integer({ min: -5, max: 100000 }),
  fc.constantFrom(0.5, 1234.5, 3),
  fc.constantFrom(
    "Đã tổ chức 3 buổi",
    "Hoàn thành",
    "Đang thực hiện",
    "Tuyên truyền Ngày Dân vận",
    "12 buổi",
    "nhiều",
    '=HYPERLINK("http://x")',
    "+1",
    "@x",
    "1.234,5",
    "1.234",
    "15/10/2022",
    "Có",
    "có",
    "Không",
    "",
  ),
  fc
    .constantFrom("Ghi chú: đủ số liệu", "Người báo cáo: Nguyễn Thị Lan", "Kết quả tốt")
    .chain((t) => fc.constantFrom(t.normalize("NFC"), t.normalize("NFD"))),
);

/** What the secretary types in section V: text in NFC and NFD, a number, a formula, formula-like text. */
const secretaryLine: fc.Arbitrary<string> = fc.oneof(
  fc
    .constantFrom(
      "Đề nghị cấp kinh phí tuyên truyền.",
      "Tiếp tục nhân rộng mô hình Dân vận khéo",
      "Kiến nghị: bổ sung @chỉ tiêu",
    )
    .chain((t) => fc.constantFrom(t.normalize("NFC"), t.normalize("NFD"))),
  fc.constantFrom("2023", '=HYPERLINK("http://x")', "'=1+1", "15/10/2022"),
);

const custom: Indicator[] = [
  {
    code: "SO_MO_HINH_MAX",
    name: "Số mô hình lớn nhất",
    unit: "mô hình",
    type: "number",
    aggregation: "max",
    required: false,
  },
  {
    code: "DIA_DIEM",
    name: "Địa điểm tổ chức",
    unit: "",
    type: "text",
    aggregation: "list",
    required: false,
  },
  {
    code: "SO_DON_VI_CO",
    name: "Đơn vị có hoạt động",
    unit: "",
    type: "text",
    aggregation: "count",
    required: false,
  },
];

function target(codes: string[], tasks: number): fc.Arbitrary<UnitTarget> {
  return fc.oneof(
    fc.record({
      kind: fc.constant("indicator" as const),
      code: fc.constantFrom(...codes),
      column: fc.constantFrom("value" as const, "note" as const),
    }),
    fc.record({
      kind: fc.constant("task" as const),
      ref: fc.integer({ min: 1, max: tasks }).map((i) => `III.${i}`),
      column: fc.constantFrom("status" as const, "completedOn" as const, "result" as const),
    }),
    fc.record({ kind: fc.constant("free" as const), column: fc.constantFrom("B" as const, "D" as const) }),
    fc.record({
      kind: fc.constant("footer" as const),
      code: fc.constantFrom(
        "GHI_CHU" as const,
        "NGUOI_BAO_CAO" as const,
        "NGAY_BAO_CAO" as const,
        "DA_NOP" as const,
      ),
    }),
  );
}

/**
 * Scenarios. With `structureChanges`, "Cập nhật sổ" also adds an indicator or a task to the plan and units
 * insert rows into their (unprotected) tabs: the rows of a tab then no longer sit where a fresh layout
 * would put them.
 */
const scenarios = (structureChanges: boolean): fc.Arbitrary<Scenario> =>
  fc
    .record({
      unitCount: fc.integer({ min: 1, max: 6 }),
      taskCount: fc.integer({ min: 1, max: 5 }),
      catalogue: fc.uniqueArray(fc.constantFrom(...INDICATOR_CATALOGUE), {
        minLength: 1,
        maxLength: 4,
        selector: (i) => i.code,
      }),
      extra: fc.subarray(custom),
    })
    .chain(({ unitCount, taskCount, catalogue, extra }) => {
      const indicators: Indicator[] = [...catalogue, ...extra].map((i) => ({
        code: i.code,
        name: i.name,
        unit: i.unit,
        type: i.type,
        aggregation: i.aggregation,
        required: false,
      }));
      const codes = indicators.map((i) => i.code);
      const unitIx = fc.integer({ min: 0, max: unitCount - 1 });
      const step: fc.Arbitrary<Step> = fc.oneof(
        {
          weight: 6,
          arbitrary: fc.record({
            op: fc.constant("type" as const),
            unit: unitIx,
            target: target(codes, taskCount),
            input,
          }),
        },
        {
          weight: 1,
          // Section V lines are plain NFC text here: a number, a formula or NFD text typed there is rewritten
          // (as text, as NFC) on re-run — known bug, pinned in regressions/section-v-rewritten.test.ts.
          arbitrary: fc.record({ op: fc.constant("secretary" as const), input: secretaryLine }),
        },
        { weight: 2, arbitrary: fc.constant({ op: "summary" as const }) },
        {
          weight: 2,
          arbitrary: structureChanges
            ? fc.record(
                {
                  op: fc.constant("recreate" as const),
                  add: fc.constantFrom("indicator" as const, "task" as const),
                },
                { requiredKeys: ["op"] },
              )
            : fc.constant({ op: "recreate" as const }),
        },
        {
          weight: structureChanges ? 1 : 0,
          arbitrary: fc.record({
            op: fc.constant("insertRow" as const),
            unit: unitIx,
            above: target(codes, taskCount),
          }),
        },
        { weight: 1, arbitrary: fc.record({ op: fc.constant("reopen" as const), unit: unitIx }) },
        { weight: 1, arbitrary: fc.record({ op: fc.constant("submit" as const), unit: unitIx }) },
      );
      const tasks = fc.array(fc.uniqueArray(unitIx, { minLength: 1, maxLength: unitCount }), {
        minLength: taskCount,
        maxLength: taskCount,
      });
      return fc.record({
        units: fc.constant(UNIT_NAMES.slice(0, unitCount)),
        // Every unit gets at least one task: task 1 goes to all of them when a unit would be left out.
        tasks: tasks.map((t) =>
          new Set(t.flat()).size < unitCount ? [[...Array(unitCount).keys()], ...t.slice(1)] : t,
        ),
        indicators: fc.constant(indicators),
        // The order, with people typing between the steps, then more steps in a generated order.
        steps: fc
          .tuple(
            fc.array(
              step.filter((s) => s.op === "type"),
              { minLength: 1, maxLength: 6 },
            ),
            fc.array(step, { maxLength: 10 }),
          )
          .map(([fill, more]): Step[] => [
            ...fill,
            { op: "summary" },
            { op: "secretary", input: "Đề nghị cấp kinh phí." },
            { op: "recreate" },
            { op: "summary" },
            { op: "reopen", unit: 0 },
            { op: "submit", unit: 0 },
            ...more,
            { op: "summary" },
          ]),
      });
    });

async function noDataLost(s: Scenario): Promise<void> {
  const problems = await runScenario(s);
  if (problems.length) throw new Error(problems.map((p) => `step ${p.step}: ${p.what}`).join("\n"));
}

test("no data lost: typed cells byte-identical, summary totals = core aggregate", async () => {
  await fc.assert(fc.asyncProperty(scenarios(false), noDataLost), { seed: SEED, numRuns: NUM_RUNS });
});

// With plan changes ("Cập nhật sổ" adding an indicator or a task) and rows the units insert. This run
// failed while submit and reopen wrote a freshly built layout over a tab whose rows had moved (the
// regression it shrank to: regressions/reopen-after-plan-change.test.ts); they now write only their own
// cells, found by code, and the protection.
test("no data lost with plan changes and inserted rows", async () => {
  await fc.assert(fc.asyncProperty(scenarios(true), noDataLost), {
    seed: SEED,
    numRuns: NUM_RUNS,
    endOnFailure: true,
  });
});
