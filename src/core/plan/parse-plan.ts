/**
 * Read a plan document (kế hoạch) into a typed Plan: header, overall deadline, the assignments of its
 * "Tổ chức thực hiện" section or task tables, units, the issuer's summary report, and warnings with lines.
 * Pure: the same text always gives the same Plan.
 */
import type { Plan, PlanTask } from "./types";
import { EmptyPlanError } from "../errors";
import { findAppendices, parseClosing } from "./closing";
import { deadlineCandidates, invalidDateWarnings, pickDeadline, type DeadlineCandidate } from "./deadlines";
import { parseHeader } from "./header";
import { buildItems } from "./items";
import { bodyCasing, issuerFromText } from "./issuer";
import { findCitedDocuments, samePlanNumber } from "./cited-documents";
import { findOverallDeadline } from "./plan-deadline";
import { collectUnits } from "./plan-units";
import { findReportTo, REPORT_TO_SEPARATOR } from "./report-to";
import { findSections } from "./sections";
import { toSourceLines } from "./source-lines";
import { findSummary } from "./summary";
import { findTaskTables } from "./tables";
import { tasksFromItems, tasksFromTable, type DraftTask } from "./tasks";
import { leadingUnits, type UnitRef } from "./units";
import { planWarnings, WarningList } from "./warnings";
import { foldVietnamese } from "../text/vietnamese";
import { issuerInRunningText } from "../text/proper-case";

function withoutOwnUnits(reportTo: string | null, units: string[]): string | null {
  if (reportTo === null) return null;
  const own = new Set(units.map(foldVietnamese));
  const kept = reportTo.split(REPORT_TO_SEPARATOR).filter((r) => !own.has(foldVietnamese(r)));
  return kept.length > 0 ? kept.join(REPORT_TO_SEPARATOR) : null;
}

function uniqueRefs(drafts: DraftTask[]): void {
  const seen = new Map<string, number>();
  for (const d of drafts) {
    const n = (seen.get(d.ref) ?? 0) + 1;
    seen.set(d.ref, n);
    if (n > 1) d.ref = `${d.ref}-${n}`;
  }
}

export function parsePlan(text: string): Plan {
  const lines = toSourceLines(text);
  if (lines.every((l) => l.text === "")) throw new EmptyPlanError();
  const warnings = new WarningList();

  const header = parseHeader(lines);
  const appendices = findAppendices(lines, header.bodyStart);
  const closing = parseClosing(
    appendices.length > 0 ? lines.slice(0, appendices[0].start) : lines,
    header.bodyStart,
  );
  const bodyEnd = closing.start;
  const issuedOn = header.issuedOn;
  if (issuedOn === null) warnings.add(planWarnings.noIssueDate(header.blankDateLine));

  for (const l of lines) for (const w of invalidDateWarnings(l.text, l.no, issuedOn)) warnings.add(w);

  const textIssuer = issuerFromText(lines, header.bodyStart, Math.min(bodyEnd, header.bodyStart + 40));
  const issuer = header.issuer ? bodyCasing(header.issuer, lines, header.bodyStart) : textIssuer;

  // Assignments: task tables anywhere, and the items of the "Tổ chức thực hiện" sections.
  const sections = findSections(lines, header.bodyStart, bodyEnd);
  const sectionAt = (index: number) =>
    [...sections].reverse().find((s) => s.heading <= index && index < s.end);
  const tables = findTaskTables(lines, header.bodyStart, bodyEnd);
  const inTable = (index: number) => tables.some((t) => index >= t.start && index < t.end);
  const drafts: DraftTask[] = [];
  const sources: { at: number; tasks: DraftTask[] }[] = [];
  for (const a of appendices)
    for (const table of findTaskTables(lines, a.start + 1, a.end))
      sources.push({ at: table.start, tasks: tasksFromTable(table, a.ref) });
  for (const table of tables) {
    const section = sectionAt(table.start);
    sources.push({ at: table.start, tasks: tasksFromTable(table, section?.roman ?? null) });
  }
  const itemsOf = (from: number, to: number, base: string | null) =>
    buildItems(
      lines.slice(from, to).filter((_, k) => !inTable(from + k)),
      base,
      (t) => leadingUnits(t) !== null,
      (t) => leadingUnits(t)?.form === "bare" && t.split(/\s+/).length <= 8,
      (t) => /:$/u.test(t) && t.split(/\s+/).length <= 16 && leadingUnits(t)?.rest.trim() === "",
    );
  for (const section of sections.filter((s) => s.isAssignment))
    sources.push({
      at: section.heading,
      tasks: tasksFromItems(itemsOf(section.heading + 1, section.end, section.roman)),
    });
  // A short plan with no section at all: its numbered or bulleted items that name a unit assign directly.
  if (sections.length === 0 && sources.length === 0) {
    const direct = tasksFromItems(itemsOf(header.bodyStart, bodyEnd, null)).filter((d) => d.units.length > 0);
    sources.push({ at: header.bodyStart, tasks: direct });
  }
  sources.sort((a, b) => a.at - b.at);
  for (const s of sources) drafts.push(...s.tasks);
  uniqueRefs(drafts);

  // A "Thời gian: …" line inside an assignment is that assignment's time, not the plan's.
  const taskLines = new Set(drafts.flatMap((d) => d.scan.slice(1).map((l) => l.no)));
  const overall = findOverallDeadline(lines, header.bodyStart, bodyEnd, issuedOn, taskLines);

  const tasks: PlanTask[] = [];
  const unitRefs: UnitRef[][] = [];
  for (const d of drafts) {
    let cands: DeadlineCandidate[] = [];
    if (d.deadlineCell)
      cands = deadlineCandidates(d.deadlineCell.text, d.deadlineCell.no, { issuedOn, cell: true });
    if (cands.filter((c) => c.iso !== "").length === 0)
      cands = [...cands, ...d.scan.flatMap((l) => deadlineCandidates(l.text, l.no, { issuedOn }))];
    const picked = pickDeadline(cands);
    const own = picked && picked.iso !== "" ? picked : null;
    if (d.unitless && !own) continue;
    if (picked) for (const w of picked.notes) warnings.add(w);
    // A deadline tied to an undated event ("trước Tết Nguyên đán") is left for the user, not replaced.
    const undated = !own && picked?.undated === true;
    const inherit = !own && !undated ? overall.iso : null;
    const task: PlanTask = {
      ref: d.ref,
      text: d.text,
      units: d.units.map((u) => u.name),
      deadline: own ? own.iso : inherit,
      deadlineInherited: inherit !== null,
      reportTo:
        d.reportTo ??
        findReportTo(
          d.text,
          d.units.map((u) => u.name),
        ),
      line: d.line,
      isSummary: false,
    };
    if (own?.recurringDay !== undefined)
      task.recurrence = { every: own.recurringEvery ?? "month", day: own.recurringDay };
    if (!own && !undated) {
      if (overall.iso) warnings.add(planWarnings.inherited(d.line, d.ref, overall.iso));
      else warnings.add(planWarnings.noDeadline(d.line, d.ref));
    }
    if (d.unitless) warnings.add(planWarnings.noUnit(d.line, d.ref));
    tasks.push(task);
    unitRefs.push(d.units);
  }
  for (const w of overall.warnings) warnings.add(w);

  // A unit never reports to itself (a table's "Báo cáo về" cell or a sentence may name it).
  for (const t of tasks) t.reportTo = withoutOwnUnits(t.reportTo, t.units);
  const found = findSummary(tasks, issuer, closing.reportAbove);
  if (found) {
    found.summary.reportTo = withoutOwnUnits(found.summary.reportTo, found.task.units);
    found.task.isSummary = true;
    found.task.reportTo = found.summary.reportTo;
  }
  const collected = collectUnits(tasks, unitRefs);
  tasks.forEach((t, i) => (t.units = collected.taskUnits[i]));
  if (found) found.summary.units = [...found.task.units];
  for (const w of collected.warnings) warnings.add(w);
  if (tasks.length === 0) warnings.add(planWarnings.noTasks());

  const style =
    header.style ??
    (/^(?:t\.?\s?m|t\/m)\.?\s+(?:chi bo|dang uy|ban chap hanh doan|ban thuong vu)/.test(
      foldVietnamese(closing.signature.authority ?? ""),
    ) || /^(?:chi bo|dang uy|dang bo)/.test(foldVietnamese(issuer ?? ""))
      ? "party"
      : "state");

  const sorted = [...warnings.items].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    number: header.number,
    kind: header.kind,
    issuer,
    issuerName: issuer
      ? issuerInRunningText(
          issuer,
          lines
            .slice(header.bodyStart, bodyEnd)
            .map((l) => l.text)
            .join("\n"),
        )
      : null,
    parentBody: header.parentBody,
    place: header.place,
    issuedOn,
    title: header.title,
    deadline: overall.iso,
    summary: found ? found.summary : null,
    tasks,
    units: collected.units,
    warnings: sorted,
    style,
    recipients: closing.recipients,
    signature: closing.signature,
    implements: findCitedDocuments(lines).filter((c) => !samePlanNumber(c.number, header.number)),
  };
}
