/** Every CLI command by name. To add one: write `src/cli/commands/<name>.ts` and add one line here. */
import type { CliIo } from "../io";
import { planCommand } from "./plan";

export type Command = (args: string[], io: CliIo) => Promise<number>;

export const commands: Record<string, Command> = {
  plan: planCommand,
};
