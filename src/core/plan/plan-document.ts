/**
 * A plan document as it arrives, after reading: its text and what the reading found (legacy font code
 * converted, read by OCR, single-byte text file). Every source — a file in the CLI or the pane, a paste —
 * ends here, so the text is normalised and legacy codes converted in one place, and the reading's warnings
 * travel with the plan (`plan --json` warnings, the pane's list).
 */
import type { Plan, PlanWarning } from "./types";
import { parsePlan } from "./parse-plan";
import { planWarnings } from "./warnings";
import { convertLegacyLines, LEGACY_ENCODING_NAMES } from "../text/legacy-encoding";
import { normaliseText } from "../text/vietnamese";

export type PlanSource = "pdf" | "docx" | "doc" | "html" | "text" | "ocr";

export interface PlanDocument {
  text: string;
  warnings: PlanWarning[];
  source: PlanSource;
}

/** NFC, LF line endings, Vietnamese typed in TCVN3/VNI converted (with a warning naming the lines). */
export function planDocument(text: string, source: PlanSource, warnings: PlanWarning[] = []): PlanDocument {
  const legacy = convertLegacyLines(normaliseText(text));
  const converted = legacy.converted.map((c) =>
    planWarnings.legacyEncoding(LEGACY_ENCODING_NAMES[c.encoding], c.lines, c.encoding === "tcvn3"),
  );
  const fromOcr = source === "ocr" ? [planWarnings.fromOcr()] : [];
  return { text: legacy.text.normalize("NFC"), warnings: [...fromOcr, ...warnings, ...converted], source };
}

/** The plan of a document: its text read by the plan reader, the reading's warnings first. */
export function parsePlanDocument(document: Pick<PlanDocument, "text" | "warnings">): Plan {
  const plan = parsePlan(document.text);
  const seen = new Set(plan.warnings.map((w) => `${w.line}|${w.message}`));
  const extra = document.warnings.filter((w) => !seen.has(`${w.line}|${w.message}`));
  return { ...plan, warnings: [...extra, ...plan.warnings] };
}
