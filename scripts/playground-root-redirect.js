/**
 * The playground's root URL: `/` (or `/index.html`) redirects to `/playground.html` with its query string
 * kept, so every parameter the README documents (`?theme=dark`, `?lang=en`, `?pane=350`, `?user=…`) works
 * from the root too. Used by the dev server (webpack.config.js) and by the browser tests' server.
 */

/** Where a request for `url` goes: the playground page with the same query, or null when not the root. */
function playgroundRootLocation(url) {
  const queryAt = url.indexOf("?");
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  if (path !== "/" && path !== "/index.html") return null;
  return `/playground.html${queryAt < 0 ? "" : url.slice(queryAt)}`;
}

/** Connect-style middleware: a 302 to the playground for the root, otherwise the next handler. */
function playgroundRootRedirect(req, res, next) {
  const location = playgroundRootLocation(req.url || "/");
  if (location === null) return next();
  res.writeHead(302, { Location: location });
  res.end();
}

module.exports = { playgroundRootLocation, playgroundRootRedirect };
