/**
 * The plan draft (text, edited plan, indicators) kept in the browser's localStorage so that closing the pane
 * never loses what was typed. One key per add-in; failures to store are ignored (private mode, quota).
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

export function localDraftStore(storage: Storage | null = safeLocalStorage()): DraftStore {
  return {
    load() {
      try {
        const raw = storage?.getItem(DRAFT_KEY);
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
        storage?.setItem(DRAFT_KEY, JSON.stringify(draft));
      } catch {
        /* storage full or unavailable: the pane keeps the draft in memory */
      }
    },
    clear() {
      try {
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
