/** The pages' Content-Security-Policy (webpack.config.js). */

const { csp } = require("../../webpack.config.js") as { csp: (o: { devServer: boolean }) => string };

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("the pages' CSP (B4)", () => {
  it("lets office.js open its own frame (the trust check on Office web hosts it does not list)", () => {
    for (const devServer of [false, true]) {
      const d = directives(csp({ devServer }));
      expect(d.get("frame-src")).toEqual(expect.arrayContaining(["https://appsforoffice.microsoft.com"]));
      expect(d.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
      expect(d.get("object-src")).toEqual(["'none'"]);
    }
  });

  it("allows no eval and no inline script", () => {
    const policy = csp({ devServer: false });
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(directives(policy).get("script-src")).not.toContain("'unsafe-inline'");
  });
});
