/**
 * The real Office.js runtime (`@microsoft/office-js`'s excel-web-16.00.debug.js, the one Excel on the web runs)
 * loaded into jsdom, with its HTTP send replaced so every request body is captured instead of sent. What it
 * captures is the object Office.js serialises with JSON.stringify before posting it
 * (RichApiMessageUtility.buildMessageArrayForIRequestExecutor), so its UTF-8 length is the request size that
 * Excel on the web compares with its 5 MB limit. Loaded once per process (≈ 0.3 s); no network.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { JSDOM } from "jsdom";

const RUNTIME = resolve(__dirname, "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js");

interface OfficeWindow {
  Excel: { RequestContext: new (url: string) => Excel.RequestContext };
  OfficeExtension: {
    HttpUtility: { setCustomSendRequestFunc(f: (request: { body: unknown }) => Promise<unknown>): void };
  };
}

export interface CapturedRequest {
  /** The request body as Office.js posts it (JSON). */
  json: string;
  /** Its UTF-8 length. */
  bytes: number;
}

let runtime: { window: OfficeWindow; captured: unknown[] } | null = null;

function load(): { window: OfficeWindow; captured: unknown[] } {
  if (runtime) return runtime;
  const dom = new JSDOM("<!doctype html><body></body>", {
    runScripts: "outside-only",
    url: "https://localhost/",
  });
  const window = dom.window as unknown as OfficeWindow & { eval(source: string): unknown };
  window.eval(readFileSync(RUNTIME, "utf8"));
  const captured: unknown[] = [];
  // A refusal as the answer: nothing is executed, the request was only wanted for its body.
  window.OfficeExtension.HttpUtility.setCustomSendRequestFunc((request) => {
    captured.push(request.body);
    return Promise.resolve({ statusCode: 500, headers: {}, body: "{}" });
  });
  runtime = { window, captured };
  return runtime;
}

/** A fresh Office.js request context whose next ids start after `idOffset` (ids grow over a context's life). */
export function officeJsContext(idOffset = 0): Excel.RequestContext {
  const { window } = load();
  const context = new window.Excel.RequestContext("https://excel.invalid/");
  for (let i = 0; i < idOffset; i++) (context as unknown as { _nextId(): number })._nextId();
  return context;
}

/** The ids a context has handed out so far. */
export function idsUsed(context: Excel.RequestContext): number {
  return (context as unknown as { m_nextId: number }).m_nextId;
}

/** Sync `context` (whose calls are queued) and return the request Office.js would have sent. */
export async function captureSync(context: Excel.RequestContext): Promise<CapturedRequest> {
  const { captured } = load();
  const before = captured.length;
  await context.sync().catch(() => undefined);
  if (captured.length !== before + 1)
    throw new Error(`expected one request, Office.js sent ${captured.length - before}`);
  const json = JSON.stringify(captured[captured.length - 1]);
  return { json, bytes: Buffer.byteLength(json, "utf8") };
}
