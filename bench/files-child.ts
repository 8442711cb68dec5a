/**
 * Child process for the files benchmark: `tsx bench/files-child.ts <units>` runs init + summary through
 * ExcelJS once and prints one JSON line with the times and its own peak memory.
 */
import { NotBuiltError } from "./load";

async function main(): Promise<void> {
  const units = Number(process.argv[2] ?? "100");
  void units;
  throw new NotBuiltError("src/file (init / summary)");
}

main().catch((e: unknown) => {
  process.stdout.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
