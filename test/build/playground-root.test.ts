/** `npm start`'s root URL opens the playground, with the query it was given (newcomer review L2). */

const { playgroundRoot } = require("../../webpack.config.js") as {
  playgroundRoot: (
    req: { url?: string },
    res: { writeHead(status: number, headers: Record<string, string>): void; end(): void },
    next: () => void,
  ) => void;
};

function visit(url: string): { status?: number; location?: string; passed: boolean } {
  const seen: { status?: number; location?: string; passed: boolean } = { passed: false };
  playgroundRoot(
    { url },
    {
      writeHead: (status, headers) => Object.assign(seen, { status, location: headers.Location }),
      end: () => undefined,
    },
    () => (seen.passed = true),
  );
  return seen;
}

describe("the playground's root URL", () => {
  it.each([
    ["/", "/playground.html"],
    ["/?theme=dark", "/playground.html?theme=dark"],
    ["/?lang=en&pane=350", "/playground.html?lang=en&pane=350"],
    ["/index.html?host=mac", "/playground.html?host=mac"],
  ])("%s → %s", (url, location) => {
    expect(visit(url)).toEqual({ status: 302, location, passed: false });
  });

  it("leaves every other path to the dev server", () => {
    expect(visit("/taskpane.html?x=1").passed).toBe(true);
    expect(visit("/playground.html?theme=dark").passed).toBe(true);
  });
});
