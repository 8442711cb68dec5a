/**
 * node:util's parseArgs with the errors in our own words, Vietnamese and English (its English message would
 * otherwise land in the Vietnamese line: "Lỗi cú pháp: Option '-o, --out <value>' argument missing").
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./exit-codes";

/** Our wording of a parseArgs error, with the command's usage line. */
export function usageErrorOf(error: unknown, usage: string): UsageError {
  const e = error as { code?: string; message?: string };
  const message = e?.message ?? String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? "";
  const option = quoted.replace(/\s*<value>$/, "");
  let vi: string;
  let en: string;
  if (e?.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    vi = `không có tùy chọn "${option}"`;
    en = `unknown option "${option}"`;
  } else if (e?.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && /argument missing/.test(message)) {
    vi = `tùy chọn "${option}" cần một giá trị`;
    en = `option "${option}" needs a value`;
  } else if (e?.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    vi = `tùy chọn "${option}" không nhận giá trị`;
    en = `option "${option}" takes no value`;
  } else if (e?.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    vi = `thừa đối số "${option}"`;
    en = `unexpected argument "${option}"`;
  } else {
    vi = `đối số không hợp lệ (${message})`;
    en = `invalid arguments (${message})`;
  }
  return new UsageError(`${vi}. Cách dùng: ${usage}`, `${en}. Usage: ${usage}`);
}

/** parseArgs, throwing a UsageError in our words. */
export function parseCommandArgs<T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    throw usageErrorOf(e, usage);
  }
}
