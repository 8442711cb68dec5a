/**
 * The write requests of a WorkbookChanges: planned (commands packed in order into requests whose
 * Office.js bytes, measured by request-size.ts, stay within the budget) and queued (the same code queues
 * the measured stand-in and the real request, so what was measured is what is sent). When Excel still
 * refuses a request as too large, it is split in two and sent again (splitRefused).
 */
import { RequestTooLargeError } from "../core/errors";
import { sameSheetName } from "../core/workbook/sheet-names";
import type { WorkbookChanges } from "../core/workbook/model";
import { styleKey } from "./named-styles";
import { WriteSession, queueCommand } from "./queue-commands";
import {
  type Command,
  type HostFeatures,
  type PlannedCommand,
  type RenderOptions,
  planCommands,
  refOfCommand,
  splitByRows,
} from "./render-commands";
import { RequestSizer } from "./request-size";

/** One request of a write: its commands and its size as Office.js will send it. */
export interface WriteRequest {
  commands: PlannedCommand[];
  bytes: number;
}

export interface WritePlanOptions extends RenderOptions {
  /** Largest request to send (bytes, as Office.js serialises it). */
  budget: number;
  /** The host's limit, for the message when one command alone passes the budget. */
  limit: number;
  /** Ids of the state parts of ours the new one replaces (read by the session's last overview). */
  replacesParts?: readonly string[];
}

/** A range that must still be empty, read in the write's first request before anything is written. */
export interface Guard {
  sheetId: string;
  address: string;
  range: Excel.Range;
}

/**
 * Stand-ins for the ids Excel gives the sheets a write adds ("{00000000-0001-0000-0000-000000000000}"): a
 * sheet added by an earlier request of the same write is fetched by its id, whose length is known before
 * the id is. Each sheet gets its own (two sheets fetched in one request are two object paths).
 */
function sheetIdPlaceholders(): () => string {
  let n = 0;
  return () => `{00000000-0000-0000-0000-${String(++n).padStart(12, "0")}}`;
}

/** Calls at the start of every write request: calculation (and screen updating) waits for its end. */
function queueRequestStart(context: Excel.RequestContext, features: HostFeatures): void {
  context.workbook.application.suspendApiCalculationUntilNextSync();
  if (features.api19) context.workbook.application.suspendScreenUpdatingUntilNextSync();
}

function queueGuards(context: Excel.RequestContext, changes: WorkbookChanges): Guard[] {
  return changes.patches.flatMap((p) =>
    p.sheetId && !p.create
      ? (p.mustBeEmpty ?? []).map((address) => {
          const range = context.workbook.worksheets.getItem(p.sheetId!).getRange(address);
          range.load("values,formulas");
          return { sheetId: p.sheetId!, address, range };
        })
      : [],
  );
}

/**
 * Queue one request of a write on `session`'s context: the request's start, the guards' reads when
 * `withGuards` (the first request that gets through), then its commands. Returns the guards queued.
 */
export function queueWriteRequest(
  session: WriteSession,
  commands: readonly PlannedCommand[],
  changes: WorkbookChanges,
  withGuards: boolean,
): Guard[] {
  session.beginRequest();
  queueRequestStart(session.context, session.features);
  const guards = withGuards ? queueGuards(session.context, changes) : [];
  for (const c of commands) queueCommand(session.context, c.command, session);
  return guards;
}

/**
 * The write requests of these changes: every command in order, packed into requests of at most
 * `budget` bytes as Office.js will send them. A single command over the budget → RequestTooLargeError
 * naming its sheet (2D writes are first split into row bands, so only a single huge row can do that).
 */
export function planWriteRequests(changes: WorkbookChanges, options: WritePlanOptions): WriteRequest[] {
  const replaces = [...(options.replacesParts ?? [])];
  const commands = planCommands(changes, options, Math.max(1024, options.budget - 16 * 1024)).map((c) =>
    c.command.op === "replaceStatePart" ? { ...c, command: { ...c.command, replaces } } : c,
  );
  const sizer = new RequestSizer();
  const session = new WriteSession(sizer.context, options.features);
  const placeholder = sheetIdPlaceholders();
  const out: WriteRequest[] = [];
  let current: PlannedCommand[] = [];
  queueWriteRequest(session, [], changes, true);
  for (const c of commands) {
    const mark = sizer.mark();
    queueCommand(sizer.context, c.command, session);
    if (sizer.bytes <= options.budget) {
      current.push(c);
      continue;
    }
    if (current.length > 0) {
      out.push({ commands: current, bytes: mark.bytes });
      session.endRequest(placeholder);
      sizer.restart(mark);
      queueWriteRequest(session, [c], changes, false);
      current = [c];
    }
    if (sizer.bytes > options.budget)
      throw new RequestTooLargeError(sizer.bytes, options.limit, c.sheetName ?? undefined);
  }
  if (current.length) out.push({ commands: current, bytes: sizer.bytes });
  return out;
}

/** Excel refused a sync because its request passed the payload limit. */
export function isRequestTooLarge(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === "RequestPayloadSizeLimitExceeded";
}

/** What a refused request creates (sheets, named styles): to check after the refusal, before sending again. */
export function createsSomething(commands: readonly PlannedCommand[]): boolean {
  return commands.some(
    (c) => c.command.op === "addSheet" || (c.command.op === "defineStyle" && c.command.add),
  );
}

/** The workbook's sheets and style names, read after a refusal to see whether anything was created. */
export interface WorkbookNames {
  sheets: { id: string; name: string }[];
  styles: string[];
}

/**
 * A refused request, made safe to send again whether or not Excel applied part of it, and split in two:
 * - a sheet it adds that now exists is used by its id instead of added again, a style that now exists is
 *   set instead of added (`names`: the workbook read after the refusal; null when nothing is created);
 * - a sheet it protects and that exists is unprotected first (protecting a protected sheet fails);
 * - values, formats and the rest are written again, which changes nothing where they were applied.
 * A single 2D write is split into two row bands. Null when it cannot be split (one other command).
 */
export function splitRefused(
  commands: readonly PlannedCommand[],
  session: WriteSession,
  names: WorkbookNames | null,
): PlannedCommand[][] | null {
  const exists = (name: string) => names?.sheets.find((s) => sameSheetName(s.name, name));
  const styles = new Set((names?.styles ?? []).map(styleKey));
  const existing = new Set<string>(); // keys of sheets added by this request that exist now
  const safe: PlannedCommand[] = [];
  for (const c of commands) {
    const cmd = c.command;
    if (cmd.op === "addSheet") {
      const sheet = exists(cmd.name);
      if (sheet) {
        session.createdIds.set(cmd.key, sheet.id);
        existing.add(cmd.key);
        continue;
      }
    }
    if (cmd.op === "defineStyle" && cmd.add && styles.has(styleKey(cmd.name))) {
      safe.push({ ...c, command: { ...cmd, add: false } });
      continue;
    }
    safe.push(c);
  }
  const sheetKey = (cmd: Command): string | null => {
    const ref = refOfCommand(cmd);
    return ref === null ? null : "key" in ref ? `key:${ref.key}` : `id:${ref.sheetId}`;
  };
  const protectedBy = new Map<string, Extract<Command, { op: "protect" }>>();
  for (const c of safe)
    if (c.command.op === "protect") {
      const ref = c.command.ref;
      if ("sheetId" in ref || existing.has(ref.key)) protectedBy.set(sheetKey(c.command)!, c.command);
    }
  const ready: PlannedCommand[] = [];
  for (const c of safe) {
    const k = sheetKey(c.command);
    const p = k === null ? undefined : protectedBy.get(k);
    if (p) {
      ready.push({ command: { op: "unprotect", ref: p.ref, password: p.password }, sheetName: c.sheetName });
      protectedBy.delete(k!);
    }
    ready.push(c);
  }
  if (ready.length > 1) {
    const half = Math.ceil(ready.length / 2);
    return [ready.slice(0, half), ready.slice(half)];
  }
  const only = ready[0]?.command;
  if (only && (only.op === "formulas" || only.op === "numberFormat")) {
    const rows = only.op === "formulas" ? only.values.length : only.formats.length;
    if (rows < 2) return null;
    const bytes = JSON.stringify(only.op === "formulas" ? only.values : only.formats).length;
    return splitByRows(only, Math.ceil(bytes / 2)).map((command) => [
      { command, sheetName: ready[0].sheetName },
    ]);
  }
  return ready.length === 0 ? [] : null;
}
