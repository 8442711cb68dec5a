/**
 * Browser tests of the task pane in the playground (the same bundle code, over the simulated Excel host),
 * driven by playwright-core and the system Chromium.
 *
 *   tsx scripts/run-e2e.ts            build (development, --env playground) into out/e2e, serve it on
 *                                     127.0.0.1, run the flow, write screenshots to out/e2e-screenshots/,
 *                                     print "N passed, M failed"
 *   UPDATE_SCREENSHOTS=1              write them to docs/screenshots/ instead (the ones the README shows)
 *   E2E_SKIP_BUILD=1                  reuse out/e2e
 *
 * Flow on the seed plan: paste → fix a unit's name → create sheets → type a figure in a unit's tab (the
 * pane's check follows without Làm mới) → fill two units' tabs in the grid → submit one → summary → the
 * pane's figures and findings match the workbook → .docx → reopen → a file per unit (.zip) → import a unit's
 * e-mailed copy (made here by the file adapter; .ods in Vietnamese, .xlsx in English) → import a body below's
 * summary workbook (multi-level roll-up: recognised by its issuer in Vietnamese, its tab chosen in the pane in
 * English); once more in English;
 * the dark theme; the query parameters on the root URL (served through the dev server's own redirect). Along
 * the way: the review's main button stays in sight at 350 px, the next steps after creating, the summary
 * naming the overdue units, the summary disabled on an empty workbook, and the grid showing computed formulas
 * and dd/mm/yyyy dates. Then the hosts: Excel for Mac's summary (no download, the routes that work), the task
 * pane page in a Trident (IE 11) webview, and with an office.js whose Office.onReady never comes.
 * Every screen is screenshotted at 350 and 500 px pane widths and checked with axe-core.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { readFileSync, existsSync, statSync, mkdirSync } from "node:fs";
import { join, extname, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { en } from "../src/taskpane/i18n/en";
import { vi } from "../src/taskpane/i18n/vi";
import { createWorkbook } from "../src/app/create-workbook";
import { collectAndSummarise } from "../src/app/collect-and-summarise";
import { sampleFills } from "../src/cli/sample-figures";
import { parseState } from "../src/core/state/serialize-state";
import { STATE_NAMESPACE } from "../src/core/state/types";
import { newWorkbook, openWorkbookBuffer, workbookToBuffer } from "../src/file/workbook-bytes";
import * as XLSX from "@e965/xlsx";
import JSZip from "jszip";
import { playgroundRootRedirect } from "./playground-root-redirect";
import { cellText } from "../src/playground/cell-text";
import { convertedPlans, planDocx } from "../test/support/plan-documents";

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "out", "e2e");
const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(ROOT, "docs", "screenshots")
  : join(ROOT, "out", "e2e-screenshots");
const SEED = join(ROOT, "..", "shared", "fixtures", "plans", "334-KH-CB.txt");
const SEED_FALLBACK = join(ROOT, "examples", "334-KH-CB.txt");
const WIDTHS = [350, 500] as const;
const STEP_TIMEOUT_MS = 45_000;

// ---------------------------------------------------------------- tiny runner

const results: { name: string; ok: boolean; error?: string }[] = [];
/** What the current step is doing, named in a timeout message. */
let phase = "";
function at(what: string): void {
  phase = what;
}

async function step(name: string, fn: () => Promise<void>): Promise<boolean> {
  const t0 = Date.now();
  phase = "";
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error(`timed out after ${STEP_TIMEOUT_MS} ms${phase ? ` while: ${phase}` : ""}`)),
          STEP_TIMEOUT_MS,
        ),
      ),
    ]);
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
    return true;
  } catch (e) {
    const message = e instanceof Error ? e.message.split("\n").slice(0, 6).join("\n") : String(e);
    const error = phase && !message.includes(phase) ? `${message}\n(while: ${phase})` : message;
    results.push({ name, ok: false, error });
    console.log(`  ✗ ${name}\n      ${error.replace(/\n/g, "\n      ")}`);
    return false;
  }
}

function expect(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

// ---------------------------------------------------------------- build and serve

function build(): void {
  if (process.env.E2E_SKIP_BUILD && existsSync(join(OUT, "playground.html"))) return;
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "webpack", "bin", "webpack.js"),
      "--mode",
      "development",
      "--env",
      "playground",
      "--env",
      "out=out/e2e",
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" },
  );
  if (r.status !== 0) {
    console.error(r.stdout.slice(-4000), r.stderr.slice(-4000));
    throw new Error("webpack build failed");
  }
  console.log(`built out/e2e in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
  ".json": "application/json",
};

function serve(): Promise<{ server: Server; base: string }> {
  const axe = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/__axe.js") {
      res.writeHead(200, { "content-type": MIME[".js"] });
      res.end(axe);
      return;
    }
    // The root as `npm start` serves it: the dev server's own redirect, query kept.
    let servedHere = false;
    playgroundRootRedirect(req, res, () => {
      servedHere = true;
    });
    if (!servedHere) return;
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(OUT, rel);
    if (!file.startsWith(OUT) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}` });
    }),
  );
}

// ---------------------------------------------------------------- page helpers

interface Sheet {
  id: string;
  name: string;
  cells: Record<string, { value: unknown; formula?: string; hyperlink?: { address?: string } | null }>;
}

async function snapshot(page: Page): Promise<{ sheets: Sheet[]; activeSheetId: string | null }> {
  return page.evaluate(() => {
    const snap = window.__playground!.host.snapshot();
    return JSON.parse(JSON.stringify({ sheets: snap.sheets, activeSheetId: snap.activeSheetId }));
  });
}

/** Codes in column A → their row number, for a unit tab. */
function rowsByCode(sheet: Sheet): Map<string, number> {
  const out = new Map<string, number>();
  for (const [addr, c] of Object.entries(sheet.cells)) {
    const m = /^A(\d+)$/.exec(addr);
    if (m && typeof c.value === "string") out.set(c.value, Number(m[1]));
  }
  return out;
}

/** The unit a tab belongs to (its DON_VI row). */
function unitNameOf(sheet: Sheet): string {
  const row = rowsByCode(sheet).get("DON_VI");
  return row ? String(sheet.cells[`D${row}`]?.value ?? "") : "";
}

function indicatorCodes(sheet: Sheet): string[] {
  const rows = [...rowsByCode(sheet).entries()].sort((a, b) => a[1] - b[1]);
  const start = rows.findIndex(([code]) => code === "#CHI_TIEU");
  const end = rows.findIndex(([code]) => code === "#CHUNG");
  if (start < 0) return [];
  return rows
    .slice(start + 1, end < 0 ? undefined : end)
    .map(([code]) => code)
    .filter((c) => !c.startsWith("#"));
}

/** A number typed in a cell, also when typed with its measure word ("12 buổi"). */
function numberIn(v: unknown): number | null {
  if (typeof v === "number") return v;
  const m = typeof v === "string" ? /^\s*(\d+)\s+\p{L}/u.exec(v) : null;
  return m ? Number(m[1]) : null;
}

async function typeInCell(page: Page, address: string, text: string): Promise<void> {
  await page.getByTestId("grid-address").fill(address);
  await page.getByTestId("grid-value").fill(text);
  // The editor shows what will be committed: make sure it is the text typed, not a reload of the old cell.
  await page.waitForFunction(
    (t) => (document.querySelector('[data-testid="grid-value"]') as HTMLInputElement | null)?.value === t,
    text,
  );
  await page.getByTestId("grid-value").press("Enter");
  await page.waitForFunction(
    ([a, t]) => {
      const td = document.querySelector(`td[data-address="${a}"]`);
      return td !== null && td.textContent !== "" && (t === "" || td.textContent !== null);
    },
    [address, text],
  );
}

async function openSheet(page: Page, name: string): Promise<void> {
  await page.locator(`[data-sheet-tab="${name}"]`).click();
  await page.waitForFunction(
    (n) => document.querySelector("table[data-sheet]")?.getAttribute("data-sheet") === n,
    name,
  );
}

async function paneTab(page: Page, label: string): Promise<void> {
  await page.getByTestId("pane").getByRole("tab", { name: label }).click();
}

async function setPaneWidth(page: Page, width: number): Promise<void> {
  await page.getByTestId("pane").evaluate((el, w) => {
    (el as HTMLElement).style.width = `${w}px`;
  }, width);
  await page.waitForTimeout(100);
}

/** Screenshots of the pane at both widths, plus checks: nothing wider than the pane, axe clean. */
async function screenshotScreen(page: Page, lang: "vi" | "en", screen: string): Promise<void> {
  for (const width of WIDTHS) {
    await setPaneWidth(page, width);
    const overflow = await page.getByTestId("pane").evaluate((el) => {
      const pane = el.getBoundingClientRect();
      const bad: string[] = [];
      for (const node of Array.from(
        el.querySelectorAll("button, input, textarea, select, table, h1, h2, h3, [role=tab]"),
      )) {
        const r = node.getBoundingClientRect();
        if (r.width > 0 && r.right > pane.right + 1)
          bad.push(
            `${node.tagName.toLowerCase()} "${(node.textContent ?? "").slice(0, 30)}" right=${Math.round(r.right)} > ${Math.round(pane.right)}`,
          );
      }
      return bad;
    });
    expect(overflow.length === 0, `clipped at ${width} px: ${overflow.slice(0, 3).join("; ")}`);
    // Full pane content, scrolled: the pane element scrolls, so capture its full scroll height.
    const pane = page.getByTestId("pane");
    const height = await pane.evaluate((el) => el.scrollHeight);
    const vp = page.viewportSize()!;
    if (height > vp.height)
      await page.setViewportSize({ width: vp.width, height: Math.min(height + 20, 6000) });
    await pane.screenshot({ path: join(SHOTS, `${lang}-${screen}-${width}.png`) });
    if (height > vp.height) await page.setViewportSize(vp);
  }
  await setPaneWidth(page, 380);
}

async function axeCheck(page: Page): Promise<void> {
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!has) await page.addScriptTag({ url: "/__axe.js" });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    // Fluent UI's focus manager (tabster) adds aria-hidden <i data-tabster-dummy> sentinels that forward focus
    // at once; axe reports them as focusable hidden elements. They are not content: leave them out.
    const r = await axe.run(
      { include: [["[data-testid=pane]"]], exclude: [["[data-tabster-dummy]"]] },
      {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      },
    );
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.length === 0,
    `axe: ${serious.map((v) => `${v.id} (${v.impact}) at ${v.targets.join(", ")}`).join("; ")}`,
  );
}

/** No English UI string in the Vietnamese pane. */
async function noEnglishIn(page: Page): Promise<void> {
  const text = await page.getByTestId("pane").innerText();
  const leaks: string[] = [];
  const scan = (envalue: unknown, vivalue: unknown, key: string) => {
    if (key === "languageSwitch") return;
    if (typeof envalue === "string") {
      if (envalue.length > 3 && envalue !== vivalue && text.includes(envalue)) leaks.push(envalue);
    } else if (envalue && typeof envalue === "object") {
      for (const k of Object.keys(envalue))
        scan((envalue as Record<string, unknown>)[k], (vivalue as Record<string, unknown>)?.[k], k);
    }
  };
  for (const k of Object.keys(en))
    scan((en as Record<string, unknown>)[k], (vi as Record<string, unknown>)[k], k);
  expect(leaks.length === 0, `English in the Vietnamese pane: ${leaks.join(" | ")}`);
}

async function checkScreen(page: Page, lang: "vi" | "en", screen: string): Promise<void> {
  await step(`${lang}: ${screen}: screenshots at 350/500 px, nothing clipped`, () =>
    screenshotScreen(page, lang, screen),
  );
  await step(`${lang}: ${screen}: axe finds no serious or critical violation`, () => axeCheck(page));
  if (lang === "vi") await step(`vi: ${screen}: no English strings in the pane`, () => noEnglishIn(page));
}

// ---------------------------------------------------------------- the flow

async function flow(browser: Browser, base: string, lang: "vi" | "en"): Promise<void> {
  const t = lang === "vi" ? vi : en;
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    locale: lang === "vi" ? "vi-VN" : "en-US",
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (
      m.type() === "error" &&
      !/Download the React DevTools|office\.js|Office\.js|favicon|oaspapps\.com/i.test(m.text())
    )
      problems.push(`console: ${m.text().slice(0, 200)}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      // office.js outside Office tries to frame its telemetry page: blocked by our CSP, as intended.
      if (/oaspapps\.com|microsoft\.com/.test(e.blockedURI)) return;
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const seed = readFileSync(existsSync(SEED) ? SEED : SEED_FALLBACK, "utf8");
  const pane = page.getByTestId("pane");
  let unitSheets: string[] = [];

  const loaded = await step(`${lang}: the playground loads (pane, grid, no CSP violation)`, async () => {
    await page.goto(`${base}/playground.html?lang=${lang}&pane=380`);
    await pane.getByRole("tab", { name: t.tabPlan }).waitFor();
    await page.getByTestId("grid").waitFor();
    await page.evaluate(() => localStorage.clear());
    const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    expect(csp.length === 0, `CSP violations: ${csp.join("; ")}`);
  });
  if (!loaded) return void (await context.close());

  if (lang === "vi") await checkScreen(page, lang, "empty");

  if (lang === "vi")
    await step(
      "vi: on the empty workbook, Tổng hợp báo cáo is disabled and says to create the tracker first",
      async () => {
        await paneTab(page, t.tabSummary);
        try {
          const button = pane.getByRole("button", { name: t.summarise });
          await button.waitFor();
          await page.waitForTimeout(500); // the screen asks the workbook whether it has a plan
          expect(await button.isDisabled(), "Tổng hợp báo cáo is enabled on a workbook without a plan");
          await pane.getByText(t.summaryNoPlan).waitFor({ timeout: 2000 });
          await pane.getByRole("button", { name: t.goToPlan }).click();
          await pane.getByLabel(t.planTextLabel).waitFor();
        } finally {
          await paneTab(page, t.tabPlan); // the flow goes on from the plan screen whatever happened here
        }
      },
    );

  await step(`${lang}: paste the seed plan and read it`, async () => {
    await pane.getByLabel(t.planTextLabel).fill(seed);
    await pane.getByRole("button", { name: t.readPlan }).click();
    await pane.getByText("334-KH/CB").first().waitFor();
    await pane.getByText("12/10/2022").first().waitFor();
  });

  const renamed = lang === "vi" ? "Tổ đảng số 1" : "Party group 1";
  await step(`${lang}: fix one unit's name`, async () => {
    const inputs = pane.getByLabel(/^(Tên đơn vị|Unit name) \d+$/);
    const n = await inputs.count();
    let done = false;
    for (let i = 0; i < n; i++) {
      if ((await inputs.nth(i).inputValue()) === "Tổ đảng tổ 1") {
        await inputs.nth(i).fill(renamed);
        await inputs.nth(i).press("Tab");
        done = true;
      }
    }
    expect(done, `no unit named "Tổ đảng tổ 1" in the pane (${n} unit inputs)`);
    const units = await pane
      .getByLabel(t.colUnits)
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(
      units.some((u) => u.includes(renamed)),
      `the tasks did not follow the rename: ${units.join(" | ")}`,
    );
  });

  await checkScreen(page, lang, "plan");

  await step(
    `${lang}: at 350 px the review sums up at the top and keeps its main button in sight`,
    async () => {
      await setPaneWidth(page, 350);
      const inSight = (scroll: "top" | "middle") =>
        pane.evaluate(
          (el, [label, where]) => {
            el.scrollTop = where === "top" ? 0 : Math.round((el.scrollHeight - el.clientHeight) / 2);
            const box = el.getBoundingClientRect();
            const button = Array.from(el.querySelectorAll("button")).find(
              (b) => b.textContent?.trim() === label,
            );
            // No named helper in here: tsx would wrap it in a __name() call the page does not have.
            const [summary, main] = [el.querySelector("[data-testid=creation-summary]"), button].map(
              (node) => {
                const r = node?.getBoundingClientRect();
                return r !== undefined && r.height > 0 && r.top >= box.top && r.bottom <= box.bottom;
              },
            );
            return { long: el.scrollHeight > 2 * el.clientHeight, summary, button: main };
          },
          [t.createWorkbook, scroll] as const,
        );
      const top = await inSight("top");
      const middle = await inSight("middle");
      // The pane as a person sees it halfway down the review: the footer with the main button at the bottom.
      if (lang === "vi") await pane.screenshot({ path: join(SHOTS, "vi-plan-scrolled-350.png") });
      expect(top.long, "the review is not long at 350 px: this check would prove nothing");
      const missing = [
        top.summary ? "" : "what will be created is not in sight at the top of the review",
        top.button ? "" : `"${t.createWorkbook}" is not in sight at the top of the review`,
        middle.button ? "" : `"${t.createWorkbook}" is not in sight halfway down the review`,
      ].filter((m) => m !== "");
      expect(missing.length === 0, missing.join("; "));
      await pane.evaluate((el) => {
        el.scrollTop = 0;
      });
      await setPaneWidth(page, 380);
    },
  );

  await step(`${lang}: create the tracker and the unit tabs`, async () => {
    await pane.getByRole("button", { name: t.createWorkbook }).click();
    await pane
      .getByText(lang === "vi" ? /Đã tạo sổ theo dõi với \d+ đơn vị/ : /Tracker created with \d+ units/)
      .waitFor();
    const snap = await snapshot(page);
    unitSheets = snap.sheets.filter((s) => rowsByCode(s).has("MA_DON_VI")).map((s) => s.name);
    expect(
      unitSheets.length >= 2,
      `expected at least two unit tabs, found: ${snap.sheets.map((s) => s.name).join(", ")}`,
    );
    expect(
      snap.sheets.some((s) => Object.values(s.cells).some((c) => c.value === renamed)),
      `the renamed unit "${renamed}" is not in the workbook`,
    );
  });

  await step(`${lang}: after creating, the next steps are in sight, with a way to each step`, async () => {
    const next = pane.getByRole("region", { name: t.nextStepsTitle });
    await next.waitFor();
    const shown = await next.evaluate((el) => {
      const box = el.closest("[data-testid=pane]")!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return r.top >= box.top && r.top < box.bottom;
    });
    expect(shown, "the next steps are out of sight after creating");
    const text = await next.innerText();
    expect(
      text.includes(t.goToTracker) && text.includes(t.goToSummary),
      `next steps without their buttons: ${text.slice(0, 200)}`,
    );
  });
  await checkScreen(page, lang, "created");

  await step(`${lang}: the next steps' buttons lead to Tổng hợp and Theo dõi`, async () => {
    const next = pane.getByRole("region", { name: t.nextStepsTitle });
    await next.getByRole("button", { name: t.goToSummary }).click();
    const summarise = pane.getByRole("button", { name: t.summarise });
    await summarise.waitFor();
    await page.waitForFunction(
      (label) =>
        Array.from(document.querySelectorAll("[data-testid=pane] button")).some(
          (b) => b.textContent?.trim() === label && !(b as HTMLButtonElement).disabled,
        ),
      t.summarise,
    );
    await paneTab(page, t.tabPlan);
    await next.getByRole("button", { name: t.goToTracker }).click();
    await pane.getByRole("table").waitFor();
  });
  await step(
    `${lang}: typing a figure in a unit's tab updates the pane's check, without Làm mới`,
    async () => {
      const noFigures = lang === "vi" ? /chưa có số liệu hay kết quả nào/ : /has no figures or results yet/;
      at(`opening ${unitSheets[0]} in the grid`);
      await openSheet(page, unitSheets[0]);
      await pane.getByText(noFigures).waitFor();
      const sheet = (await snapshot(page)).sheets.find((s) => s.name === unitSheets[0])!;
      const code = indicatorCodes(sheet)[0];
      at(`typing a figure for ${code}`);
      await typeInCell(page, `D${rowsByCode(sheet).get(code)}`, "3");
      at("waiting for the check to follow (the screen re-checks on the tab's onChanged)");
      await pane.getByText(noFigures).waitFor({ state: "detached", timeout: 10_000 });
    },
  );

  const typed: Record<string, Record<string, number>> = {};
  await step(`${lang}: fill two units' tabs in the grid`, async () => {
    const snap = await snapshot(page);
    for (const [k, name] of unitSheets.slice(0, 2).entries()) {
      await openSheet(page, name);
      const sheet = snap.sheets.find((s) => s.name === name)!;
      const rows = rowsByCode(sheet);
      typed[name] = {};
      for (const [i, code] of indicatorCodes(sheet).entries()) {
        const measure = String(sheet.cells[`C${rows.get(code)}`]?.value ?? "");
        const v = /đồng/.test(measure) ? 1_500_000 * (k + 1) : (i + 2) * (k + 3);
        // One figure of the second unit typed with its measure word, as people do: read as the number, flagged.
        const text = k === 1 && i === 0 && !/đồng/.test(measure) ? `${v} ${measure || "buổi"}` : String(v);
        await typeInCell(page, `D${rows.get(code)}`, text);
        typed[name][code] = v;
      }
      for (const [code, row] of rows) {
        if (code.startsWith("NV:")) await typeInCell(page, `E${row}`, "Hoàn thành");
      }
      if (rows.has("NGUOI_BAO_CAO")) await typeInCell(page, `D${rows.get("NGUOI_BAO_CAO")}`, "Nguyễn Thị Hà");
    }
    const after = await snapshot(page);
    for (const name of Object.keys(typed)) {
      const sheet = after.sheets.find((s) => s.name === name)!;
      const rows = rowsByCode(sheet);
      for (const [code, v] of Object.entries(typed[name])) {
        const got = numberIn(sheet.cells[`D${rows.get(code)}`]?.value);
        expect(got === v, `${name}!D${rows.get(code)} holds ${JSON.stringify(got)}, typed ${v}`);
      }
    }
  });

  await step(`${lang}: activating a unit tab opens the submit screen with its checks`, async () => {
    await openSheet(page, unitSheets[0]);
    await pane
      .getByRole("heading", { name: t.submitUnit(unitSheets[0]).replace(unitSheets[0], "") + "" })
      .or(pane.getByRole("button", { name: t.submit }))
      .first()
      .waitFor();
    await pane.getByRole("button", { name: t.submit }).waitFor();
  });
  await checkScreen(page, lang, "submit");

  await step(`${lang}: submit the first unit`, async () => {
    await pane.getByRole("button", { name: t.submit }).click();
    await pane.getByText(lang === "vi" ? /Đã nộp lúc/ : /Submitted at/).waitFor();
    const snap = await snapshot(page);
    const sheet = snap.sheets.find((s) => s.name === unitSheets[0])!;
    const stampRow = rowsByCode(sheet).get("XAC_NHAN_NOP");
    const stamp = stampRow ? sheet.cells[`D${stampRow}`]?.value : null;
    expect(
      typeof stamp === "string" && stamp.length > 0,
      `no submission stamp in ${unitSheets[0]} (XAC_NHAN_NOP)`,
    );
  });

  await step(
    `${lang}: the tracker lists the units with their status; clicking one activates its tab`,
    async () => {
      await paneTab(page, t.tabTracker);
      const table = pane.getByRole("table");
      await table.waitFor();
      const rowsText = await table.innerText();
      expect(
        rowsText.includes(t.status.late) || rowsText.includes(t.status["on-time"]),
        `no submitted status in: ${rowsText}`,
      );
      expect(rowsText.includes(t.status.missing), `no missing status in: ${rowsText}`);
      // Start from a sheet that is not a unit tab, so that the click must change the active sheet.
      const first = (await snapshot(page)).sheets.find((sh) => !unitSheets.includes(sh.name))!;
      at(`opening the sheet ${first.name} in the grid`);
      await openSheet(page, first.name);
      at("back to the tracker");
      await paneTab(page, t.tabTracker);
      await table.waitFor();
      const before = (await snapshot(page)).activeSheetId;
      const links = table.getByRole("button");
      let clicked = false;
      for (let i = 0; i < (await links.count()) && !clicked; i++) {
        const title = (await links.nth(i).getAttribute("title")) ?? "";
        if (!title.startsWith(t.openUnitTab(""))) continue;
        await links.nth(i).click();
        clicked = true;
      }
      expect(clicked, "no unit link in the tracker");
      at("waiting for the clicked unit's tab to become active");
      await page.waitForFunction((id) => window.__playground!.host.snapshot().activeSheetId !== id, before);
      // The simulated host raises onActivated for it, as Excel does a moment later; the pane, having made
      // that activation itself, stays on the tracker.
      at("checking the pane stays on the tracker after its own activation");
      await page.waitForTimeout(600);
      const selected = await pane.getByRole("tab", { selected: true }).innerText();
      expect(selected.includes(t.tabTracker), `the pane left the tracker for: ${selected}`);
      await table.waitFor();
    },
  );
  await checkScreen(page, lang, "tracker");

  const paneFigures: Record<string, string> = {};
  await step(`${lang}: summarise: totals, figures and findings shown`, async () => {
    await paneTab(page, t.tabSummary);
    await pane.getByRole("button", { name: t.summarise }).click();
    await pane.getByTestId("summary-totals").waitFor();
    const rows = pane.locator("[data-code]");
    const n = await rows.count();
    for (let i = 0; i < n; i++) {
      const code = (await rows.nth(i).getAttribute("data-code"))!;
      paneFigures[code] = (await rows.nth(i).locator("[data-value]").getAttribute("data-value")) ?? "";
    }
    expect(n > 0, "no figures in the pane");
  });

  await step(
    `${lang}: the pane's figures match the workbook (unit tabs and the summary sheet's formulas)`,
    async () => {
      const snap = await snapshot(page);
      const summary = snap.sheets.find((s) => /Tổng hợp/.test(s.name));
      expect(summary, `no summary sheet among ${snap.sheets.map((s) => s.name).join(", ")}`);
      for (const [code, shown] of Object.entries(paneFigures)) {
        let sum = 0;
        let any = false;
        for (const name of unitSheets) {
          const sheet = snap.sheets.find((s) => s.name === name)!;
          const row = rowsByCode(sheet).get(code);
          const v = row ? numberIn(sheet.cells[`D${row}`]?.value) : null;
          if (typeof v === "number") {
            sum += v;
            any = true;
          }
        }
        const expected = any ? String(sum) : "";
        expect(
          shown === expected,
          `${code}: pane shows ${JSON.stringify(shown)}, the unit tabs add up to ${JSON.stringify(expected)}`,
        );
      }
      const units = await pane.locator("[data-total=units] dd").innerText();
      const submitted = await pane.locator("[data-total=submitted] dd").innerText();
      expect(
        Number(units) === unitSheets.length,
        `pane says ${units} units, the workbook has ${unitSheets.length} unit tabs`,
      );
      expect(Number(submitted) === 1, `pane says ${submitted} submitted, one unit submitted`);
      // Every figure of the summary sheet that is a formula refers to the unit tabs' cells.
      const formulas = Object.values(summary!.cells).filter((c) => typeof c.formula === "string");
      expect(formulas.length > 0, "the summary sheet has no formulas linking to the unit tabs");
    },
  );

  await step(
    `${lang}: the summary names every unit still to chase, with its deadline and days late`,
    async () => {
      const units = Number(await pane.locator("[data-total=units] dd").innerText());
      const items = await pane.getByRole("list", { name: t.followUpTitle }).locator("li").allInnerTexts();
      // The playground's clock is today's: every unit is past the seed's 2022 deadlines, the one that
      // submitted did so late, the others have not.
      expect(items.length === units, `${items.length} units to follow up of ${units}: ${items.join(" | ")}`);
      const daysLate =
        lang === "vi" ? /quá hạn \d+ ngày|nộp trễ \d+ ngày/ : /\d+ days? overdue|submitted \d+ days? late/;
      for (const item of items)
        expect(
          daysLate.test(item) && /\d{2}\/\d{2}\/\d{4}/.test(item),
          `no deadline or days late in: ${item}`,
        );
      expect((await pane.getByText(t.findingsNone).count()) === 0, `"${t.findingsNone}" with units overdue`);
    },
  );

  await step(
    `${lang}: the grid shows the summary sheet's formulas computed, dates as dd/mm/yyyy, one '=' in the formula bar`,
    async () => {
      const snap = await snapshot(page);
      const summary = snap.sheets.find((s) => /Tổng hợp/.test(s.name))!;
      await openSheet(page, summary.name);
      const gridText = (address: string) => page.locator(`td[data-address="${address}"]`).innerText();
      let checked = 0;
      for (const [code, shown] of Object.entries(paneFigures)) {
        if (shown === "" || Number.isNaN(Number(shown))) continue;
        const cells = Object.entries(summary.cells).filter(
          ([, c]) => typeof c.formula === "string" && c.value === Number(shown),
        );
        expect(cells.length > 0, `${code}: no formula on ${summary.name} computes the pane's total ${shown}`);
        const [address, cell] = cells[0];
        const expected = cellText(
          cell.value as number,
          (cell as { numberFormat?: string }).numberFormat,
          lang,
        );
        const text = await gridText(address);
        expect(
          text === expected,
          `${summary.name}!${address} shows ${JSON.stringify(text)}, not ${expected}`,
        );
        checked++;
      }
      expect(checked > 0, "no figure of the pane to look for in the grid");
      const formulaCell = Object.entries(summary.cells).find(([, c]) => typeof c.formula === "string")!;
      await page.locator(`td[data-address="${formulaCell[0]}"]`).click();
      const bar = await page.getByTestId("grid-value").inputValue();
      expect(bar.startsWith("=") && !bar.startsWith("=="), `formula bar shows ${bar.slice(0, 40)}`);

      const tracker = snap.sheets.find(
        (s) => !unitSheets.includes(s.name) && s.name !== summary.name && /Kế hoạch/.test(s.name),
      )!;
      await openSheet(page, tracker.name);
      const dates = Object.entries(tracker.cells).filter(
        ([, c]) =>
          typeof c.value === "number" && (c as { numberFormat?: string }).numberFormat === "dd/mm/yyyy",
      );
      expect(dates.length > 0, `no date cell on ${tracker.name}`);
      for (const [address] of dates) {
        const text = await gridText(address);
        expect(
          /^\d{2}\/\d{2}\/\d{4}$/.test(text),
          `${tracker.name}!${address} shows ${JSON.stringify(text)}`,
        );
      }
      await paneTab(page, t.tabSummary);
    },
  );

  await step(
    `${lang}: the findings shown are the workbook's, each a link that activates its cell`,
    async () => {
      const findings = pane.getByRole("list", { name: t.findingsTitle });
      const count = (await findings.count()) ? await findings.locator("li").count() : 0;
      const snap = await snapshot(page);
      const summary = snap.sheets.find((s) => /Tổng hợp/.test(s.name))!;
      const linked = Object.values(summary.cells).filter((c) => c.hyperlink).length;
      expect(count > 0, "no findings listed (a missing unit and an unsubmitted tab should give some)");
      expect(linked >= count, `the summary sheet links ${linked} cells, the pane lists ${count} findings`);
      const first = findings.locator("li button").first();
      const label = await first.innerText();
      const sheetName = label.slice(0, label.lastIndexOf("!"));
      await first.click();
      await page.waitForFunction(
        (n) => document.querySelector("table[data-sheet]")?.getAttribute("data-sheet") === n,
        sheetName,
      );
      // The secretary goes through the findings one by one: the pane stays on them after each click.
      await page.waitForTimeout(600);
      expect(await findings.isVisible(), "the findings list is gone after clicking a finding");
    },
  );

  await step(`${lang}: export the report as .docx`, async () => {
    await paneTab(page, t.tabSummary);
    await pane.getByRole("button", { name: t.summarise }).click();
    await pane.getByTestId("summary-totals").waitFor();
    const download = page.waitForEvent("download");
    await pane.getByRole("button", { name: t.exportDocx }).click();
    const d = await download;
    expect(d.suggestedFilename().endsWith(".docx"), `download named ${d.suggestedFilename()}`);
    const saved = await page.evaluate(() => window.__playground!.savedFiles);
    expect(saved.length === 1 && saved[0].bytes > 2000, `saved files: ${JSON.stringify(saved)}`);
  });
  await checkScreen(page, lang, "summary");

  await step(
    `${lang}: reopen the submitted unit with a comment (tracker), the tab shows the comment`,
    async () => {
      await paneTab(page, t.tabTracker);
      const reopen = pane.getByRole("button", { name: t.reopen, exact: false }).first();
      await reopen.click();
      const comment = lang === "vi" ? "Bổ sung số liệu kinh phí" : "Please add the funds";
      await pane.getByLabel(new RegExp(t.reopenComment.replace(/[()]/g, "."))).fill(comment);
      await pane.getByRole("button", { name: t.reopenConfirm }).click();
      await pane.getByRole("button", { name: t.reopenConfirm }).waitFor({ state: "detached" });
      await pane.getByRole("status").first().waitFor();
      const snap = await snapshot(page);
      const sheet = snap.sheets.find((s) => s.name === unitSheets[0])!;
      const row = rowsByCode(sheet).get("Y_KIEN_MO_LAI");
      const text = row ? String(sheet.cells[`D${row}`]?.value ?? "") : "";
      expect(text.includes(comment), `Y_KIEN_MO_LAI of ${unitSheets[0]} holds ${JSON.stringify(text)}`);
      const stampRow = rowsByCode(sheet).get("XAC_NHAN_NOP");
      expect(!stampRow || !sheet.cells[`D${stampRow}`]?.value, "the submission stamp was not cleared");
    },
  );

  await step(
    `${lang}: make a file for each unit (tracker): one .zip, a protected .xlsx per unit; the password stays out of the workbook`,
    async () => {
      await paneTab(page, t.tabTracker);
      const units = (await snapshot(page)).sheets.filter((sh) => rowsByCode(sh).has("MA_DON_VI"));
      const password = "Mật khẩu 1";
      await pane.getByLabel(t.unitFilesPasswordFor(unitNameOf(units[0]))).fill(password);
      const download = page.waitForEvent("download");
      await pane.getByRole("button", { name: t.unitFilesMake }).click();
      const d = await download;
      expect(d.suggestedFilename().endsWith(".zip"), `download named ${d.suggestedFilename()}`);
      const zip = await JSZip.loadAsync(readFileSync(await d.path()));
      const names = Object.keys(zip.files);
      expect(names.length === units.length, `the .zip holds ${names.join(", ")} for ${units.length} units`);
      const one = await openWorkbookBuffer(await zip.file(names[0])!.async("uint8array"), names[0]);
      const sheets = (await one.readOverview()).sheets.map((sh) => sh.name);
      expect(sheets.length === 2 && sheets[0] === "Hướng dẫn", `sheets of ${names[0]}: ${sheets.join(", ")}`);
      await pane.getByRole("list", { name: t.unitFilesList }).waitFor();
      const field = pane.getByLabel(t.unitFilesPasswordFor(unitNameOf(units[0])));
      expect((await field.inputValue()) === "", "the password field was not emptied");
      const everything = JSON.stringify(await page.evaluate(() => window.__playground!.host.snapshot()));
      expect(!everything.includes(password), "the password reached the workbook");
    },
  );

  await step(
    `${lang}: import the copy a unit e-mailed back (tracker): its figures land in its tab`,
    async () => {
      at("making the unit's copy: the same plan as the workbook, written by the file adapter, figures typed");
      const xml: string = await page.evaluate(
        (ns) => window.__playground!.host.snapshot().parts.find((p) => p.namespaceUri === ns)!.xml,
        STATE_NAMESPACE,
      );
      const state = parseState(xml);
      const copy = newWorkbook();
      await createWorkbook(copy, { plan: state.plan, indicators: state.indicators, planId: state.planId });
      const copyState = parseState((await copy.readOverview()).stateXml!);
      const grids = await copy.readGrids(copyState.units.map((u) => u.sheetId!));
      const fill = sampleFills(copyState, grids).find((f) => f.scenario === "on-time")!;
      copy.typeValues(fill.sheetId, fill.cells);
      const bytes = await workbookToBuffer(copy);

      const before = (await snapshot(page)).sheets.find((sh) => sh.name === fill.sheetName)!;
      expect(
        Object.entries(fill.cells).some(([address, value]) => before.cells[address]?.value !== value),
        "the tab already holds the copy's figures: the import would prove nothing",
      );
      // In Vietnamese the unit sends it back as .ods (SheetJS, loaded lazily in the page under the CSP); in
      // English as the .xlsx itself (ExcelJS).
      const file =
        lang === "vi"
          ? {
              name: `${fill.sheetName} gửi lại.ods`,
              mimeType: "application/vnd.oasis.opendocument.spreadsheet",
              buffer: XLSX.write(XLSX.read(bytes, { cellFormula: true }), {
                bookType: "ods",
                type: "buffer",
              }) as Buffer,
            }
          : {
              name: `${fill.sheetName} gửi lại.xlsx`,
              mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              buffer: Buffer.from(bytes),
            };
      at(`choosing the ${file.name} in the tracker`);
      await paneTab(page, t.tabTracker);
      await pane.locator("input[type=file][multiple]").setInputFiles(file);
      at("waiting for the import result");
      const result = pane.getByRole("table", { name: t.importResult });
      await result.waitFor();
      const imported = await result.locator('[data-outcome="imported"]').allInnerTexts();
      expect(imported.length === 1, `import result: ${(await result.innerText()).slice(0, 300)}`);
      const sheet = (await snapshot(page)).sheets.find((sh) => sh.name === fill.sheetName)!;
      for (const [address, value] of Object.entries(fill.cells))
        expect(
          sheet.cells[address]?.value === value,
          `${fill.sheetName}!${address} holds ${JSON.stringify(sheet.cells[address]?.value)}, the copy ${JSON.stringify(value)}`,
        );
    },
  );

  await step(
    `${lang}: import a body below's summary workbook (multi-level roll-up): its totals land in its tab`,
    async () => {
      at("making the body's summary workbook: its own plan citing ours, its units' figures, summarised");
      const xml: string = await page.evaluate(
        (ns) => window.__playground!.host.snapshot().parts.find((p) => p.namespaceUri === ns)!.xml,
        STATE_NAMESPACE,
      );
      const state = parseState(xml);
      const snap = await snapshot(page);
      // A unit whose tab holds no figure yet stands for the body below.
      const empty = state.units.filter((u) => {
        const sheet = snap.sheets.find((sh) => unitNameOf(sh) === u.name);
        if (!sheet) return false;
        const rows = rowsByCode(sheet);
        return indicatorCodes(sheet).every((code) => {
          const v = sheet.cells[`D${rows.get(code)}`]?.value;
          return v === null || v === undefined || v === "";
        });
      });
      expect(empty.length > 0, "every unit's tab holds figures: no tab for a body below");
      const body = empty[empty.length - 1];
      // Vietnamese: the body is recognised by its plan's issuer; English: the secretary chooses its tab.
      const lower = {
        ...state.plan,
        number: "05-KH/CB",
        issuer: lang === "vi" ? body.name.toLocaleUpperCase("vi") : "Chi bộ không có trong kế hoạch",
        implements: [
          {
            kind: "Kế hoạch",
            number: state.plan.number ?? "",
            issuedOn: null,
            issuer: state.plan.issuer,
            line: 1,
          },
        ],
      };
      const below = newWorkbook();
      await createWorkbook(below, {
        plan: lower,
        indicators: state.indicators,
        now: new Date("2022-10-13T08:00:00+07:00"),
      });
      const belowState = parseState((await below.readOverview()).stateXml!);
      const grids = await below.readGrids(belowState.units.map((u) => u.sheetId!));
      for (const fill of sampleFills(belowState, grids)) below.typeValues(fill.sheetId, fill.cells);
      const summarised = await collectAndSummarise(below, { now: new Date("2022-10-16T09:00:00+07:00") });
      const file = {
        name: `Tổng hợp ${body.name}.xlsx`,
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(await workbookToBuffer(below)),
      };
      await paneTab(page, t.tabTracker);
      if (lang !== "vi") {
        at("choosing the body's tab in the pane");
        await pane.getByRole("checkbox", { name: t.importAsChoose }).check();
        await pane.getByLabel(t.importAs).selectOption(body.name);
      }
      await pane.locator("input[type=file][multiple]").setInputFiles(file);
      at("waiting for the import result");
      const result = pane.getByRole("table", { name: t.importResult });
      await result.locator(`text=${file.name}`).waitFor();
      const imported = await result.locator('[data-outcome="imported"]').allInnerTexts();
      expect(
        imported.length === 1 && imported[0].includes(file.name),
        `import result: ${(await result.innerText()).slice(0, 400)}`,
      );
      const sheet = (await snapshot(page)).sheets.find((sh) => unitNameOf(sh) === body.name)!;
      const rows = rowsByCode(sheet);
      expect(rows.has("#CAP_DUOI") && rows.has("#CAP_DUOI_NGUON"), `no #CAP_DUOI block in ${sheet.name}`);
      let checked = 0;
      for (const code of indicatorCodes(sheet)) {
        const total = summarised.totals[code]?.value;
        if (typeof total !== "number") continue;
        const got = sheet.cells[`D${rows.get(code)}`]?.value;
        expect(
          got === total,
          `${sheet.name}!D${rows.get(code)} holds ${JSON.stringify(got)}, the body's total ${total}`,
        );
        checked++;
      }
      expect(checked > 0, "the body's summary had no total to check");
    },
  );

  await step(`${lang}: no page errors, console errors or CSP violations during the flow`, async () => {
    const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    expect(
      csp.length === 0 && problems.length === 0,
      [...csp.map((c) => `CSP ${c}`), ...problems].slice(0, 5).join("; "),
    );
  });

  if (lang === "vi") {
    await step("vi: the draft plan survives closing and reopening the pane", async () => {
      await page.reload();
      await pane.getByRole("tab", { name: t.tabPlan }).waitFor();
      await pane.getByText(t.draftRestored).waitFor();
      const text = await pane.getByLabel(t.planTextLabel).inputValue();
      expect(text.includes("334-KH/CB"), "the pasted plan text was lost");
      const names = await pane
        .getByLabel(/^Tên đơn vị \d+$/)
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(names.includes(renamed), `the renamed unit was lost: ${names.join(", ")}`);
    });
  }
  await context.close();
}

/** The pane under Excel desktop's dark Office theme: the plan screen reads, and its contrast passes axe. */
async function darkTheme(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pane = page.getByTestId("pane");
  await step("dark: the plan screen in the dark theme, screenshot, axe clean", async () => {
    await page.goto(`${base}/playground.html?lang=vi&pane=380&theme=dark`);
    await pane
      .getByLabel(vi.planTextLabel)
      .fill(readFileSync(existsSync(SEED) ? SEED : SEED_FALLBACK, "utf8"));
    await pane.getByRole("button", { name: vi.readPlan }).click();
    await pane.getByText("334-KH/CB").first().waitFor();
    const background = await pane
      .locator(".fui-FluentProvider")
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(
      /^rgb\((\d+), \1, \1\)$/.test(background) && parseInt(background.slice(4), 10) < 80,
      `pane background ${background}`,
    );
    await pane.screenshot({ path: join(SHOTS, "vi-dark-plan-380.png") });
    await axeCheck(page);
  });
  await context.close();
}

/** The README's playground parameters on the root URL, as `npm start` serves it (its own redirect). */
async function rootParameters(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pane = page.getByTestId("pane");
  await step(
    "/?lang=en&pane=350&theme=dark&user=… opens the playground with all four parameters",
    async () => {
      const query = "?lang=en&pane=350&theme=dark&user=Nguy%E1%BB%85n%20H%C3%A0";
      await page.goto(`${base}/${query}`);
      const url = new URL(page.url());
      expect(url.pathname === "/playground.html" && url.search === query, `landed on ${page.url()}`);
      await pane.getByRole("tab", { name: en.tabPlan }).waitFor();
      const width = await pane.evaluate((el) => Math.round(el.getBoundingClientRect().width));
      expect(width === 350, `pane is ${width} px wide`);
      const background = await pane
        .locator(".fui-FluentProvider")
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(
        /^rgb\((\d+), \1, \1\)$/.test(background) && parseInt(background.slice(4), 10) < 80,
        `pane background ${background}`,
      );
    },
  );
  await step("/ alone opens the playground in Vietnamese", async () => {
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname === "/playground.html", `landed on ${page.url()}`);
    await pane.getByRole("tab", { name: vi.tabPlan }).waitFor();
  });
  await context.close();
}

/** Excel for Mac (?host=mac): the summary offers the routes that work instead of a download that does nothing. */
async function macExport(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const pane = page.getByTestId("pane");
  let downloads = 0;
  page.on("download", () => downloads++);
  await step(
    "mac: the summary offers print/PDF, Excel on the web and the CLI; nothing claims an export",
    async () => {
      await page.goto(`${base}/playground.html?lang=vi&pane=380&host=mac`);
      await pane
        .getByLabel(vi.planTextLabel)
        .fill(readFileSync(existsSync(SEED) ? SEED : SEED_FALLBACK, "utf8"));
      await pane.getByRole("button", { name: vi.readPlan }).click();
      await pane.getByText("334-KH/CB").first().waitFor();
      await pane.getByRole("button", { name: vi.createWorkbook }).click();
      await pane.getByText(/Đã tạo sổ theo dõi với \d+ đơn vị/).waitFor();
      await paneTab(page, vi.tabSummary);
      await pane.getByRole("button", { name: vi.summarise }).click();
      await pane.getByTestId("summary-totals").waitFor();
      const routes = await pane.getByTestId("export-routes").innerText();
      expect(routes.includes("Excel trên web") && routes.includes("--docx"), `routes shown: ${routes}`);
      expect(
        (await pane.getByRole("button", { name: vi.exportDocx }).count()) === 0,
        "an export button is offered",
      );
      expect(!(await pane.innerText()).includes("Đã xuất"), "the pane claims an export");
      const saved = await page.evaluate(() => window.__playground!.savedFiles);
      expect(
        saved.length === 0 && downloads === 0,
        `files handed over: ${JSON.stringify(saved)}, ${downloads}`,
      );
      await pane.screenshot({ path: join(SHOTS, "vi-summary-mac-380.png") });
      await axeCheck(page);
    },
  );
  await context.close();
}

/** office.js from the CDN, replaced (the tests have no network): a stub, or one whose onReady never comes. */
const OFFICE_JS_NEVER_READY =
  "window.Office = { onReady: function () { return new Promise(function () {}); } };";

/** The task pane page as Excel 2019 volume-licensed shows it: Trident (Internet Explorer 11). */
async function legacyWebview(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: 380, height: 700 },
    userAgent: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
  });
  await context.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ contentType: "text/javascript", body: OFFICE_JS_NEVER_READY }),
  );
  const page = await context.newPage();
  const requested: string[] = [];
  page.on("request", (r) => requested.push(r.url()));
  await step(
    "trident: the task pane page shows the bilingual message and never loads the bundle",
    async () => {
      await page.goto(`${base}/taskpane.html`);
      const alert = page.getByRole("alert");
      await alert.getByText("Tổng hợp báo cáo không chạy được trong phiên bản Excel này.").waitFor();
      await alert.getByText("Tổng hợp báo cáo cannot run in this version of Excel.").waitFor();
      await page.waitForTimeout(500);
      const bundles = requested.filter((u) => /\/taskpane\.[0-9a-f]+\.js$/.test(u));
      expect(bundles.length === 0, `the bundle was requested: ${bundles.join(", ")}`);
      await page.screenshot({ path: join(SHOTS, "trident-taskpane-380.png") });
    },
  );
  await context.close();
}

/** The task pane page when Office.onReady never resolves (office.js blocked or its frame refused). */
async function officeNeverReady(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 380, height: 700 } });
  await context.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ contentType: "text/javascript", body: OFFICE_JS_NEVER_READY }),
  );
  const page = await context.newPage();
  await step(
    "office never ready: after the start timeout the pane says it has not started, in vi and en",
    async () => {
      await page.clock.install();
      await page.goto(`${base}/taskpane.html`);
      const alert = page.getByRole("alert");
      expect((await alert.count()) === 0, "a message before the timeout");
      await page.clock.fastForward(11_000);
      await alert.getByText("Ngăn tác vụ chưa khởi động được.").waitFor();
      await alert.getByText("The task pane has not started.").waitFor();
    },
  );
  await context.close();
}

/**
 * The secretary opens the plan as the PDF she was sent: pdf.js loads lazily, its worker is the file served
 * beside the pane (the CSP's worker-src 'self'), and the plan's tasks and units show. The PDF is made from the
 * seed plan by LibreOffice (test/support/plan-documents.ts).
 */
async function pdfPlan(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/office\.js|Office\.js|favicon|oaspapps\.com|React DevTools/i.test(m.text()))
      problems.push(`console: ${m.text().slice(0, 200)}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      if (/oaspapps\.com|microsoft\.com/.test(e.blockedURI)) return;
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const pane = page.getByTestId("pane");
  await step(
    "vi: open a PDF plan: its number, tasks and units show; pdf.js ran in its worker under the CSP",
    async () => {
      const seedText = readFileSync(existsSync(SEED) ? SEED : SEED_FALLBACK, "utf8");
      const [pdf] = convertedPlans([await planDocx("334-KH-CB", seedText)], "pdf");
      await page.goto(`${base}/playground.html?lang=vi&pane=380`);
      await pane.getByRole("tab", { name: vi.tabPlan }).waitFor();
      await page.evaluate(() => localStorage.clear());
      const workerRequested = page.waitForRequest((r) => r.url().endsWith("/pdf.worker.min.mjs"));
      await pane.getByLabel(vi.openFile).setInputFiles({
        name: "334-KH-CB.pdf",
        mimeType: "application/pdf",
        buffer: readFileSync(pdf),
      });
      await workerRequested;
      await pane.getByText("334-KH/CB").first().waitFor();
      await pane.getByText("12/10/2022").first().waitFor();
      const text = await pane.getByLabel(vi.planTextLabel).inputValue();
      expect(text.includes("III- TỔ CHỨC THỰC HIỆN"), `the plan text from the PDF: ${text.slice(0, 200)}`);
      const units = await pane
        .getByLabel(/^Tên đơn vị \d+$/)
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      for (const unit of ["Ban Chi ủy Chi bộ", "Ban Chấp hành Công đoàn", "Tổ đảng tổ 1"])
        expect(units.includes(unit), `units read from the PDF: ${units.join(", ")}`);
      const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
      expect(
        csp.length === 0 && problems.length === 0,
        [...csp.map((c) => `CSP ${c}`), ...problems].slice(0, 5).join("; "),
      );
    },
  );
  await context.close();
}

async function main(): Promise<void> {
  const ensure = spawnSync("bash", [join(ROOT, "scripts", "ensure-chromium.sh")], { stdio: "inherit" });
  if (ensure.status !== 0) throw new Error("chromium is not available (scripts/ensure-chromium.sh failed)");
  const executablePath = execFileSync("bash", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
  mkdirSync(SHOTS, { recursive: true });
  build();
  const { server, base } = await serve();
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    console.log("Vietnamese flow:");
    await flow(browser, base, "vi");
    console.log("English flow:");
    await flow(browser, base, "en");
    console.log("Dark Office theme:");
    await darkTheme(browser, base);
    console.log("Query parameters on the root URL:");
    await rootParameters(browser, base);
    console.log("Hosts:");
    await macExport(browser, base);
    await legacyWebview(browser, base);
    await officeNeverReady(browser, base);
    console.log("A PDF plan:");
    await pdfPlan(browser, base);
  } finally {
    await browser.close();
    server.close();
  }
}

main()
  .catch((e: unknown) => {
    results.push({ name: "setup", ok: false, error: e instanceof Error ? e.message : String(e) });
    console.error(e);
  })
  .finally(() => {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
  });
