/**
 * First-paint JavaScript of the task pane: the script files dist/taskpane.html loads (not lazy chunks),
 * gzip-compressed with node:zlib at the default level.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";

export interface FirstPaint {
  html: string;
  scripts: { file: string; bytes: number; gzipBytes: number }[];
  totalBytes: number;
  totalGzipBytes: number;
}

/** The local script URLs an HTML page loads at first paint (`<script src>` without `async` lazy markers). */
export function scriptSources(html: string): string[] {
  const out: string[] = [];
  const re = /<script\b([^>]*)>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const attrs = m[1];
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(attrs)?.[1];
    if (!src) continue;
    if (/^(https?:)?\/\//i.test(src)) continue; // CDN (office.js from Microsoft) is not our bundle
    out.push(src.split(/[?#]/)[0]);
    // The ES5 start check loads the bundle it names in data-bundle: that is first-paint JS too.
    const bundle = /\bdata-bundle\s*=\s*["']([^"']+)["']/i.exec(attrs)?.[1];
    if (bundle)
      out.push(
        ...bundle
          .split(/\s+/)
          .filter(Boolean)
          .map((b) => b.split(/[?#]/)[0]),
      );
  }
  return out;
}

export function measureFirstPaint(distDir: string, htmlName = "taskpane.html"): FirstPaint {
  const htmlPath = join(distDir, htmlName);
  const html = readFileSync(htmlPath, "utf8");
  const scripts = scriptSources(html).map((src) => {
    const file = resolve(dirname(htmlPath), src.replace(/^\//, ""));
    const buf = readFileSync(file);
    return { file: relative(distDir, file), bytes: buf.length, gzipBytes: gzipSync(buf).length };
  });
  return {
    html: htmlName,
    scripts,
    totalBytes: scripts.reduce((a, s) => a + s.bytes, 0),
    totalGzipBytes: scripts.reduce((a, s) => a + s.gzipBytes, 0),
  };
}

function newestMtime(dir: string, skip: (p: string) => boolean = () => false): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (skip(p)) continue;
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.mtimeMs > newest) newest = st.mtimeMs;
    }
  };
  walk(dir);
  return newest;
}

/** dist/ is missing, or older than the sources it is built from. */
export function distIsStale(repoRoot: string): boolean {
  const dist = join(repoRoot, "dist");
  if (!existsSync(join(dist, "taskpane.html"))) return true;
  const built = statSync(join(dist, "taskpane.html")).mtimeMs;
  const sources = Math.max(
    newestMtime(join(repoRoot, "src"), (p) => p.includes(`${join("src", "cli")}`)),
    ...["webpack.config.ts", "webpack.config.js", "package-lock.json"]
      .map((f) => join(repoRoot, f))
      .filter((f) => existsSync(f))
      .map((f) => statSync(f).mtimeMs),
  );
  return sources > built;
}
