/** `--help`, for the tool and for each command: usage on stdout, exit 0, before any file is touched. */
import { main } from "../../src/cli/main";
import { commands } from "../../src/cli/commands";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("help", () => {
  it("lists every command with what it does, in Vietnamese and English", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    for (const name of Object.keys(commands)) expect(r.stdout).toContain(`  ${name} `);
    expect(r.stdout).toContain("Đọc kế hoạch");
    expect(r.stdout).toContain("Reads a plan");
  });

  it.each(Object.keys(commands))("%s --help prints its usage and exits 0", async (name) => {
    const r = await run(name, "--help");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(new RegExp(`^Cách dùng / Usage: tong-hop-bao-cao ${name} `));
    const short = await run(name, "missing-file.xlsx", "-h");
    expect(short.code).toBe(0);
  });

  it("without a command: usage on stderr, exit 2", async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage");
  });
});
