import { HostError } from "../core/errors";

/** The parts of an `OfficeExtension.Error` we use (the simulated host's errors have the same shape). */
interface OfficeLikeError {
  code?: string;
  message?: string;
  debugInfo?: { errorLocation?: string };
}

/**
 * Sheet names for a location: the one sheet the failed request touched, or the first few of them.
 * Excel's error does not say which command of a request failed, so a request over several sheets can only
 * name them all.
 */
export function sheetsLabel(names: ReadonlyArray<string | null>, max = 5): string | undefined {
  const unique = [...new Set(names.filter((n): n is string => !!n))];
  if (unique.length === 0) return undefined;
  if (unique.length <= max) return unique.join("', '");
  return `${unique.slice(0, max).join("', '")}' … (+${unique.length - max})`;
}

/**
 * Wrap whatever Excel threw in a HostError: Vietnamese and English, the operation, the sheet(s) the
 * failed request touched, and Excel's own code and message kept as the cause.
 */
export function toHostError(
  error: unknown,
  operationVi: string,
  operationEn: string,
  sheets: ReadonlyArray<string | null>,
): HostError {
  if (error instanceof HostError) return error;
  const e = (error ?? {}) as OfficeLikeError;
  const detail = e.code
    ? `${e.code}: ${e.message ?? ""}${e.debugInfo?.errorLocation ? ` (${e.debugInfo.errorLocation})` : ""}`
    : e.message;
  const cause = Object.assign(new Error(detail ?? String(error)), { code: e.code, original: error });
  return new HostError(operationVi, operationEn, { sheet: sheetsLabel(sheets) }, cause);
}
