/**
 * The forms a plan arrives in, made from its clean text: the .docx of it printed to PDF by LibreOffice and read
 * back by `pdftotext` (with and without `-layout`), its web page copied from a browser (Chromium's own
 * clipboard text), its web page dumped as text with tables drawn with "|", the clean text hard-wrapped at 50–100
 * columns, and its header's two columns flattened onto one line per row.
 *
 * PLAN_VARIANTS is data: a new way plans arrive (say, PDF through pdf.js) is one more entry whose `source` says
 * what it starts from. Generated files are cached in the temp directory, keyed by a hash of their input and of
 * the generator's source, so a second run converts nothing.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { convertMany, ensureLibreOffice } from "./libreoffice";
import { planDocx, planHtml, planLayout, type Line, type PlanLayout } from "./plan-document";

const ROOT = resolve(__dirname, "../..");

/** What a variant starts from; the harness prepares each source once for every fixture. */
export interface PlanSources {
  /** The fixture's clean text. */
  clean: string;
  layout: PlanLayout;
  /** Path of the plan printed to PDF (LibreOffice, from the .docx); present when a variant needs "pdf". */
  pdf?: string;
  /** The plan's web page. */
  html: string;
  /** The web page as a browser's copy gives it (select all, copy); present when a variant needs "browser". */
  browserCopy?: string;
}

export interface PlanVariant {
  id: string;
  /** What the column says in docs/plan-reading.md. */
  label: string;
  needs: ("pdf" | "browser")[];
  text: (sources: PlanSources) => string | Promise<string>;
}

function pdftotext(pdf: string, layout: boolean): string {
  const args = [...(layout ? ["-layout"] : []), "-enc", "UTF-8", pdf, "-"];
  return execFileSync("pdftotext", args, { encoding: "utf8" });
}

/** Greedy wrap at `width` columns, at spaces (a word longer than the width stays whole; runs of spaces inside stay). */
export function hardWrap(line: string, width: number): string[] {
  const words = line.trim().match(/\S+\s*/gu) ?? [];
  const out: string[] = [];
  let cur = "";
  for (const w of words) {
    if (cur === "" || (cur + w).trimEnd().length <= width) cur += w;
    else {
      out.push(cur.trimEnd());
      cur = w;
    }
  }
  if (cur !== "") out.push(cur.trimEnd());
  return out.length > 0 ? out : [""];
}

/**
 * The clean text as an e-mail client or a fixed-width export wraps it: every paragraph broken at `width`
 * columns (markdown emphasis, which such text does not carry, taken off first); table rows are not paragraphs
 * and stay whole.
 */
function wrapText(clean: string, width: number): string {
  return clean
    .replace(/\r\n?/gu, "\n")
    .split("\n")
    .flatMap((line) => {
      if (line.includes("\t") || /^\s*\|/u.test(line)) return [line];
      const text = line
        .replace(/\*\*|__/gu, "")
        .replace(/^#{1,6}\s+/u, "")
        .replace(/(^|[\s(])\*(?!\s)([^*\n]*[^*\s])\*(?=$|[\s,.;:)])/gu, "$1$2")
        .replace(/\\\*/gu, "*");
      return hardWrap(text, width);
    })
    .join("\n");
}

/** Two cells zipped row by row: line k of the left beside line k of the right, `gap` between them. */
function zip(left: Line[], right: Line[], gap: string, frame = false): string[] {
  const out: string[] = [];
  const width = Math.max(0, ...left.map((l) => l.text.length));
  for (let k = 0; k < Math.max(left.length, right.length); k++) {
    const l = left[k]?.text ?? "";
    const r = right[k]?.text ?? "";
    if (frame) out.push(`| ${l.padEnd(width)} | ${r} |`);
    else out.push(r === "" ? l : `${l.padEnd(width)}${gap}${r}`);
  }
  return out;
}

/**
 * The header's two columns flattened onto one line per row (left, a long run of spaces, right), as text
 * copied from a PDF viewer gives it; the rest of the clean text as it is.
 */
function flattenHeader(sources: PlanSources): string {
  const { layout, clean } = sources;
  const lines = clean.replace(/\r\n?/gu, "\n").split("\n");
  const kindAt = lines.findIndex(
    (l) => l.replace(/[*#\s]/gu, "") !== "" && /^(?:[#*\s]*)(?:KẾ HOẠCH|THÔNG BÁO|HƯỚNG DẪN)/u.test(l),
  );
  if (kindAt <= 0) return clean;
  return [...zip(layout.header.left, layout.header.right, " ".repeat(12)), "", ...lines.slice(kindAt)].join(
    "\n",
  );
}

/** The web page dumped as text (as text-mode browsers do): layout tables side by side, grid tables framed with "|". */
function textDump(layout: PlanLayout): string {
  const out: string[] = [];
  if (layout.header.left.length + layout.header.right.length > 0)
    out.push(...zip(layout.header.left, layout.header.right, " | "), "");
  for (const b of layout.blocks) {
    if (b.type === "table")
      out.push(...b.rows.map((r) => `| ${r.map((c) => c.join(" ")).join(" | ")} |`), "");
    else if (b.type === "columns") out.push(...zip(b.left, b.right, " | "), "");
    else out.push(b.text, "");
  }
  return out.join("\n");
}

export const PLAN_VARIANTS: PlanVariant[] = [
  {
    id: "pdftotext",
    label: "PDF → pdftotext",
    needs: ["pdf"],
    text: (s) => pdftotext(s.pdf!, false),
  },
  {
    id: "pdftotext-layout",
    label: "PDF → pdftotext -layout",
    needs: ["pdf"],
    text: (s) => pdftotext(s.pdf!, true),
  },
  {
    id: "browser-copy",
    label: "web page, browser copy (tables as tabs)",
    needs: ["browser"],
    text: (s) => s.browserCopy!,
  },
  {
    id: "text-dump",
    label: "web page as text (tables with |)",
    needs: [],
    text: (s) => textDump(s.layout),
  },
  { id: "wrap-50", label: "hard wrap 50", needs: [], text: (s) => wrapText(s.clean, 50) },
  { id: "wrap-66", label: "hard wrap 66", needs: [], text: (s) => wrapText(s.clean, 66) },
  { id: "wrap-80", label: "hard wrap 80", needs: [], text: (s) => wrapText(s.clean, 80) },
  { id: "wrap-100", label: "hard wrap 100", needs: [], text: (s) => wrapText(s.clean, 100) },
  { id: "header-one-line", label: "header columns on one line", needs: [], text: flattenHeader },
];

// ---------------------------------------------------------------------------------------------------------
// Sources, cached

const CACHE = join(tmpdir(), "tong-hop-plan-reading-cache");

function hash(...parts: string[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\u0000");
  return h.digest("hex").slice(0, 24);
}

/** The generator's own source: a change to the document layout makes new files. */
const GENERATOR = hash(
  readFileSync(join(__dirname, "plan-document.ts"), "utf8"),
  readFileSync(join(ROOT, "node_modules/docx/package.json"), "utf8"),
);

async function preparePdfs(items: { key: string; layout: PlanLayout }[]): Promise<Map<string, string>> {
  mkdirSync(CACHE, { recursive: true });
  const out = new Map<string, string>();
  const missing: string[] = [];
  for (const { key, layout } of items) {
    const pdf = join(CACHE, `${key}.pdf`);
    out.set(key, pdf);
    if (existsSync(pdf)) continue;
    const docx = join(CACHE, `${key}.docx`);
    writeFileSync(docx, await planDocx(layout));
    missing.push(docx);
  }
  if (missing.length > 0) {
    ensureLibreOffice();
    // One soffice run converts them all (a run per file would start LibreOffice every time).
    convertMany(missing, "pdf", CACHE, 600_000);
  }
  for (const pdf of out.values()) if (!existsSync(pdf)) throw new Error(`LibreOffice made no PDF: ${pdf}`);
  return out;
}

/** Chromium's clipboard text for each page: the page loaded, select all, copy, read the clipboard. */
async function browserCopies(pages: { key: string; html: string }[]): Promise<Map<string, string>> {
  mkdirSync(CACHE, { recursive: true });
  const out = new Map<string, string>();
  const missing = pages.filter(({ key }) => {
    const file = join(CACHE, `${key}.copy.txt`);
    if (!existsSync(file)) return true;
    out.set(key, readFileSync(file, "utf8"));
    return false;
  });
  if (missing.length === 0) return out;
  execFileSync("bash", [join(ROOT, "scripts/ensure-chromium.sh")], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const executablePath = execFileSync("bash", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--no-first-run",
    ],
  });
  try {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    for (const { key, html } of missing) {
      // A secure origin (the clipboard API needs one), served from memory: nothing goes to the network.
      const url = `https://plan.test/${key}.html`;
      await page.route(url, (r) => r.fulfill({ body: html, contentType: "text/html; charset=utf-8" }));
      await page.goto(url);
      await page.keyboard.press("Control+A");
      await page.keyboard.press("Control+C");
      const text = await page.evaluate(() => navigator.clipboard.readText());
      await page.unroute(url);
      writeFileSync(join(CACHE, `${key}.copy.txt`), text);
      out.set(key, text);
    }
  } finally {
    await browser.close();
  }
  return out;
}

export interface FixtureText {
  name: string;
  text: string;
}

/** Every variant's text of every fixture: variant id → fixture name → text. */
export async function variantTexts(
  fixtures: FixtureText[],
  variants: PlanVariant[] = PLAN_VARIANTS,
): Promise<Map<string, Map<string, string>>> {
  const items = fixtures.map((f) => {
    const layout = planLayout(f.text);
    return { ...f, layout, html: planHtml(layout), key: hash(GENERATOR, f.text) };
  });
  const needs = new Set(variants.flatMap((v) => v.needs));
  const pdfs = needs.has("pdf") ? await preparePdfs(items) : new Map<string, string>();
  const copies = needs.has("browser")
    ? await browserCopies(items.map((i) => ({ key: hash(i.html), html: i.html })))
    : new Map<string, string>();
  const result = new Map<string, Map<string, string>>();
  for (const v of variants) {
    const byFixture = new Map<string, string>();
    for (const item of items) {
      const sources: PlanSources = {
        clean: item.text,
        layout: item.layout,
        html: item.html,
        pdf: pdfs.get(item.key),
        browserCopy: copies.get(hash(item.html)),
      };
      byFixture.set(item.name, await v.text(sources));
    }
    result.set(v.id, byFixture);
  }
  return result;
}
