/**
 * Offline check of the add-in manifest: XML schema validation (xmllint-wasm) against the schema written from
 * [MS-OWEMXML] in scripts/manifest-schema/, plus the rules a schema cannot express: every icon URL names a
 * PNG that exists in the repository, all URLs are https on the add-in's own origin, exactly one permission,
 * no AppDomains beyond the add-in itself, every resid resolves to a resource.
 *
 * CLI: tsx scripts/validate-manifest.ts manifest.xml   (exit 0 valid, 1 invalid)
 */
import { readFileSync, existsSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { validateXML } from "xmllint-wasm";

export const SCHEMA_DIR = join(__dirname, "manifest-schema");
const SCHEMA_FILES = ["offappmanifest-1.1.xsd", "officeappbasictypes.xsd", "taskpaneappversionoverrides.xsd"];

export interface ManifestProblem {
  line: number | null;
  message: string;
}

export interface ManifestReport {
  valid: boolean;
  problems: ManifestProblem[];
}

export interface ValidateOptions {
  /** Folder the URL paths map to (the repository root: https://host/assets/x.png → <root>/assets/x.png). */
  rootDir: string;
}

export async function validateManifest(xml: string, options: ValidateOptions): Promise<ManifestReport> {
  const problems: ManifestProblem[] = [];
  const schemas = SCHEMA_FILES.map((fileName) => ({
    fileName,
    contents: readFileSync(join(SCHEMA_DIR, fileName), "utf8"),
  }));
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: schemas[0],
    preload: schemas.slice(1),
  });
  for (const e of result.errors) {
    problems.push({ line: e.loc?.lineNumber ?? null, message: `schema: ${e.message.trim()}` });
  }
  problems.push(...checkBeyondSchema(xml, options));
  return { valid: problems.length === 0, problems };
}

interface Hit {
  value: string;
  line: number;
}

function lineOf(xml: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (xml.charCodeAt(i) === 10) n++;
  return n;
}

function all(xml: string, re: RegExp, group = 1): Hit[] {
  const out: Hit[] = [];
  for (const m of xml.matchAll(re)) out.push({ value: decodeXml(m[group]), line: lineOf(xml, m.index ?? 0) });
  return out;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The checks XSD cannot express. Works on the raw text so it reports even when the schema check failed. */
export function checkBeyondSchema(rawXml: string, options: ValidateOptions): ManifestProblem[] {
  const xml = rawXml.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, " "));
  const problems: ManifestProblem[] = [];

  // 1. Every URL is https.
  const urls = [
    ...all(xml, /\b(?:DefaultValue|Value)="([a-z][a-z0-9+.-]*:\/\/[^"]*)"/gi),
    ...all(xml, /<(?:\w+:)?AppDomain>\s*([^<]*?)\s*<\/(?:\w+:)?AppDomain>/g),
  ];
  for (const u of urls) {
    if (!u.value.startsWith("https://"))
      problems.push({ line: u.line, message: `URL is not https: ${u.value}` });
  }

  // 2. All URLs on the add-in's own origin (the SourceLocation's); AppDomains add nothing beyond it.
  const source = all(xml, /<SourceLocation\s+DefaultValue="([^"]*)"/g)[0];
  if (!source) {
    problems.push({ line: null, message: "DefaultSettings/SourceLocation is missing" });
  } else {
    const origin = originOf(source.value);
    for (const u of urls) {
      if (originOf(u.value) !== origin)
        problems.push({ line: u.line, message: `URL is not on the add-in's origin ${origin}: ${u.value}` });
    }
  }

  // 3. Exactly one permission.
  const permissions = all(xml, /<Permissions>\s*([^<]*?)\s*<\/Permissions>/g);
  if (permissions.length !== 1) {
    problems.push({ line: null, message: `expected exactly one <Permissions>, found ${permissions.length}` });
  }

  // 4. Icons exist at the paths their URLs name, as PNGs of the declared size.
  const iconUrls: { hit: Hit; size: number | null }[] = [
    ...all(xml, /<IconUrl\s+DefaultValue="([^"]*)"/g).map((hit) => ({ hit, size: 32 })),
    ...all(xml, /<HighResolutionIconUrl\s+DefaultValue="([^"]*)"/g).map((hit) => ({ hit, size: 64 })),
  ];
  const imageResources = new Map<string, Hit>();
  for (const m of xml.matchAll(/<bt:Image\s+id="([^"]*)"\s+DefaultValue="([^"]*)"/g)) {
    imageResources.set(m[1], { value: decodeXml(m[2]), line: lineOf(xml, m.index ?? 0) });
  }
  const sizeOfImage = new Map<string, number>();
  for (const m of xml.matchAll(/<bt:Image\s+size="(\d+)"\s+resid="([^"]*)"/g))
    sizeOfImage.set(m[2], Number(m[1]));
  for (const [id, hit] of imageResources) iconUrls.push({ hit, size: sizeOfImage.get(id) ?? null });
  for (const { hit, size } of iconUrls) {
    const file = localPathOf(hit.value, options.rootDir);
    if (!file) continue; // not https: reported above
    if (!existsSync(file)) {
      problems.push({ line: hit.line, message: `icon not found: ${hit.value} (expected file ${file})` });
      continue;
    }
    const png = pngSize(readFileSync(file));
    if (!png) problems.push({ line: hit.line, message: `icon is not a PNG: ${file}` });
    else if (size !== null && (png.width !== size || png.height !== size))
      problems.push({
        line: hit.line,
        message: `icon ${file} is ${png.width}×${png.height}, expected ${size}×${size}`,
      });
  }

  // 5. Every resid names a resource.
  const resourceIds = new Set(all(xml, /<bt:(?:Image|Url|String)\s+id="([^"]*)"/g).map((h) => h.value));
  for (const r of all(xml, /\bresid="([^"]*)"/g)) {
    if (!resourceIds.has(r.value))
      problems.push({ line: r.line, message: `resid "${r.value}" names no resource` });
  }
  return problems;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function localPathOf(url: string, rootDir: string): string | null {
  if (!url.startsWith("https://")) return null;
  try {
    const path = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, "");
    return resolve(rootDir, path);
  } catch {
    return null;
  }
}

function pngSize(buf: Buffer): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || sig.some((b, i) => buf[i] !== b)) return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? "manifest.xml";
  const path = resolve(file);
  if (!existsSync(path)) {
    console.error(`Không tìm thấy tệp / File not found: ${file}`);
    process.exit(1);
  }
  const report = await validateManifest(readFileSync(path, "utf8"), { rootDir: dirname(path) });
  if (report.valid) {
    console.log(`${file}: hợp lệ / valid (schema MS-OWEMXML subset + icon, https, permission checks)`);
    return;
  }
  for (const p of report.problems) console.error(`${file}${p.line ? `:${p.line}` : ""}: ${p.message}`);
  console.error(`${file}: KHÔNG hợp lệ / INVALID (${report.problems.length} problem(s))`);
  process.exit(1);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
