/**
 * The plan draft (text, edited plan, indicators) kept in the browser's localStorage so that closing the pane
 * never loses what was typed. One key per add-in and storage partition (`Office.context.partitionKey`, which
 * Office asks add-ins to put in their storage keys); failures to store are ignored (private mode, quota).
 */
import type { Plan } from "../core/plan/types";
import type { Indicator } from "../core/workbook/indicators";

export const DRAFT_KEY = "tong-hop-bao-cao:draft:v1";

export interface PlanDraft {
  text: string;
  plan: Plan | null;
  indicators: Indicator[];
  savedAt: string;
}

export interface DraftStore {
  load(): PlanDraft | null;
  save(draft: PlanDraft): void;
  clear(): void;
}

/** The draft's storage key within a partition (none outside Office or where Office gives none). */
export function draftKey(partitionKey?: string | null): string {
  return partitionKey ? `${partitionKey}/${DRAFT_KEY}` : DRAFT_KEY;
}

export function localDraftStore(
  storage: Storage | null = safeLocalStorage(),
  partitionKey?: string | null,
): DraftStore {
  const key = draftKey(partitionKey);
  return {
    load() {
      try {
        // A draft saved before keys carried the partition is still found (and moves on the next save).
        const raw = storage?.getItem(key) ?? (key !== DRAFT_KEY ? storage?.getItem(DRAFT_KEY) : null);
        if (!raw) return null;
        const d = JSON.parse(raw) as Partial<PlanDraft>;
        if (typeof d.text !== "string") return null;
        return {
          text: d.text,
          plan: d.plan ?? null,
          indicators: Array.isArray(d.indicators) ? d.indicators : [],
          savedAt: d.savedAt ?? "",
        };
      } catch {
        return null;
      }
    },
    save(draft) {
      try {
        storage?.setItem(key, JSON.stringify(draft));
        if (key !== DRAFT_KEY) storage?.removeItem(DRAFT_KEY);
      } catch {
        /* storage full or unavailable: the pane keeps the draft in memory */
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
        storage?.removeItem(DRAFT_KEY);
      } catch {
        /* ignore */
      }
    },
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof window !== "undefined" ? window.localStorage : null;
  } catch {
    return null;
  }
}
