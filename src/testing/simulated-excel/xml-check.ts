/**
 * A strict XML 1.0 (with namespaces) well-formedness check for custom XML parts, like a browser's
 * DOMParser: one root element, matching end tags, quoted and unique attributes, only the five predefined
 * entities and character references, no `--` in comments, no `]]>` in text, declared prefixes, only
 * characters XML allows. An XML declaration is accepted only at the very start. Document type declarations
 * are refused (the parts of the add-in never need one, and what Excel does with one is not documented).
 * Browser-safe: no Node APIs, no DOM.
 */

export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(`${reason} (at character ${offset})`);
    this.name = "XmlSyntaxError";
  }
}

/** The document element: its local name and namespace URI ("" when it has none). */
export interface XmlRoot {
  localName: string;
  namespaceUri: string;
}

/** XML 1.0 (5th edition) NameStartChar and NameChar, by code point (names here are BMP characters). */
const NAME_START_RANGES: [number, number][] = [
  [0x41, 0x5a],
  [0x61, 0x7a],
  [0x5f, 0x5f],
  [0x3a, 0x3a],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x2ff],
  [0x370, 0x37d],
  [0x37f, 0x1fff],
  [0x200c, 0x200d],
  [0x2070, 0x218f],
  [0x2c00, 0x2fef],
  [0x3001, 0xd7ff],
  [0xf900, 0xfdcf],
  [0xfdf0, 0xfffd],
];
const NAME_EXTRA_RANGES: [number, number][] = [
  [0x2d, 0x2e],
  [0x30, 0x39],
  [0xb7, 0xb7],
  [0x300, 0x36f],
  [0x203f, 0x2040],
];

function inRanges(code: number, ranges: [number, number][]): boolean {
  return ranges.some(([lo, hi]) => code >= lo && code <= hi);
}
const isNameStart = (ch: string): boolean => inRanges(ch.charCodeAt(0), NAME_START_RANGES);
const isNameChar = (ch: string): boolean => isNameStart(ch) || inRanges(ch.charCodeAt(0), NAME_EXTRA_RANGES);

const PREDEFINED = new Set(["lt", "gt", "amp", "apos", "quot"]);
const XML_NS = "http://www.w3.org/XML/1998/namespace";

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

interface OpenElement {
  qname: string;
  /** prefix → namespace URI declared on this element ("" = default namespace). */
  declared: Map<string, string>;
}

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(reason: string, at: number = this.pos): never {
    throw new XmlSyntaxError(reason, at);
  }
  get done(): boolean {
    return this.pos >= this.text.length;
  }
  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }
  expect(s: string): void {
    if (!this.startsWith(s)) this.fail(`expected "${s}"`);
    this.pos += s.length;
  }
  skipSpace(): boolean {
    const start = this.pos;
    while (!this.done && /[ \t\r\n]/.test(this.text[this.pos])) this.pos++;
    return this.pos > start;
  }
  name(): string {
    const start = this.pos;
    if (this.done || !isNameStart(this.text[this.pos])) this.fail("a name was expected");
    this.pos++;
    while (!this.done && isNameChar(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }
  /** Up to (not including) `end`; fails when the document ends first. */
  until(end: string, what: string): string {
    const at = this.text.indexOf(end, this.pos);
    if (at < 0) this.fail(`${what} is not closed`);
    const out = this.text.slice(this.pos, at);
    this.pos = at + end.length;
    return out;
  }
}

/** Every character is one XML allows (surrogate pairs checked as one code point). */
function checkChars(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code >= 0xd800 && code <= 0xdfff) throw new XmlSyntaxError("an unpaired surrogate", i);
    if (!isXmlChar(code)) throw new XmlSyntaxError(`the character U+${code.toString(16)} is not allowed`, i);
    if (code > 0xffff) i++;
  }
}

/** Text or an attribute value: `&` only in a predefined entity or a valid character reference. */
function checkReferences(r: Reader, text: string, start: number, inAttribute: boolean): void {
  for (let i = text.indexOf("&"); i >= 0; i = text.indexOf("&", i + 1)) {
    const m = /^&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);/.exec(text.slice(i));
    if (!m) r.fail("an '&' that does not start a reference", start + i);
    const ref = m[1];
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!isXmlChar(code)) r.fail(`the character reference &${ref}; is not an XML character`, start + i);
    } else if (!PREDEFINED.has(ref)) r.fail(`the entity &${ref}; is not declared`, start + i);
  }
  if (inAttribute && text.includes("<")) r.fail("'<' inside an attribute value", start + text.indexOf("<"));
}

function checkComment(r: Reader): void {
  const start = r.pos;
  r.expect("<!--");
  const body = r.until("-->", "a comment");
  if (body.includes("--") || body.endsWith("-")) r.fail("'--' inside a comment", start);
}

function checkPi(r: Reader): void {
  const start = r.pos;
  r.expect("<?");
  const target = r.name();
  if (target.toLowerCase() === "xml") r.fail("an XML declaration is allowed only at the very start", start);
  r.until("?>", "a processing instruction");
}

/** Comments, processing instructions and white space between the top-level parts. */
function skipMisc(r: Reader): void {
  for (;;) {
    r.skipSpace();
    if (r.startsWith("<!--")) checkComment(r);
    else if (r.startsWith("<?")) checkPi(r);
    else return;
  }
}

function checkDeclaration(r: Reader): void {
  r.expect("<?xml");
  const body = r.until("?>", "the XML declaration");
  const m =
    /^\s+version\s*=\s*("1\.[0-9]+"|'1\.[0-9]+')(\s+encoding\s*=\s*("[A-Za-z][\w.-]*"|'[A-Za-z][\w.-]*'))?(\s+standalone\s*=\s*("(yes|no)"|'(yes|no)'))?\s*$/.exec(
      body,
    );
  if (!m) r.fail("a malformed XML declaration", 0);
}

function resolve(stack: OpenElement[], prefix: string, at: number, r: Reader): string {
  if (prefix === "xml") return XML_NS;
  for (let i = stack.length - 1; i >= 0; i--) {
    const ns = stack[i].declared.get(prefix);
    if (ns !== undefined) return ns;
  }
  if (prefix === "") return "";
  return r.fail(`the prefix "${prefix}" is not declared`, at);
}

function splitName(qname: string, at: number, r: Reader): [string, string] {
  const parts = qname.split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) r.fail(`"${qname}" is not a valid qualified name`, at);
  return parts.length === 2 ? [parts[0], parts[1]] : ["", parts[0]];
}

/** Reads one start tag (the `<` is at r.pos); returns the element and whether it is empty (`/>`). */
function startTag(
  r: Reader,
  stack: OpenElement[],
): { element: OpenElement; empty: boolean; nsUri: string; local: string } {
  const at = r.pos;
  r.expect("<");
  const qname = r.name();
  const attributes: { name: string; value: string; at: number }[] = [];
  for (;;) {
    const spaced = r.skipSpace();
    if (r.startsWith("/>") || r.startsWith(">")) break;
    if (!spaced) r.fail("white space is needed between attributes");
    const attrAt = r.pos;
    const name = r.name();
    r.skipSpace();
    r.expect("=");
    r.skipSpace();
    const quote = r.text[r.pos];
    if (quote !== '"' && quote !== "'") r.fail("an attribute value must be quoted");
    r.pos++;
    const valueAt = r.pos;
    const value = r.until(quote, "an attribute value");
    checkReferences(r, value, valueAt, true);
    if (attributes.some((a) => a.name === name)) r.fail(`the attribute "${name}" is repeated`, attrAt);
    attributes.push({ name, value, at: attrAt });
  }
  const empty = r.startsWith("/>");
  r.pos += empty ? 2 : 1;
  const declared = new Map<string, string>();
  for (const a of attributes) {
    if (a.name === "xmlns") declared.set("", a.value);
    else if (a.name.startsWith("xmlns:")) {
      const prefix = a.name.slice(6);
      if (a.value === "") r.fail(`the prefix "${prefix}" cannot be undeclared`, a.at);
      declared.set(prefix, a.value);
    }
  }
  const element: OpenElement = { qname, declared };
  const scope = [...stack, element];
  const [prefix, local] = splitName(qname, at, r);
  const nsUri = resolve(scope, prefix, at, r);
  const expanded = new Set<string>();
  for (const a of attributes) {
    if (a.name === "xmlns" || a.name.startsWith("xmlns:")) continue;
    const [p, l] = splitName(a.name, a.at, r);
    const key = p === "" ? `|${l}` : `${resolve(scope, p, a.at, r)}|${l}`;
    if (expanded.has(key)) r.fail(`the attribute "${a.name}" is repeated`, a.at);
    expanded.add(key);
  }
  return { element, empty, nsUri, local };
}

/** Check `xml` strictly; returns its document element, or throws XmlSyntaxError. */
export function parseXmlRoot(xml: string): XmlRoot {
  if (typeof xml !== "string") throw new XmlSyntaxError("not a string", 0);
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  checkChars(text);
  const r = new Reader(text);
  if (r.startsWith("<?xml") && /^<\?xml[\s?]/.test(text)) checkDeclaration(r);
  skipMisc(r);
  if (r.startsWith("<!DOCTYPE")) r.fail("a document type declaration is not accepted");
  if (r.done || r.text[r.pos] !== "<") r.fail("no root element");
  const stack: OpenElement[] = [];
  let root: XmlRoot | null = null;
  do {
    if (r.startsWith("<!--")) checkComment(r);
    else if (r.startsWith("<?")) checkPi(r);
    else if (r.startsWith("<![CDATA[")) {
      if (stack.length === 0) r.fail("CDATA outside the root element");
      r.pos += 9;
      r.until("]]>", "a CDATA section");
    } else if (r.startsWith("</")) {
      const at = r.pos;
      r.pos += 2;
      const name = r.name();
      r.skipSpace();
      r.expect(">");
      const open = stack.pop();
      if (!open) return r.fail(`the end tag </${name}> has no start tag`, at);
      if (open.qname !== name) r.fail(`the end tag </${name}> does not match <${open.qname}>`, at);
    } else if (r.startsWith("<")) {
      if (stack.length === 0 && root) r.fail("a second root element");
      const tag = startTag(r, stack);
      if (!root) root = { localName: tag.local, namespaceUri: tag.nsUri };
      if (!tag.empty) stack.push(tag.element);
    } else {
      const start = r.pos;
      const next = r.text.indexOf("<", r.pos);
      const end = next < 0 ? r.text.length : next;
      const chunk = r.text.slice(start, end);
      if (stack.length === 0) {
        if (chunk.trim() !== "") r.fail("text outside the root element", start);
      } else {
        if (chunk.includes("]]>")) r.fail("']]>' in text", start + chunk.indexOf("]]>"));
        checkReferences(r, chunk, start, false);
      }
      r.pos = end;
    }
    if (stack.length === 0 && root) skipMisc(r);
  } while (!r.done && (stack.length > 0 || !root || r.text[r.pos] === "<"));
  if (stack.length > 0) r.fail(`the element <${stack[stack.length - 1].qname}> is not closed`);
  if (!r.done) r.fail("content after the root element");
  if (!root) return r.fail("no root element");
  return root;
}
