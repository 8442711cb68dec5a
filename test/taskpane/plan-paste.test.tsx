/** @jest-environment jsdom */
/** Pasting a plan into the pane: Word's or a web page's HTML keeps tables as tab rows; TCVN3 text is converted. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, fireEvent, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { pastedPlanDocument } from "../../src/taskpane/services-from-port";
import { encodeTcvn3 } from "../../src/core/text/legacy-encoding";
import { fakeServices, memoryStore, renderApp } from "./fake-services";

function paste(target: HTMLElement, data: Record<string, string>) {
  const clipboardData = { getData: (type: string) => data[type] ?? "", types: Object.keys(data) };
  return fireEvent.paste(target, { clipboardData });
}

async function pane() {
  const { services } = fakeServices({ pastedPlan: pastedPlanDocument });
  await renderApp(<App services={services} draftStore={memoryStore()} />);
  return screen.getByLabelText("Văn bản kế hoạch") as HTMLTextAreaElement;
}

test("a paste from Word: the clipboard's HTML becomes plan text with the task table as tab-separated rows", async () => {
  const area = await pane();
  const html = readFileSync(join(__dirname, "../fixtures/clipboard/word-plan.html"), "utf8");
  let notCancelled = true;
  await act(async () => {
    notCancelled = paste(area, {
      "text/html": html,
      "text/plain": "TT Nội dung Đơn vị thực hiện Thời gian 1 Ra quân",
    });
  });
  expect(notCancelled).toBe(false);
  expect(area.value).toMatch(/^ỦY BAN NHÂN DÂN\nXÃ CHIỀNG MUNG\n/);
  expect(area.value).toContain("1\tRa quân dọn vệ sinh\tBản Nà Sản\t05/11/2023");
  expect(area.value).not.toContain("mso-");
});

test("a paste goes where the cursor is; text typed before and after stays", async () => {
  const area = await pane();
  fireEvent.change(area, { target: { value: "đầu\ncuối" } });
  area.setSelectionRange(4, 4);
  await act(async () => {
    paste(area, { "text/html": "<p>giữa</p>", "text/plain": "giữa" });
  });
  expect(area.value).toBe("đầu\ngiữacuối");
});

test("plain text typed in TCVN3 is converted on paste, and the pane says so with the lines", async () => {
  const area = await pane();
  const legacy = encodeTcvn3("Kế hoạch tổ chức Đại hội Chi bộ\nVăn phòng tổng hợp kết quả, báo cáo Đảng ủy");
  await act(async () => {
    paste(area, { "text/plain": legacy });
  });
  expect(area.value).toBe("Kế hoạch tổ chức Đại hội Chi bộ\nVăn phòng tổng hợp kết quả, báo cáo Đảng ủy");
  expect(document.body.textContent).toContain("TCVN3");
  expect(document.body.textContent).toContain("dòng 1–2");
});

test("ordinary plain text is left to the browser's own paste", async () => {
  const area = await pane();
  let notCancelled = false;
  await act(async () => {
    notCancelled = paste(area, { "text/plain": "Kế hoạch số 12" });
  });
  expect(notCancelled).toBe(true);
});
