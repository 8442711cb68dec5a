/**
 * `npm start` serves the playground; its root URL must lead there with the query parameters the README
 * documents (`?theme=dark`, `?lang=en`, `?pane=350`, `?user=…`) intact: the dev server's own middleware,
 * taken from webpack.config.js.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

interface Middleware {
  name?: string;
  path?: string;
  middleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}

const config = require("../../webpack.config.js") as (
  env: Record<string, unknown>,
  argv: Record<string, unknown>,
) => { devServer: { setupMiddlewares: (m: Middleware[], server: unknown) => Middleware[] } };

function rootMiddleware(): Middleware["middleware"] {
  const list = config({ playground: true }, { mode: "development" }).devServer.setupMiddlewares([], {});
  const root = list.find((m) => m.name === "playground-root");
  if (!root) throw new Error("no playground-root middleware in webpack.config.js");
  return root.middleware;
}

/** What the dev server answers to a GET of `url`: a redirect's Location, or "next" (served as a file). */
function answer(url: string): string {
  let location: string | null = null;
  let passed = false;
  const res = {
    writeHead: (status: number, headers: Record<string, string>) => {
      expect(status).toBe(302);
      location = headers.Location;
    },
    end: () => undefined,
  } as unknown as ServerResponse;
  rootMiddleware()({ url, method: "GET" } as IncomingMessage, res, () => {
    passed = true;
  });
  return passed ? "next" : (location ?? "no answer");
}

describe("the playground's root URL (npm start)", () => {
  test.each([
    ["/", "/playground.html"],
    ["/index.html", "/playground.html"],
    ["/?theme=dark", "/playground.html?theme=dark"],
    ["/?lang=en", "/playground.html?lang=en"],
    ["/?pane=350", "/playground.html?pane=350"],
    [
      "/?lang=en&pane=350&theme=dark&user=Thu%20k%C3%BD",
      "/playground.html?lang=en&pane=350&theme=dark&user=Thu%20k%C3%BD",
    ],
    ["/index.html?theme=dark", "/playground.html?theme=dark"],
  ])("%s redirects to %s, keeping the query", (url, location) => {
    expect(answer(url)).toBe(location);
  });

  test.each(["/playground.html?theme=dark", "/taskpane.html", "/taskpane.12345678.js", "/help.html?x=1"])(
    "%s is served as it is",
    (url) => {
      expect(answer(url)).toBe("next");
    },
  );
});
