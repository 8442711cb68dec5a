import { createContext, useContext } from "react";
import type { Lang } from "../services";
import { vi, type Messages } from "./vi";
import { en } from "./en";

export type { Messages };
export const MESSAGES: Record<Lang, Messages> = { vi, en };

/** Vietnamese unless Office's display language is English. */
export function languageFor(displayLanguage: string | null | undefined): Lang {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "vi";
}

export interface I18n {
  lang: Lang;
  t: Messages;
}

export const I18nContext = createContext<I18n>({ lang: "vi", t: vi });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
