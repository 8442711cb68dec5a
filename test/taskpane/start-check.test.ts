/**
 * The page's ES5 start check (src/taskpane/start-check.js), run in jsdom windows with the user agents of
 * the webviews Excel uses.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";
import { JSDOM, ResourceLoader } from "jsdom";

const SOURCE = readFileSync(join(__dirname, "../../src/taskpane/start-check.js"), "utf8");

const UA = {
  // Excel 2019 volume-licensed on Windows 10: Trident+ (Internet Explorer 11).
  trident: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
  // Office 2019 retail without WebView2: EdgeHTML (Edge Legacy).
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
  // Microsoft 365 with WebView2.
  webView2:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
};

function page(userAgent: string, attributes = 'data-bundle="taskpane.1.js vendor.2.js"') {
  const dom = new JSDOM(
    `<!doctype html><html><body><div id="root"></div><script id="start-check" src="start-check.js" ${attributes}></script></body></html>`,
    {
      runScripts: "outside-only",
      resources: new ResourceLoader({ userAgent }),
      url: "https://localhost/taskpane.html",
    },
  );
  dom.window.eval(SOURCE);
  const doc = dom.window.document;
  const bundles = () =>
    Array.from(doc.querySelectorAll("script"))
      .filter((s) => s.id !== "start-check")
      .map((s) => s.getAttribute("src"));
  return { dom, doc, bundles };
}

describe("the page's start check", () => {
  it("parses as ES5, so Internet Explorer 11 can run it", () => {
    expect(() => parse(SOURCE, { ecmaVersion: 5 })).not.toThrow();
  });

  it.each([
    ["Trident (Excel 2019 volume-licensed)", UA.trident],
    ["EdgeHTML (Office 2016/2019 without WebView2)", UA.edgeHtml],
  ])("in %s: shows the bilingual message and does not load the bundle", (_name, ua) => {
    const { doc, bundles } = page(ua);
    const alert = doc.querySelector("#root [role=alert]");
    expect(alert?.querySelector('[lang="vi"]')?.textContent).toBe(
      "Tổng hợp báo cáo không chạy được trong phiên bản Excel này.",
    );
    expect(alert?.querySelector('[lang="en"]')?.textContent).toBe(
      "Tổng hợp báo cáo cannot run in this version of Excel.",
    );
    expect(alert?.textContent).toContain("Excel trên web");
    expect(bundles()).toEqual([]);
  });

  it("in WebView2 (and Chromium, WKWebView, browsers): loads the bundle files in order, shows nothing", () => {
    const { doc, bundles } = page(UA.webView2);
    expect(bundles()).toEqual(["taskpane.1.js", "vendor.2.js"]);
    const scripts = Array.from(doc.querySelectorAll("script")).filter((s) => s.id !== "start-check");
    expect(scripts.every((s) => s.async === false)).toBe(true);
    expect(doc.querySelector("[role=alert]")).toBeNull();
  });

  it("says the pane has not started when Office.onReady never comes, and takes it back if it starts later", async () => {
    const { doc } = page(UA.webView2, 'data-bundle="taskpane.1.js" data-start-timeout="30"');
    await new Promise((r) => setTimeout(r, 80));
    const alert = doc.getElementById("start-problem");
    expect(alert?.getAttribute("role")).toBe("alert");
    expect(alert?.querySelector('[lang="vi"]')?.textContent).toBe("Ngăn tác vụ chưa khởi động được.");
    expect(alert?.querySelector('[lang="en"]')?.textContent).toBe("The task pane has not started.");
    doc.dispatchEvent(new doc.defaultView!.Event("tong-hop-bao-cao:started"));
    expect(doc.getElementById("start-problem")).toBeNull();
  });

  it("says nothing when the pane starts in time", async () => {
    const { doc } = page(UA.webView2, 'data-bundle="taskpane.1.js" data-start-timeout="30"');
    doc.dispatchEvent(new doc.defaultView!.Event("tong-hop-bao-cao:started"));
    await new Promise((r) => setTimeout(r, 80));
    expect(doc.getElementById("start-problem")).toBeNull();
  });

  it("listens for the event index.tsx dispatches", () => {
    const index = readFileSync(join(__dirname, "../../src/taskpane/index.tsx"), "utf8");
    expect(index).toContain('PANE_STARTED_EVENT = "tong-hop-bao-cao:started"');
    expect(SOURCE).toContain('STARTED_EVENT = "tong-hop-bao-cao:started"');
  });
});
