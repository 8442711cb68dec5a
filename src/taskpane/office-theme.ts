/**
 * Office's own theme (Excel's "Black" or "Dark Gray" Office themes) mapped onto a Fluent UI theme, so the pane
 * is not a white block in a dark Excel. `Office.context.officeTheme` is read once when the pane opens (Excel
 * has no theme-change event for add-ins); a host that does not give it gets the light theme.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
}

/** Relative luminance (0 black … 1 white) of "#rrggbb" or "#rgb"; null when the text is not such a colour. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const digits = m[1].length === 3 ? [...m[1]].map((d) => d + d).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function isDarkOfficeTheme(colors: OfficeThemeColors | null | undefined): boolean {
  const l = colors?.bodyBackgroundColor ? luminance(colors.bodyBackgroundColor) : null;
  return l !== null && l < 0.2;
}

export function fluentThemeFor(colors: OfficeThemeColors | null | undefined): Theme {
  return isDarkOfficeTheme(colors) ? webDarkTheme : webLightTheme;
}

/** `Office.context.officeTheme`, or undefined where the host does not give it (or throws for it). */
export function officeThemeOf(context: unknown): OfficeThemeColors | undefined {
  try {
    return (context as { officeTheme?: OfficeThemeColors } | undefined)?.officeTheme ?? undefined;
  } catch {
    return undefined;
  }
}
