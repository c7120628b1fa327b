// @ts-check
// The hashed client assets as compressed once at build time (scripts/compress-assets.mjs): x.js.br
// or x.js.gz when the client accepts it and the file exists, otherwise the next handler (express.static,
// compressed on the fly by the compression middleware).
import { existsSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";

const EXTENSION = { br: ".br", gzip: ".gz" };

/** @param {string} dir @param {{ maxAge: string; immutable: boolean }} cache @returns {import("express").RequestHandler} */
export function precompressedAssets(dir, cache) {
  const root = resolve(dir);
  /** @type {Map<string, boolean>} */
  const present = new Map();
  const exists = (/** @type {string} */ path) => {
    let found = present.get(path);
    if (found === undefined) {
      found = existsSync(path);
      present.set(path, found);
    }
    return found;
  };
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const file = resolve(join(root, decodeURIComponent(req.path)));
    if (!file.startsWith(root + sep)) return next();
    const encoding = req.acceptsEncodings("br", "gzip");
    if (encoding !== "br" && encoding !== "gzip") return next();
    const compressed = file + EXTENSION[encoding];
    if (!exists(compressed)) return next();
    res.type(extname(file));
    res.set("Content-Encoding", encoding);
    res.vary("Accept-Encoding");
    res.sendFile(compressed, { ...cache, dotfiles: "deny" }, (error) => {
      // Sent, or abandoned by the client midway (nothing left to answer); otherwise the plain file.
      if (!error || res.headersSent) return;
      res.removeHeader("Content-Encoding");
      next();
    });
  };
}
