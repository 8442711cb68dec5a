/** Command line entry: `npm run --silent cli -- <command> …`; dispatches through the map in ./commands. */
import { commands, USAGE, type Command } from "./commands";
import { printError, processIo, type CliIo } from "./io";

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const usage =
    `Cách dùng / Usage: tong-hop-bao-cao <${Object.keys(commands).join("|")}> …\n\n` +
    Object.values(USAGE)
      .map((u) => `  ${u.replace(/\n/g, "\n  ")}\n`)
      .join("");
  if (name === undefined || name === "--help" || name === "-h") {
    (name === undefined ? io.stderr : io.stdout)(usage);
    return name === undefined ? 2 : 0;
  }
  const command = (commands as Record<string, Command | undefined>)[name];
  if (command && (args.includes("--help") || args.includes("-h"))) {
    io.stdout(`Cách dùng / Usage: tong-hop-bao-cao ${USAGE[name as keyof typeof USAGE]}\n`);
    return 0;
  }
  if (!command) {
    printError(io, `không có lệnh "${name}"`, `unknown command "${name}"`);
    io.stderr(usage);
    return 2;
  }
  return command(args, io);
}

const isEntry = typeof require !== "undefined" ? require.main === module : process.argv[1]?.includes("main");
if (isEntry) {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      printError(processIo(), `lỗi không mong đợi: ${String(error)}`, `unexpected error: ${String(error)}`);
      process.exitCode = 1;
    },
  );
}
