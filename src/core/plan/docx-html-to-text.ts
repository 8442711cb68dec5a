/**
 * HTML back to the plain plan text the reader understands: a .docx converted by mammoth, a Word "web page"
 * file, or what the clipboard holds after copying from Word or a web page (`<p class=MsoNormal>`, mso styles,
 * `&nbsp;`, `<div>`s, Word's list numbers written as text inside `<![if !supportLists]>`).
 * Raw-text extraction loses what matters in real plans: automatic numbering ("1.", "a)") and task tables
 * (every cell becomes its own paragraph). Here lists keep their numbers and a table whose header names
 * the task columns (nội dung / đơn vị / thời gian) becomes tab-separated rows; other tables (the two-cell
 * header of issuing body and "ĐẢNG CỘNG SẢN VIỆT NAM") give their cells' paragraphs, cell by cell.
 */
import { tableLines, type TableCells } from "./table-text";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

interface Table {
  rows: TableCells;
}

type Block = { kind: "line"; text: string } | { kind: "table"; table: Table };

interface ListLevel {
  ordered: boolean;
  counter: number;
}

/** Lettered numbering for the second ordered level, as plans write "a) b) c)". */
function listPrefix(levels: ListLevel[]): string {
  const level = levels[levels.length - 1];
  if (!level) return "";
  if (!level.ordered) return "- ";
  const depth = levels.filter((l) => l.ordered).length;
  if (depth >= 2) return `${String.fromCharCode(96 + ((level.counter - 1) % 26) + 1)}) `;
  return `${level.counter}. `;
}

/** Parts of an HTML page that are not its text: head, styles, scripts, comments, Word's XML islands. */
function withoutHiddenParts(html: string): string {
  return html
    .replace(/<!\[if [^\]]*\]>|<!\[endif\]>/gi, "") // Word's downlevel-revealed list numbers: keep their text
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(head|style|script|title|xml|template)\b[\s\S]*?<\/\1\s*>/gi, "");
}

export function docxHtmlToPlanText(html: string): string {
  const blocks: Block[] = [];
  const lists: ListLevel[] = [];
  const tables: { table: Table; cell: string[] | null; para: string }[] = [];
  let para = "";
  let pendingPrefix = "";

  const flushPara = () => {
    // Whitespace in HTML text (Word's clipboard wraps its source lines) is one space; <br> ends the paragraph.
    const text = decodeEntities(para).replace(/\s+/g, " ").trim();
    para = "";
    const current = tables[tables.length - 1];
    if (current?.cell) {
      if (text) current.cell.push(text);
      return;
    }
    if (text) blocks.push({ kind: "line", text: pendingPrefix + text });
    pendingPrefix = "";
  };

  const tokens = withoutHiddenParts(html).split(/(<[^>]+>)/);
  for (const token of tokens) {
    if (!token) continue;
    if (token[0] !== "<") {
      para += token;
      continue;
    }
    const m = /^<\s*(\/)?\s*([a-z0-9]+)/i.exec(token);
    if (!m) continue;
    const closing = m[1] === "/";
    const tag = m[2].toLowerCase();
    switch (tag) {
      case "p":
      case "div":
      case "section":
      case "article":
      case "header":
      case "footer":
      case "blockquote":
      case "dt":
      case "dd":
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
        flushPara();
        break;
      case "br":
        para += "\n";
        flushPara();
        break;
      case "ol":
      case "ul":
        flushPara();
        if (closing) lists.pop();
        else lists.push({ ordered: tag === "ol", counter: 0 });
        break;
      case "li":
        flushPara();
        if (!closing && lists.length > 0) {
          lists[lists.length - 1].counter++;
          pendingPrefix = listPrefix(lists);
        }
        break;
      case "table":
        flushPara();
        if (closing) {
          const done = tables.pop();
          if (done) blocks.push({ kind: "table", table: done.table });
        } else tables.push({ table: { rows: [] }, cell: null, para: "" });
        break;
      case "tr":
        flushPara();
        if (!closing && tables.length) tables[tables.length - 1].table.rows.push([]);
        break;
      case "td":
      case "th": {
        flushPara();
        const current = tables[tables.length - 1];
        if (!current) break;
        if (closing) current.cell = null;
        else {
          const row = current.table.rows[current.table.rows.length - 1] ?? [];
          if (current.table.rows.length === 0) current.table.rows.push(row);
          current.cell = [];
          row.push(current.cell);
        }
        break;
      }
      default:
        break;
    }
  }
  flushPara();

  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === "line") lines.push(block.text);
    else lines.push(...tableLines(block.table.rows), "");
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}
