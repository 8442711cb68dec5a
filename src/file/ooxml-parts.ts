/**
 * What ExcelJS cannot do, done on the .xlsx zip itself (jszip, which ExcelJS depends on):
 * - custom XML parts (our state part), stored exactly as Excel stores them — customXml/itemN.xml,
 *   customXml/itemPropsN.xml, customXml/_rels/itemN.xml.rels, the workbook relationship and the content
 *   type — so Excel's `workbook.customXmlParts.getByNamespace(...)` finds the part;
 * - internal hyperlinks, which Excel stores as `<hyperlink ref="A1" location="'Sheet'!B4"/>` without a
 *   relationship on any cell, numbers included (ExcelJS only knows hyperlinks on text, as external links,
 *   and drops location-only links when reading).
 */
import JSZip from "jszip";

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const NS_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";

/** One custom XML part: its XML and the data-store item id ("{GUID}"). */
export interface CustomXmlPart {
  xml: string;
  itemId: string;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

/** Attributes of one XML start tag, unescaped. */
export function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
    out[m[1]] = unescapeXml(m[3] ?? m[4] ?? "");
  return out;
}

/** The namespace URI of the document element of an XML text, or null. */
export function rootNamespaceOf(xml: string): string | null {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const m = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>/.exec(body);
  if (!m) return null;
  const prefix = m[1] ? m[1].slice(0, -1) : null;
  const attrs = attributesOf(m[3]);
  return (prefix ? attrs[`xmlns:${prefix}`] : attrs.xmlns) ?? null;
}

function newItemId(): string {
  return `{${globalThis.crypto.randomUUID().toUpperCase()}}`;
}

/** Every custom XML part of the package, in item order. */
export async function readCustomXmlParts(zip: JSZip): Promise<CustomXmlPart[]> {
  const names = Object.keys(zip.files)
    .map((name) => /^customXml\/item(\d+)\.xml$/i.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]));
  const parts: CustomXmlPart[] = [];
  for (const m of names) {
    const xml = stripBom(await zip.file(m[0])!.async("string"));
    const props = zip.file(`customXml/itemProps${m[1]}.xml`);
    const propsXml = props ? await props.async("string") : "";
    const itemId = /itemID\s*=\s*"([^"]+)"/.exec(propsXml)?.[1] ?? newItemId();
    parts.push({ xml, itemId });
  }
  return parts;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function itemPropsXml(part: CustomXmlPart): string {
  const ns = rootNamespaceOf(part.xml);
  const refs = ns ? `<ds:schemaRef ds:uri="${escapeXml(ns)}"/>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n` +
    `<ds:datastoreItem ds:itemID="${part.itemId}" xmlns:ds="${NS_DATASTORE}"><ds:schemaRefs>${refs}</ds:schemaRefs></ds:datastoreItem>`
  );
}

function withXmlDeclaration(xml: string): string {
  return xml.trimStart().startsWith("<?xml")
    ? xml
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${xml}`;
}

/** Replace the package's custom XML parts with `parts` (item1 … itemN), wired as Excel wires them. */
export async function writeCustomXmlParts(zip: JSZip, parts: CustomXmlPart[]): Promise<void> {
  for (const name of Object.keys(zip.files)) if (/^customXml\//i.test(name)) zip.remove(name);

  const relsPath = "xl/_rels/workbook.xml.rels";
  let rels = await zip.file(relsPath)!.async("string");
  rels = rels.replace(new RegExp(`<Relationship\\b[^>]*Type="${REL_CUSTOM_XML}"[^>]*/>`, "g"), "");

  let types = await zip.file("[Content_Types].xml")!.async("string");
  types = types.replace(/<Override\b[^>]*PartName="\/customXml\/[^"]*"[^>]*\/>/g, "");
  if (!/<Default\b[^>]*Extension="xml"/.test(types)) {
    types = types.replace(
      /<Types\b[^>]*>/,
      (m) => `${m}<Default Extension="xml" ContentType="application/xml"/>`,
    );
  }

  const newRels: string[] = [];
  const overrides: string[] = [];
  parts.forEach((part, i) => {
    const n = i + 1;
    zip.file(`customXml/item${n}.xml`, withXmlDeclaration(part.xml));
    zip.file(`customXml/itemProps${n}.xml`, itemPropsXml(part));
    zip.file(
      `customXml/_rels/item${n}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
    );
    newRels.push(
      `<Relationship Id="rIdCustomXml${n}" Type="${REL_CUSTOM_XML}" Target="../customXml/item${n}.xml"/>`,
    );
    overrides.push(
      `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${CT_CUSTOM_XML_PROPS}"/>`,
    );
  });
  zip.file(relsPath, rels.replace("</Relationships>", `${newRels.join("")}</Relationships>`));
  zip.file("[Content_Types].xml", types.replace("</Types>", `${overrides.join("")}</Types>`));
}

export function newCustomXmlPart(xml: string): CustomXmlPart {
  return { xml, itemId: newItemId() };
}

/** Worksheet part path by sheet name, from xl/workbook.xml and its relationships. */
export async function worksheetPartsByName(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const workbook = zip.file("xl/workbook.xml");
  const relsFile = zip.file("xl/_rels/workbook.xml.rels");
  if (!workbook || !relsFile) return out;
  const rels = new Map<string, string>();
  for (const m of (await relsFile.async("string")).matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributesOf(m[0]);
    if (a.Id && a.Target) rels.set(a.Id, a.Target);
  }
  for (const m of (await workbook.async("string")).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributesOf(m[0]);
    const target = a["r:id"] ? rels.get(a["r:id"]) : undefined;
    if (!a.name || !target) continue;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    out.set(a.name, path.replace(/\/\.\//g, "/"));
  }
  return out;
}

/** Elements that follow <hyperlinks> in a worksheet (CT_Worksheet order). */
const AFTER_HYPERLINKS = [
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/**
 * Write internal hyperlinks as Excel stores them: `<hyperlink ref="B4" location="'Tổ 1'!D12"/>` inside the
 * worksheet's <hyperlinks>, no relationship. `bySheetName`: sheet name → (A1 → location).
 */
export async function writeInternalHyperlinks(
  zip: JSZip,
  bySheetName: Map<string, Map<string, string>>,
): Promise<void> {
  const parts = await worksheetPartsByName(zip);
  for (const [name, links] of bySheetName) {
    const path = parts.get(name);
    const file = path ? zip.file(path) : null;
    if (!path || !file || links.size === 0) continue;
    let xml = await file.async("string");
    const elements = [...links]
      .map(([ref, location]) => `<hyperlink ref="${escapeXml(ref)}" location="${escapeXml(location)}"/>`)
      .join("");
    if (/<hyperlinks>/.test(xml)) {
      xml = xml.replace("</hyperlinks>", `${elements}</hyperlinks>`);
    } else {
      const block = `<hyperlinks>${elements}</hyperlinks>`;
      const next = AFTER_HYPERLINKS.map((tag) => xml.search(new RegExp(`<${tag}[\\s/>]`))).filter(
        (i) => i >= 0,
      );
      const at = next.length ? Math.min(...next) : xml.lastIndexOf("</worksheet>");
      xml = `${xml.slice(0, at)}${block}${xml.slice(at)}`;
    }
    zip.file(path, xml);
  }
}

/** Internal (location-only) hyperlinks of every sheet: sheet name → [{ ref, location }]. */
export async function readInternalHyperlinks(
  zip: JSZip,
): Promise<Map<string, { ref: string; location: string }[]>> {
  const out = new Map<string, { ref: string; location: string }[]>();
  for (const [name, path] of await worksheetPartsByName(zip)) {
    const sheetFile = zip.file(path);
    if (!sheetFile) continue;
    const links: { ref: string; location: string }[] = [];
    for (const m of (await sheetFile.async("string")).matchAll(/<(?:\w+:)?hyperlink\b[^>]*\/?>/g)) {
      const a = attributesOf(m[0]);
      if (a.ref && a.location && !a["r:id"]) links.push({ ref: a.ref, location: a.location });
    }
    if (links.length) out.set(name, links);
  }
  return out;
}

/** Excel's password hash (ISO/IEC 29500 "agile" SHA-512 with salt and spin count), as attribute values. */
export interface ProtectionHash {
  algorithmName: string;
  hashValue: string;
  saltValue: string;
  spinCount: number;
}

/**
 * Lock the workbook structure (`<workbookProtection lockStructure="1" …/>`; ExcelJS has no model for it):
 * no sheet can be added, deleted, renamed, moved, hidden or shown until it is unprotected, with the password
 * when `hash` is given. Placed where the schema wants it: after workbookPr, before bookViews.
 */
export async function writeWorkbookProtection(zip: JSZip, hash: ProtectionHash | null): Promise<void> {
  const path = "xl/workbook.xml";
  const xml = await zip.file(path)?.async("string");
  if (xml === undefined) throw new Error("xl/workbook.xml missing");
  const attrs = hash
    ? ` workbookAlgorithmName="${escapeXml(hash.algorithmName)}" workbookHashValue="${escapeXml(hash.hashValue)}"` +
      ` workbookSaltValue="${escapeXml(hash.saltValue)}" workbookSpinCount="${hash.spinCount}"`
    : "";
  const element = `<workbookProtection lockStructure="1"${attrs}/>`;
  const without = xml.replace(
    /<workbookProtection\b[^>]*\/>|<workbookProtection\b[\s\S]*?<\/workbookProtection>/g,
    "",
  );
  const anchor = /<bookViews\b|<sheets\b/.exec(without);
  if (!anchor) throw new Error("xl/workbook.xml has no <sheets>");
  zip.file(path, without.slice(0, anchor.index) + element + without.slice(anchor.index));
}

/** The workbook's structure protection as written in the file, or null (for tests and re-reads). */
export async function readWorkbookProtection(
  zip: JSZip,
): Promise<{ lockStructure: boolean; hashed: boolean } | null> {
  const xml = await zip.file("xl/workbook.xml")?.async("string");
  const tag = xml ? /<workbookProtection\b[^>]*>/.exec(xml) : null;
  if (!tag) return null;
  const a = attributesOf(tag[0]);
  return {
    lockStructure: a.lockStructure === "1" || a.lockStructure === "true",
    hashed: Boolean(a.workbookHashValue || a.workbookPassword),
  };
}
