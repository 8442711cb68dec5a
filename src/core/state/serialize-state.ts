/**
 * The state part: one XML document of our namespace, a version attribute, and the state as JSON in CDATA.
 *
 *   <state xmlns="urn:tong-hop-bao-cao:state" version="1"><![CDATA[{…}]]></state>
 *
 * No XML declaration: Microsoft's samples pass none to `customXmlParts.add`, and a declaration was seen to
 * break a part's update in Word (office-js#1643); a part read from a file may still carry one.
 * ">" inside the JSON is written as \u003e, so "]]>" can never end the CDATA early; characters XML 1.0
 * forbids are escaped the same way. Reading accepts CDATA split in pieces or entity-escaped text (as
 * another XML tool may rewrite it) and refuses newer layout versions and anything that is not our state.
 */
import { StateCorruptError, StateVersionError } from "../errors";
import { LAYOUT_VERSION } from "../workbook/model";
import { STATE_NAMESPACE, type UnitLink, type WorkbookState } from "./types";

export const STATE_ROOT = "state";

function jsonForXml(value: unknown): string {
  return JSON.stringify(value).replace(
    /[>\uFFFE\uFFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function serializeState(state: WorkbookState): string {
  return (
    `<${STATE_ROOT} xmlns="${STATE_NAMESPACE}" version="${state.layoutVersion}">` +
    `<![CDATA[${jsonForXml(state)}]]>` +
    `</${STATE_ROOT}>`
  );
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** The text content of the root: CDATA sections joined, other text unescaped. */
function contentOf(inner: string): string {
  let out = "";
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)|(<[^>]*>)/g;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    if (m[1] !== undefined) out += m[1];
    else if (m[2] !== undefined) out += unescapeXml(m[2]);
    // element tags inside the root (none expected) are ignored
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function corrupt(vi: string, en: string, cause?: unknown): never {
  throw new StateCorruptError(vi, en, cause);
}

/** Structural check of the parsed JSON: what every use-case relies on. */
function checkShape(s: Record<string, unknown>): void {
  if (typeof s.planId !== "string" || s.planId === "")
    corrupt("thiếu mã kế hoạch (planId).", "the plan id (planId) is missing.");
  if (!isObject(s.plan) || !Array.isArray(s.plan.tasks) || !Array.isArray(s.plan.units))
    corrupt("thiếu nội dung kế hoạch.", "the plan is missing.");
  if (
    !Array.isArray(s.indicators) ||
    !s.indicators.every((i) => isObject(i) && typeof i.code === "string" && typeof i.name === "string")
  )
    corrupt("danh sách chỉ tiêu không đọc được.", "the indicator list is unreadable.");
  if (
    !Array.isArray(s.units) ||
    !s.units.every(
      (u) =>
        isObject(u) &&
        typeof u.unitId === "string" &&
        typeof u.name === "string" &&
        typeof u.sheetName === "string" &&
        Array.isArray(u.taskRefs),
    )
  )
    corrupt("danh sách đơn vị không đọc được.", "the unit list is unreadable.");
  if (!isObject(s.trackerSheet) || typeof s.trackerSheet.sheetName !== "string")
    corrupt("thiếu trang theo dõi kế hoạch.", "the tracker sheet is missing.");
}

/**
 * Read the state part. Throws StateCorruptError for anything that is not a readable state of ours and
 * StateVersionError for a state written by a newer layout version.
 */
export function parseState(xml: string): WorkbookState {
  if (typeof xml !== "string" || xml.trim() === "") corrupt("phần dữ liệu trống.", "the data part is empty.");
  const text = xml.replace(/^\uFEFF/, "");
  const root = /<(?:([A-Za-z_][\w.-]*):)?state\b([^>]*?)(\/?)>/.exec(text);
  if (!root) corrupt("không thấy phần tử gốc <state>.", "no <state> root element.");
  const prefix = root[1];
  const attrs = root[2];
  const nsAttr = prefix ? `xmlns:${prefix}` : "xmlns";
  const ns = new RegExp(`${nsAttr.replace(/[.:]/g, "\\$&")}\\s*=\\s*["']([^"']*)["']`).exec(attrs);
  if (!ns || ns[1] !== STATE_NAMESPACE)
    corrupt(`không thuộc không gian tên ${STATE_NAMESPACE}.`, `not in the namespace ${STATE_NAMESPACE}.`);
  const versionAttr = /\bversion\s*=\s*["']([^"']*)["']/.exec(attrs);
  const version = versionAttr ? Number(versionAttr[1]) : NaN;
  if (!Number.isInteger(version) || version < 1)
    corrupt("thiếu hoặc sai số phiên bản bố cục.", "the layout version is missing or invalid.");
  if (version > LAYOUT_VERSION) throw new StateVersionError(version, LAYOUT_VERSION);
  if (root[3] === "/") corrupt("phần dữ liệu trống.", "the data part is empty.");
  const start = root.index + root[0].length;
  const close = text.lastIndexOf(`</${prefix ? `${prefix}:` : ""}state>`);
  if (close < start) corrupt("tài liệu XML bị cắt cụt.", "the XML document is truncated.");
  const json = contentOf(text.slice(start, close)).trim();
  if (json === "") corrupt("phần dữ liệu trống.", "the data part is empty.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    corrupt("nội dung JSON không đọc được.", "the JSON content is unreadable.", e);
  }
  return stateFromJson(parsed);
}

/**
 * The state from its parsed JSON (the part's content, or the tracker's copy: state-backup.ts): checked
 * like the part, defaults filled in. Throws StateCorruptError / StateVersionError.
 */
export function stateFromJson(parsed: unknown): WorkbookState {
  if (!isObject(parsed)) corrupt("nội dung không phải là một đối tượng.", "the content is not an object.");
  const layoutVersion = parsed.layoutVersion;
  if (typeof layoutVersion !== "number" || !Number.isInteger(layoutVersion))
    corrupt("thiếu số phiên bản bố cục.", "the layout version is missing.");
  if (layoutVersion > LAYOUT_VERSION) throw new StateVersionError(layoutVersion, LAYOUT_VERSION);
  checkShape(parsed);
  const state = parsed as unknown as WorkbookState;
  return {
    ...state,
    summarySheet: state.summarySheet ?? null,
    history: Array.isArray(state.history) ? state.history : [],
    summarisedAt: state.summarisedAt ?? null,
    units: state.units.map((unit) => {
      const u: UnitLink & { password?: unknown } = { ...unit };
      // Older versions could keep a unit's protection password here in clear: dropped, so the next write of
      // the state no longer carries it.
      delete u.password;
      return {
        ...u,
        sheetId: u.sheetId ?? null,
        group: u.group ?? null,
        deadline: u.deadline ?? null,
        removed: u.removed === true,
      };
    }),
  };
}
