/** Where a command writes: the process streams in the CLI, string buffers in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Working directory for relative paths; the process's when absent. */
  cwd?: string;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
  };
}

/** A person-readable error: the Vietnamese line, then the English line. */
export function printError(io: CliIo, vi: string, en: string): void {
  io.stderr(`Lỗi: ${vi}\nError: ${en}\n`);
}
