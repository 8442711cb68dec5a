import {
  applySheetIds,
  createState,
  createStateWithNotices,
  nextUnitId,
} from "../../../src/core/state/create-state";
import { newPlanId } from "../../../src/core/state/plan-id";
import { parseState, serializeState } from "../../../src/core/state/serialize-state";
import { STATE_NAMESPACE, type WorkbookState } from "../../../src/core/state/types";
import { StateCorruptError, StateVersionError } from "../../../src/core/errors";
import { defaultIndicators } from "../../../src/core/workbook/indicator-catalogue";
import { parseXmlRoot } from "../../../src/testing/simulated-excel/xml-check";
import { LAYOUT_VERSION } from "../../../src/core/workbook/model";
import { seedPlan } from "../workbook/fixtures";

function seedState(existingSheetNames: string[] = []): WorkbookState {
  const plan = seedPlan();
  return createState(plan, defaultIndicators(plan), { planId: "p0123", existingSheetNames });
}

describe("createState", () => {
  test("seed: unit ids u1…, sheet names, tracker and summary names", () => {
    const state = seedState();
    expect(state.layoutVersion).toBe(LAYOUT_VERSION);
    expect(state.planId).toBe("p0123");
    expect(
      state.units.map((u) => [u.unitId, u.name, u.sheetName, u.sheetId, u.taskRefs, u.deadline, u.removed]),
    ).toEqual([
      ["u1", "Ban Chấp hành Công đoàn", "BCH Công đoàn", null, ["III.2"], "2022-10-16", false],
      ["u2", "Tổ đảng tổ 1", "Tổ đảng 1", null, ["III.2"], "2022-10-16", false],
      ["u3", "Các Tổ chức đoàn thể", "Các Tổ chức đoàn thể", null, ["III.3"], "2022-10-15", false],
    ]);
    expect(state.trackerSheet).toEqual({ sheetId: null, sheetName: "Kế hoạch" });
    expect(state.summarySheet).toEqual({ sheetId: null, sheetName: "Tổng hợp" });
    expect(state.history).toEqual([]);
    expect(state.summarisedAt).toBeNull();
  });

  test("names already in the workbook are avoided, ignoring case and accents", () => {
    const { state, notices } = createStateWithNotices(seedPlan(), [], {
      planId: "p",
      existingSheetNames: ["KE HOACH", "tổng hợp", "To dang 1", "Sheet1"],
    });
    expect(state.trackerSheet.sheetName).toBe("Kế hoạch (2)");
    expect(state.summarySheet?.sheetName).toBe("Tổng hợp (2)");
    expect(state.units.map((u) => u.sheetName)).toEqual([
      "BCH Công đoàn",
      "Tổ đảng 1 (2)",
      "Các Tổ chức đoàn thể",
    ]);
    expect(notices.map((n) => n.sheet)).toEqual(["Kế hoạch (2)", "Tổng hợp (2)", "Tổ đảng 1 (2)"]);
    expect(notices[0].vi).toBe(
      'Trang tính "KE HOACH" đã có sẵn và không do add-in tạo; không ghi đè. Đặt tên trang là "Kế hoạch (2)".',
    );
  });

  test("nextUnitId never reuses an id", () => {
    expect(nextUnitId([])).toBe("u1");
    expect(nextUnitId(["u1", "u7", "u3"])).toBe("u8");
  });

  test("applySheetIds fills ids by layout key", () => {
    const state = applySheetIds(seedState(), { tracker: "T", "unit:u2": "S2", summary: "X" });
    expect(state.trackerSheet.sheetId).toBe("T");
    expect(state.summarySheet?.sheetId).toBe("X");
    expect(state.units.map((u) => u.sheetId)).toEqual([null, "S2", null]);
  });
});

describe("newPlanId", () => {
  test("pure and deterministic; different inputs, different ids", () => {
    const a = newPlanId("Số: 334-KH/CB", "2022-10-12T08:00:00+07:00");
    expect(a).toMatch(/^p[0-9a-f]{16}$/);
    expect(newPlanId("Số: 334-KH/CB", "2022-10-12T08:00:00+07:00")).toBe(a);
    expect(newPlanId("Số: 334-KH/CB".normalize("NFD"), "2022-10-12T08:00:00+07:00")).toBe(a);
    expect(newPlanId("Số: 335-KH/CB", "2022-10-12T08:00:00+07:00")).not.toBe(a);
    expect(newPlanId("Số: 334-KH/CB", "2022-10-12T08:00:01+07:00")).not.toBe(a);
  });
});

describe("serializeState / parseState", () => {
  test("round trip", () => {
    const state = seedState();
    state.history.push({
      unitId: "u1",
      kind: "submit",
      at: "2022-10-16T09:30:00+07:00",
      by: "Nguyễn Văn A",
      comment: null,
    });
    const xml = serializeState(state);
    // No XML declaration (review C3): the part starts with its root element.
    expect(xml.startsWith(`<state xmlns="${STATE_NAMESPACE}" version="${LAYOUT_VERSION}"><![CDATA[`)).toBe(
      true,
    );
    expect(parseXmlRoot(xml)).toEqual({ localName: "state", namespaceUri: STATE_NAMESPACE });
    expect(parseState(xml)).toEqual(state);
  });

  test('text containing "]]>", "<", "&" and quotes survives and never ends the CDATA early', () => {
    const state = seedState();
    state.plan = { ...state.plan, title: "Kế hoạch ]]> <b>&amp; \"x\" 'y' \u0001 \uFFFF" };
    const xml = serializeState(state);
    expect(xml.match(/]]>/g)).toHaveLength(1);
    expect(() => parseXmlRoot(xml)).not.toThrow(); // well-formed for a strict parser too
    expect(parseState(xml).plan.title).toBe(state.plan.title);
  });

  test("reads entity-escaped text and split CDATA (as other XML tools may rewrite it)", () => {
    const state = seedState();
    const json = JSON.stringify(state);
    const escaped = json.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    expect(parseState(`<state xmlns="${STATE_NAMESPACE}" version="1">${escaped}</state>`)).toEqual(state);
    const half = Math.floor(json.length / 2);
    expect(
      parseState(
        `<ns0:state xmlns:ns0="${STATE_NAMESPACE}" version="1"><![CDATA[${json.slice(0, half)}]]><![CDATA[${json.slice(half)}]]></ns0:state>`,
      ),
    ).toEqual(state);
  });

  const corrupt = (detailVi: string, detailEn: string) => ({
    vi: `Dữ liệu kế hoạch trong sổ bị hỏng: ${detailVi}`,
    en: `The plan data in the workbook is corrupt: ${detailEn}`,
  });

  test.each([
    ["", corrupt("phần dữ liệu trống.", "the data part is empty.")],
    ["<other/>", corrupt("không thấy phần tử gốc <state>.", "no <state> root element.")],
    [
      `<state xmlns="urn:other" version="1"><![CDATA[{}]]></state>`,
      corrupt(`không thuộc không gian tên ${STATE_NAMESPACE}.`, `not in the namespace ${STATE_NAMESPACE}.`),
    ],
    [
      `<state xmlns="${STATE_NAMESPACE}"><![CDATA[{}]]></state>`,
      corrupt("thiếu hoặc sai số phiên bản bố cục.", "the layout version is missing or invalid."),
    ],
    [
      `<state xmlns="${STATE_NAMESPACE}" version="1"><![CDATA[{"planId":]]></state>`,
      corrupt("nội dung JSON không đọc được.", "the JSON content is unreadable."),
    ],
    [
      `<state xmlns="${STATE_NAMESPACE}" version="1"><![CDATA[{"layoutVersion":1}`,
      corrupt("tài liệu XML bị cắt cụt.", "the XML document is truncated."),
    ],
    [
      `<state xmlns="${STATE_NAMESPACE}" version="1"><![CDATA[[1,2]]]></state>`,
      corrupt("nội dung không phải là một đối tượng.", "the content is not an object."),
    ],
    [
      `<state xmlns="${STATE_NAMESPACE}" version="1"><![CDATA[{"layoutVersion":1}]]></state>`,
      corrupt("thiếu mã kế hoạch (planId).", "the plan id (planId) is missing."),
    ],
    [
      `<state xmlns="${STATE_NAMESPACE}" version="1"/>`,
      corrupt("phần dữ liệu trống.", "the data part is empty."),
    ],
  ])("corrupt %j", (xml, expected) => {
    let error: unknown;
    try {
      parseState(xml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StateCorruptError);
    expect((error as StateCorruptError).messageVi).toBe(expected.vi);
    expect((error as StateCorruptError).messageEn).toBe(expected.en);
  });

  // Regression: a per-unit protection password used to live in the state part in clear. Passwords are now
  // typed when unit files are made and never kept in the workbook; an old part's password is dropped on read,
  // so the next write no longer carries it.
  test("a unit password from an old state part is dropped on read and never written back", () => {
    const old = seedState() as unknown as { units: Record<string, unknown>[] };
    old.units[0].password = "mật-khẩu-cũ";
    const read = parseState(serializeState(old as unknown as WorkbookState));
    expect(read.units[0]).not.toHaveProperty("password");
    expect(serializeState(read)).not.toContain("mật-khẩu-cũ");
    expect(serializeState(read)).not.toContain('"password"');
  });

  test("a unit list that is not readable is corrupt", () => {
    const state = seedState() as unknown as Record<string, unknown>;
    state.units = [{ unitId: 1 }];
    const xml = serializeState(state as unknown as WorkbookState);
    expect(() => parseState(xml)).toThrow(StateCorruptError);
  });

  test("a newer layout version is refused with a bilingual message", () => {
    const state = { ...seedState(), layoutVersion: LAYOUT_VERSION + 1 };
    const xml = serializeState(state);
    let error: unknown;
    try {
      parseState(xml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StateVersionError);
    expect((error as StateVersionError).messageVi).toBe(
      `Sổ được tạo bằng phiên bản mới hơn (bố cục ${LAYOUT_VERSION + 1}, phiên bản này hỗ trợ ${LAYOUT_VERSION}). Hãy cập nhật add-in.`,
    );
    expect((error as StateVersionError).messageEn).toBe(
      `The workbook was made by a newer version (layout ${LAYOUT_VERSION + 1}; this version supports ${LAYOUT_VERSION}). Update the add-in.`,
    );
  });
});
