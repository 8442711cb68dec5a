import type { ReactElement } from "react";
import { act, render, type RenderResult } from "@testing-library/react";
import type { Plan } from "../../src/core/plan/types";
import type { Indicator } from "../../src/core/workbook/indicators";
import type {
  AppServices,
  PlanInput,
  TrackerView,
  UnitTabView,
  SummaryView,
} from "../../src/taskpane/services";
import type { DraftStore, PlanDraft } from "../../src/taskpane/draft-store";

export function samplePlan(): Plan {
  return {
    number: "334-KH/CB",
    kind: "KẾ HOẠCH",
    issuer: "Chi bộ Cơ sở Điều trị nghiện ma túy tỉnh",
    parentBody: null,
    place: "Sơn La",
    issuedOn: "2022-10-12",
    title: "Triển khai hướng dẫn tuyên truyền kỷ niệm 92 năm Ngày truyền thống công tác dân vận",
    deadline: "2022-10-15",
    summary: { units: ["Ban Chi ủy Chi bộ"], deadline: "2022-10-17", reportTo: null, taskRef: "III.1" },
    tasks: [
      {
        ref: "III.1",
        text: "Tổng hợp báo cáo kết quả",
        units: ["Ban Chi ủy Chi bộ"],
        deadline: "2022-10-17",
        deadlineInherited: false,
        reportTo: null,
        line: 40,
        isSummary: true,
      },
      {
        ref: "III.2",
        text: "Báo cáo kết quả xây dựng mô hình Dân vận khéo",
        units: ["Ban Chấp hành Công đoàn", "Tổ đảng tổ 1"],
        deadline: "2022-10-16",
        deadlineInherited: false,
        reportTo: "Ban Chi ủy",
        line: 44,
        isSummary: false,
      },
      {
        ref: "III.3",
        text: "Tổ chức triển khai kế hoạch tuyên truyền",
        units: ["Các Tổ chức đoàn thể"],
        deadline: "2022-10-15",
        deadlineInherited: true,
        reportTo: null,
        line: 46,
        isSummary: false,
      },
    ],
    units: [
      { name: "Ban Chấp hành Công đoàn", members: [] },
      { name: "Tổ đảng tổ 1", members: [] },
      { name: "Các Tổ chức đoàn thể", members: [] },
    ],
    warnings: [
      {
        line: 46,
        message: "Nhiệm vụ không có thời hạn riêng, lấy thời hạn chung.",
        messageEn: "No deadline of its own; took the plan's.",
      },
    ],
    style: "party",
    recipients: [],
    signature: { authority: "TM. CHI BỘ", title: "BÍ THƯ", name: "Đoàn Văn Tú" },
  };
}

export const sampleIndicators: Indicator[] = [
  {
    code: "SO_BUOI",
    name: "Số buổi tuyên truyền",
    unit: "buổi",
    type: "integer",
    aggregation: "sum",
    required: true,
  },
];

export interface FakeCalls {
  created: PlanInput[];
  activated: { sheetName: string; cell?: string | null }[];
}

export function fakeServices(overrides: Partial<AppServices> = {}, displayLanguage = "vi-VN") {
  const calls: FakeCalls = { created: [], activated: [] };
  const services: AppServices = {
    host: { kind: "playground", displayLanguage, userName: "Thư ký" },
    parsePlan: () => samplePlan(),
    defaultIndicators: () => sampleIndicators,
    indicatorSuggestion: () => ({ topics: [], labels: {} }),
    readPlanFile: async (f: File) => ({ text: await f.text(), warnings: [], source: "text" as const }),
    pastedPlan: ({ html, text }: { html: string; text: string }) => ({
      text: html || text,
      warnings: [],
      source: "text" as const,
    }),
    createWorkbook: async (input) => {
      calls.created.push(input);
      return { updated: false, unitCount: input.plan.units.length, sheetNames: [], notices: [] };
    },
    // A workbook has a plan when it has a tracker, unless a test says otherwise.
    workbookHasPlan: async () => (await services.loadTracker()) !== null,
    loadTracker: async (): Promise<TrackerView | null> => null,
    activate: async (_id, sheetName, cell) => {
      calls.activated.push({ sheetName, cell });
    },
    activeUnitTab: async (): Promise<UnitTabView | null> => null,
    onActiveSheetChanged: () => () => undefined,
    onUnitTabChanged: () => () => undefined,
    submitUnitTab: async () => {
      throw new Error("not used");
    },
    reopenUnitTab: async () => undefined,
    importReturnedFiles: async () => ({ items: [], files: [] }),
    createUnitFiles: async () => ({ zipName: "tep-don-vi.zip", bytes: 1, files: [] }),
    collectAndSummarise: async (): Promise<SummaryView> => {
      throw new Error("not used");
    },
    exportReportDocx: async () => ({ fileName: "bao-cao.docx", bytes: 1 }),
    ...overrides,
  };
  return { services, calls };
}

export function memoryStore(initial: PlanDraft | null = null): DraftStore & { value: PlanDraft | null } {
  const store = {
    value: initial,
    load: () => store.value,
    save: (d: PlanDraft) => {
      store.value = d;
    },
    clear: () => {
      store.value = null;
    },
  };
  return store;
}

/** Render and let the mount effects (loadTracker …) settle inside act(). */
export async function renderApp(ui: ReactElement): Promise<RenderResult> {
  let result: RenderResult | undefined;
  await act(async () => {
    result = render(ui);
  });
  return result as RenderResult;
}
