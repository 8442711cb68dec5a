/** @jest-environment jsdom */
/**
 * The plan screen's indicator editor shows what the indicators were suggested from: the topics of the
 * plan's tasks with the units that call for them, and for each topic's indicator that it is required only
 * of those units (newcomer review M3).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { screen, fireEvent } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { createAppServices } from "../../src/taskpane/services-from-port";
import { fakeServices, memoryStore, renderApp, sampleIndicators } from "./fake-services";

const FOOD = readFileSync(join(__dirname, "../fixtures/plans/commune-food-safety.txt"), "utf8");

async function readPlan(lang = "vi-VN") {
  const { services } = fakeServices(
    {
      defaultIndicators: () => [
        ...sampleIndicators,
        {
          code: "KT_SO_CUOC",
          name: "Số cuộc kiểm tra, giám sát",
          unit: "cuộc",
          type: "integer",
          aggregation: "sum",
          required: true,
          topic: "inspection",
        },
      ],
      indicatorSuggestion: () => ({
        topics: [
          {
            topic: "propaganda",
            label: { vi: "Tuyên truyền, kỷ niệm", en: "Propaganda, commemorations" },
            units: ["Văn phòng - Thống kê xã", "Các thôn, bản"],
          },
          {
            topic: "inspection",
            label: { vi: "Kiểm tra, giám sát", en: "Inspection, supervision" },
            units: ["Công an xã", "Trạm Y tế xã"],
          },
        ],
        labels: { inspection: { vi: "Kiểm tra, giám sát", en: "Inspection, supervision" } },
      }),
    },
    lang,
  );
  await renderApp(<App services={services} draftStore={memoryStore()} />);
  fireEvent.change(screen.getByLabelText(lang === "vi-VN" ? "Văn bản kế hoạch" : "Plan text"), {
    target: { value: "KẾ HOẠCH …" },
  });
  fireEvent.click(screen.getByRole("button", { name: lang === "vi-VN" ? "Đọc kế hoạch" : "Read the plan" }));
}

it("shows the topics of the tasks and the units that call for them", async () => {
  await readPlan();
  const note = screen.getByText(/Gợi ý theo nhiệm vụ/);
  expect(note.textContent).toContain("Kiểm tra, giám sát: Công an xã, Trạm Y tế xã");
  expect(note.textContent).toContain("Tuyên truyền, kỷ niệm: Văn phòng - Thống kê xã, Các thôn, bản");
});

it("a topic's indicator is 'required of the units doing' that topic; one without a topic is plainly required", async () => {
  await readPlan();
  expect(screen.getByRole("checkbox", { name: "Bắt buộc với đơn vị làm: Kiểm tra, giám sát" })).toBeTruthy();
  expect(screen.getByRole("checkbox", { name: "Bắt buộc" })).toBeTruthy();
});

it("in English too", async () => {
  await readPlan("en-US");
  expect(screen.getByText(/Suggested from the tasks/).textContent).toContain(
    "Inspection, supervision: Công an xã, Trạm Y tế xã",
  );
  expect(
    screen.getByRole("checkbox", { name: "Required of the units doing: Inspection, supervision" }),
  ).toBeTruthy();
});

it("the services over a port give the suggestion for a real plan", () => {
  const services = createAppServices({} as never, {} as never);
  const plan = services.parsePlan(FOOD);
  const s = services.indicatorSuggestion(plan);
  expect(s.topics.map((t) => [t.topic, t.units])).toEqual([
    ["propaganda", ["Văn phòng - Thống kê xã", "Các thôn, bản"]],
    ["inspection", ["Công an xã", "Trạm Y tế xã"]],
  ]);
  expect(s.labels.inspection).toEqual({ vi: "Kiểm tra, giám sát", en: "Inspection, supervision" });
});
