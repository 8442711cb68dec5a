/**
 * Every CLI command by name. To add one: write `src/cli/commands/<name>.ts` and add one line here.
 * Commands load on first use, so `plan` starts without loading ExcelJS and docx.
 */
import type { CliIo } from "../io";

export type Command = (args: string[], io: CliIo) => Promise<number>;

function lazy(load: () => Promise<Command>): Command {
  return async (args, io) => (await load())(args, io);
}

export const commands: Record<string, Command> = {
  plan: lazy(async () => (await import("./plan")).planCommand),
  init: lazy(async () => (await import("./init")).initCommand),
  summary: lazy(async () => (await import("./summary")).summaryCommand),
  import: lazy(async () => (await import("./import")).importCommand),
};
