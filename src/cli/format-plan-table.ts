/** A readable Vietnamese text view of a plan for the terminal. */
import type { PlanJson } from "../core/plan/plan-json";

function viDate(iso: string | null): string {
  if (!iso) return "—";
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

function cut(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join("")}…`;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}

function table(headers: string[], rows: string[][], widths: number[]): string {
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(cut(c, widths[i]), widths[i]))
      .join(" │ ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("─┼─");
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

export function formatPlanTable(plan: PlanJson): string {
  const out: string[] = [];
  out.push(`${plan.kind ?? "VĂN BẢN"}${plan.number ? ` số ${plan.number}` : ""}`);
  if (plan.title) out.push(plan.title);
  out.push(`Đơn vị ban hành: ${plan.issuer ?? "—"}`);
  out.push(`Nơi, ngày ban hành: ${plan.place ?? "—"}, ${viDate(plan.issuedOn)}`);
  out.push(`Thời hạn chung: ${viDate(plan.deadline)}`);
  out.push("");
  out.push(`NHIỆM VỤ (${plan.tasks.length})`);
  out.push(
    table(
      ["TT", "Đơn vị thực hiện", "Hạn", "Báo cáo về", "Dòng", "Nội dung"],
      plan.tasks.map((t) => [
        t.ref,
        t.units.join("; ") || "—",
        viDate(t.deadline),
        t.reportTo ?? "—",
        String(t.line),
        t.text,
      ]),
      [8, 32, 10, 20, 4, 60],
    ),
  );
  out.push("");
  if (plan.summary) {
    out.push(
      `Báo cáo tổng hợp: ${plan.summary.units.join("; ")} — hạn ${viDate(plan.summary.deadline)} — gửi ${plan.summary.reportTo ?? "—"}`,
    );
  } else out.push("Báo cáo tổng hợp: không xác định được");
  out.push("");
  out.push(`ĐƠN VỊ (${plan.units.length})`);
  for (const u of plan.units) out.push(`- ${u.name}${u.members.length ? `: ${u.members.join(", ")}` : ""}`);
  if (plan.warnings.length > 0) {
    out.push("");
    out.push(`CẢNH BÁO (${plan.warnings.length})`);
    for (const w of plan.warnings) out.push(`- ${w.line !== null ? `dòng ${w.line}: ` : ""}${w.message}`);
  }
  return out.join("\n") + "\n";
}
