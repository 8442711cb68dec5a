/*
 * pdf.js in a worker thread, started without the TypeScript loader (execArgv: []): tsx re-parses every ES
 * module it loads, which makes pdf.js's 2 MB of modules take seconds to import instead of a fraction of one.
 * The worker loads pdf.js's legacy (Node) build and its worker module once, in this thread (`globalThis.pdfjsWorker`,
 * so pdf.js starts no worker of its own), reads the pages and posts back plain data: the same steps and the
 * same shape as readRawPdfPages in src/file/pdf-pages.ts, where the rest of the work is done.
 */
"use strict";
const { parentPort, workerData } = require("node:worker_threads");

/** The rule of mayHoldTable in src/file/pdf-pages.ts: a baseline with three pieces of text or more. */
function mayHoldTable(items) {
  const perBaseline = new Map();
  for (const item of items) {
    if (item.str.trim() === "") continue;
    const y = Math.round(item.transform[5] / 2);
    const count = (perBaseline.get(y) || 0) + 1;
    if (count >= 3) return true;
    perBaseline.set(y, count);
  }
  return false;
}

function numbers(value) {
  return value && typeof value === "object" && "length" in value ? Array.from(value) : null;
}

let loading = null;

function loadPdfJs({ pdfUrl, workerUrl }) {
  loading ??= (async () => {
    globalThis.pdfjsWorker = await import(workerUrl);
    return import(pdfUrl);
  })();
  return loading;
}

async function read(bytes) {
  const pdfjs = await loadPdfJs(workerData);
  const { OPS } = pdfjs;
  const document = await pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const pages = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const items = (await page.getTextContent()).items
        .filter((i) => typeof i.str === "string")
        .map(({ str, transform, width: w, height: h }) => ({ str, transform, width: w, height: h }));
      let paths = null;
      const previous = pages[pages.length - 1];
      if (mayHoldTable(items) || (previous !== undefined && previous.paths !== null)) {
        const list = await page.getOperatorList();
        paths = { fnArray: [], argsArray: [] };
        list.fnArray.forEach((fn, i) => {
          const args = list.argsArray[i];
          if (fn === OPS.constructPath) paths.argsArray.push(numbers(args && args[2]));
          else if (fn === OPS.transform) paths.argsArray.push(numbers(args));
          else if (fn === OPS.paintFormXObjectBegin) paths.argsArray.push(numbers(args && args[0]));
          else if (fn === OPS.save || fn === OPS.restore || fn === OPS.paintFormXObjectEnd)
            paths.argsArray.push(null);
          else return;
          paths.fnArray.push(fn);
        });
      }
      pages.push({ width, height, items, paths });
      page.cleanup();
    }
    return { pages, OPS: { ...OPS } };
  } finally {
    await document.destroy();
  }
}

// One request per message ({ id, bytes }); pdf.js is loaded once, by the first.
parentPort.on("message", ({ id, bytes }) => {
  read(bytes).then(
    (pdf) => parentPort.postMessage({ id, ok: true, pdf }),
    (error) =>
      parentPort.postMessage({
        id,
        ok: false,
        name: (error && error.name) || "Error",
        message: String((error && error.message) || error),
      }),
  );
});
