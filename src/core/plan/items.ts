/**
 * Numbered and bulleted items of an assignment section as a tree: `1-`/`1.`/`1)`, `1.1.`, `a)`, `-`, `+`, `•`.
 * A paragraph without a marker continues the item above (the seed's item 1 has its deadline in the next one).
 */
import { prose, type SourceLine } from "./source-lines";

export interface Item {
  kind: string;
  label: string;
  ref: string;
  /** The item's own line (marker removed). */
  head: SourceLine;
  /** Paragraphs without a marker that continue it. */
  more: SourceLine[];
  children: Item[];
}

interface Marker {
  kind: string;
  label: string;
  text: string;
  /** The whole number of a dotted marker ("3.1"). */
  full?: string;
}

export function parseMarker(text: string): Marker | null {
  let m = /^(\d{1,3}(?:\.\d{1,3})+)\.?\s*[-.):]?\s+(\S.*)$/u.exec(text);
  if (m)
    return { kind: `dotted${m[1].split(".").length}`, label: m[1].split(".").pop()!, text: m[2], full: m[1] };
  m = /^(\d{1,3})\s*(?:[-.)–]|\/\s)\s*(\S.*)$/u.exec(text);
  if (m && !/^\d/.test(m[2])) return { kind: "arabic", label: m[1], text: m[2] };
  m = /^([a-zđ])\s*[).]\s+(\S.*)$/u.exec(text);
  if (m) return { kind: "letter", label: m[1], text: m[2] };
  m = /^([-–—])\s*(\S.*)$/u.exec(text);
  if (m) return { kind: "dash", label: "", text: m[2] };
  m = /^(\+)\s*(\S.*)$/u.exec(text);
  if (m) return { kind: "plus", label: "", text: m[2] };
  m = /^([•*◦●▪·])\s*(\S.*)$/u.exec(text);
  if (m) return { kind: "bullet", label: "", text: m[2] };
  return null;
}

const PLAN_TIME = /^(?:thời gian|thời hạn)(?: [\p{L} ]{0,40})?:/iu;

/**
 * Build the item tree of a range of lines. `startsItem` says whether an unmarked paragraph opens a new item
 * (used when the section has no markers at all, as in a .docx whose numbering was automatic).
 */
export function buildItems(
  lines: SourceLine[],
  baseRef: string | null,
  startsItem: (text: string) => boolean,
  isNameOnly: (text: string) => boolean = () => false,
  isUnitHeading: (text: string) => boolean = () => false,
): Item[] {
  const texts = lines.map((l) => prose(l.text));
  const anyMarker = texts.some((t) => parseMarker(t) !== null);
  const opens = (t: string) => (anyMarker ? parseMarker(t) !== null : startsItem(t) && !PLAN_TIME.test(t));
  const lastOpening = texts.reduce((last, t, i) => (opens(t) ? i : last), -1);
  let underHeadings = false;
  const nonEmpty = (from: number, step: 1 | -1) => {
    for (let k = from; k >= 0 && k < texts.length; k += step) if (texts[k] !== "") return texts[k];
    return "";
  };
  // "**Huyện đoàn**" alone above its "-" tasks (the colon left out), not one of a list of names.
  const isBareHeading = (i: number) =>
    isNameOnly(texts[i]) &&
    !/[;,.]$/u.test(texts[i]) &&
    /^(?:dash|plus|bullet)$/u.test(parseMarker(nonEmpty(i + 1, 1))?.kind ?? "") &&
    !isNameOnly(nonEmpty(i - 1, -1));
  const root: Item[] = [];
  const stack: Item[] = [];
  const childrenOf = (parent: Item | undefined) => (parent ? parent.children : root);
  const refOf = (parent: Item | undefined) => (parent ? parent.ref : baseRef);
  lines.forEach((line, i) => {
    const text = texts[i];
    if (text === "") return;
    const marker = parseMarker(text);
    // "Thời gian thực hiện: từ … đến …" after the last item, unmarked: the plan's time, not that item's.
    if (!marker && i > lastOpening && PLAN_TIME.test(text)) {
      stack.length = 0;
      return;
    }
    // "Phòng Văn hóa và Thông tin:" unmarked above its "-" tasks: a unit's heading at the top level; once the
    // section is laid out so, an unmarked paragraph that opens with a unit is that unit's item too.
    const heading = !marker && anyMarker && (isUnitHeading(text) || isBareHeading(i));
    if (heading) underHeadings = true;
    if (heading || (!marker && underHeadings && startsItem(text) && !isNameOnly(text))) stack.length = 0;
    else if (!marker && (anyMarker || !startsItem(text))) {
      // Continue the deepest item that is not just a name in a list of members ("- Chi đoàn 10A1;").
      let k = stack.length - 1;
      while (
        k > 0 &&
        stack[k].more.length === 0 &&
        stack[k].children.length === 0 &&
        isNameOnly(stack[k].head.text)
      )
        k--;
      const current = stack[k];
      if (current) current.more.push({ ...line, text });
      return;
    }
    const mk = marker ?? { kind: "para", label: "", text };
    const at = stack.findIndex((it) => it.kind === mk.kind);
    if (at >= 0) stack.length = at;
    const parent = stack[stack.length - 1];
    const siblings = childrenOf(parent);
    // "3. TỔ CHỨC THỰC HIỆN" then "3.1.": with no item "3" above, the item is "3.1", not "1".
    const label =
      (parent === undefined && mk.full) ||
      mk.label ||
      String(siblings.filter((s) => s.kind === mk.kind).length + 1);
    const prefix = refOf(parent);
    const item: Item = {
      kind: mk.kind,
      label,
      ref: prefix ? `${prefix}.${label}` : label,
      head: { ...line, text: mk.text },
      more: [],
      children: [],
    };
    siblings.push(item);
    stack.push(item);
  });
  return root;
}

/** Every line of an item and its descendants, in order. */
export function itemLines(item: Item): SourceLine[] {
  return [item.head, ...item.more, ...item.children.flatMap(itemLines)];
}
