/**
 * A PDF's raw pages in Node: pdf.js runs in a worker thread started without the TypeScript loader (see
 * pdf-text-worker.cjs). The thread is started on the first PDF and kept for the next ones (tests, the bench);
 * it holds the process open only while a PDF is being read, so it never keeps the CLI alive.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { RawPdf } from "../file/pdf-pages";

/** pdf.js's own failure, with its exception name (PasswordException, InvalidPDFException …). */
export class PdfJsError extends Error {
  constructor(
    readonly pdfjsName: string,
    message: string,
  ) {
    super(message);
  }
}

type Reply = { id: number; ok: true; pdf: RawPdf } | { id: number; ok: false; name: string; message: string };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (pdf: RawPdf) => void; reject: (error: Error) => void }>();

function pdfWorker(): Worker {
  if (worker) return worker;
  const url = (specifier: string) => pathToFileURL(require.resolve(specifier)).href;
  const started = new Worker(join(__dirname, "pdf-text-worker.cjs"), {
    execArgv: [],
    workerData: {
      pdfUrl: url("pdfjs-dist/legacy/build/pdf.min.mjs"),
      workerUrl: url("pdfjs-dist/legacy/build/pdf.worker.min.mjs"),
    },
  });
  started.on("message", (reply: Reply) => {
    const request = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
    if (reply.ok) request?.resolve(reply.pdf);
    else request?.reject(new PdfJsError(reply.name, reply.message));
  });
  const fail = (error: Error) => {
    worker = null;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`the PDF reader stopped (exit code ${code})`)));
  worker = started;
  return started;
}

export function readRawPdfInWorker(bytes: Uint8Array): Promise<RawPdf> {
  const id = nextId++;
  return new Promise<RawPdf>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const copy = bytes.slice();
    const reader = pdfWorker();
    reader.ref();
    reader.postMessage({ id, bytes: copy }, [copy.buffer]);
  });
}
