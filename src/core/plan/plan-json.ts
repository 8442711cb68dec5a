/** The command line's JSON contract: the Plan projected onto exactly the keys other tools rely on. */
import type { CitedDocument, IsoDate, Plan } from "./types";

export interface PlanJson {
  number: string | null;
  kind: string | null;
  issuer: string | null;
  place: string | null;
  issuedOn: IsoDate | null;
  title: string | null;
  deadline: IsoDate | null;
  summary: { units: string[]; deadline: IsoDate | null; reportTo: string | null } | null;
  tasks: {
    ref: string;
    text: string;
    units: string[];
    deadline: IsoDate | null;
    reportTo: string | null;
    line: number;
  }[];
  units: { name: string; members: string[] }[];
  warnings: { line: number | null; message: string }[];
  /** The documents the plan says it implements (its grounds): what the level above recognises it by. */
  implements: {
    kind: string;
    number: string;
    issuedOn: IsoDate | null;
    issuer: string | null;
    line: number;
  }[];
}

/** Warning text in the JSON: Vietnamese, then the English after " / ". */
export function planToJson(plan: Plan): PlanJson {
  return {
    number: plan.number,
    kind: plan.kind,
    issuer: plan.issuer,
    place: plan.place,
    issuedOn: plan.issuedOn,
    title: plan.title,
    deadline: plan.deadline,
    summary: plan.summary
      ? { units: [...plan.summary.units], deadline: plan.summary.deadline, reportTo: plan.summary.reportTo }
      : null,
    tasks: plan.tasks.map((t) => ({
      ref: t.ref,
      text: t.text,
      units: [...t.units],
      deadline: t.deadline,
      reportTo: t.reportTo,
      line: t.line,
    })),
    units: plan.units.map((u) => ({ name: u.name, members: [...u.members] })),
    warnings: plan.warnings.map((w) => ({ line: w.line, message: `${w.message} / ${w.messageEn}` })),
    implements: (plan.implements ?? []).map((c: CitedDocument) => ({ ...c })),
  };
}
