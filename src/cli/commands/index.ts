/** Every CLI command by name. To add one: write `src/cli/commands/<name>.ts` and add one line here. */
import type { CliIo } from "../io";
import { planCommand } from "./plan";
import { initCommand } from "./init";
import { summaryCommand } from "./summary";
import { importCommand } from "./import";

export type Command = (args: string[], io: CliIo) => Promise<number>;

export const commands: Record<string, Command> = {
  plan: planCommand,
  init: initCommand,
  summary: summaryCommand,
  import: importCommand,
};
