/** A PDF's raw pages in Node: pdf.js runs in a worker thread without the TypeScript loader (see the worker file). */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { RawPdf } from "../file/pdf-pages";

export class PdfJsError extends Error {
  constructor(
    readonly pdfjsName: string,
    message: string,
  ) {
    super(message);
  }
}

export function readRawPdfInWorker(bytes: Uint8Array): Promise<RawPdf> {
  const url = (specifier: string) => pathToFileURL(require.resolve(specifier)).href;
  const worker = new Worker(join(__dirname, "pdf-text-worker.cjs"), {
    execArgv: [],
    workerData: {
      pdfUrl: url("pdfjs-dist/legacy/build/pdf.min.mjs"),
      workerUrl: url("pdfjs-dist/legacy/build/pdf.worker.min.mjs"),
      bytes: bytes.slice(),
    },
  });
  return new Promise<RawPdf>((resolve, reject) => {
    worker.once(
      "message",
      (message: { ok: true; pdf: RawPdf } | { ok: false; name: string; message: string }) => {
        if (message.ok) resolve(message.pdf);
        else reject(new PdfJsError(message.name, message.message));
        void worker.terminate();
      },
    );
    worker.once("error", (error) => {
      reject(error);
      void worker.terminate();
    });
  });
}
