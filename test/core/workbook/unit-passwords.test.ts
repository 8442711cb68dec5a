import { createState } from "../../../src/core/state/create-state";
import { matchUnitPasswords } from "../../../src/core/workbook/unit-passwords";
import { seedPlan } from "./fixtures";

const state = createState(seedPlan(), [], { planId: "p", existingSheetNames: [] });
const [u1, u2, u3] = state.units;

describe("matchUnitPasswords (split --passwords)", () => {
  test("names or tab names, any case, accents ignored when that is unambiguous; a header; empty = none", () => {
    const { passwords, problems } = matchUnitPasswords(state.units, [
      ["Đơn vị", "Mật khẩu"],
      [u1.name.toLocaleUpperCase("vi"), "mk 1"],
      ["to dang 1", "mk-2"],
      ["", ""],
      [u3.sheetName, ""],
    ]);
    expect(problems).toEqual([]);
    expect([...passwords]).toEqual([
      [u1.unitId, "mk 1"],
      [u2.unitId, "mk-2"],
    ]);
  });

  test("an unknown name or a unit given twice is a problem naming its line", () => {
    const { problems } = matchUnitPasswords(state.units, [
      [u1.name, "a"],
      ["Tổ không có", "b"],
      [u1.sheetName, "c"],
    ]);
    expect(problems).toEqual([
      {
        line: 2,
        vi: '"Tổ không có" không phải tên đơn vị hay tên trang nào của kế hoạch.',
        en: '"Tổ không có" is not the name of any unit or unit tab of the plan.',
      },
      {
        line: 3,
        vi: `${u1.name} đã có mật khẩu ở dòng 1.`,
        en: `${u1.name} already has a password on line 1.`,
      },
    ]);
  });
});
