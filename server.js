// @ts-check
// The HTTP server: security headers, the cross-origin write guard, body limits, static files and
// the Remix handler. The guards themselves live in server/http-guards.js.
import { createRequestHandler } from "@remix-run/node";
import compression from "compression";
import express from "express";
import {
  bodyLimitFor,
  hstsWhenSecure,
  isSameOriginWrite,
  lingerThenClose,
  newNonce,
  NO_STORE_PATHS,
  PERMISSIONS_POLICY,
  remixRequest,
  securityHeaders,
  sendResponse,
  sendTooLarge,
  trustProxySetting,
} from "./server/http-guards.js";
import { precompressedAssets } from "./server/static-assets.js";
import { cachedEntry, publicCacheKey, renderOnce, sendEntry, storeEntry } from "./server/public-cache.js";

const isProduction = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const viteDevServer = isProduction
  ? undefined
  : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

/** @returns {Promise<import("@remix-run/node").ServerBuild>} */
async function loadBuild() {
  if (viteDevServer) {
    return /** @type {any} */ (await viteDevServer.ssrLoadModule("virtual:remix/server-build"));
  }
  const buildPath = "./build/server/index.js";
  return import(buildPath);
}

const initialBuild = await loadBuild();
const entry = /** @type {{ startup(): Promise<void>; shutdown(): Promise<void> }} */ (
  /** @type {unknown} */ (initialBuild.entry.module)
);
await entry.startup();

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", trustProxySetting(process.env.TRUST_PROXY));

app.use((_req, res, next) => {
  res.locals.cspNonce = newNonce();
  next();
});
// brotli or gzip for every compressible (text) response: pages, data, JSON, CSV, scripts, styles.
app.use(compression());
app.use(securityHeaders({ development: !isProduction }));
app.use(hstsWhenSecure);
app.use((req, res, next) => {
  res.set("Permissions-Policy", PERMISSIONS_POLICY);
  if (NO_STORE_PATHS.test(req.path)) res.set("Cache-Control", "no-store");
  next();
});

// Unsafe methods must come from this origin: browsers send Origin (and Sec-Fetch-Site) with every POST.
app.use((req, res, next) => {
  if (!UNSAFE_METHODS.has(req.method)) return next();
  const selfOrigin = `${req.protocol}://${req.get(app.get("trust proxy") ? "x-forwarded-host" : "host") ?? req.get("host")}`;
  if (!isSameOriginWrite({ origin: req.get("origin"), fetchSite: req.get("sec-fetch-site"), selfOrigin })) {
    res.status(403).type("text/plain; charset=utf-8").send("Cross-origin request refused");
    return;
  }
  next();
});

// A declared length over the path's limit is refused before a byte is read.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const limit = bodyLimitFor(req.path);
  if (Number(req.get("content-length") ?? 0) > limit) {
    lingerThenClose(req, res);
    return sendTooLarge(res, req.path, limit);
  }
  next();
});

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  app.use("/assets", precompressedAssets("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
}

/**
 * The Remix handler, with the body passed through the path's byte limit (chunked bodies have no
 * length to check first): past the limit the app's read fails and the client gets 413.
 * @param {{ build: import("@remix-run/node").ServerBuild | (() => Promise<import("@remix-run/node").ServerBuild>) }} options
 * @returns {import("express").RequestHandler}
 */
function remixHandler({ build }) {
  const handle = createRequestHandler(build, isProduction ? "production" : "development");
  /** @param {import("express").Request} req @param {import("express").Response} res */
  async function render(req, res) {
    let overflowed = false;
    const limit = bodyLimitFor(req.path);
    const request = remixRequest(req, res, { limit, onOverflow: () => (overflowed = true) });
    const loadContext = { clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", cspNonce: res.locals.cspNonce };
    const response = await handle(request, loadContext).catch((error) => {
      if (overflowed) return null;
      throw error;
    });
    return { response, overflowed, limit };
  }
  /** @param {import("express").Request} req @param {import("express").Response} res @param {Awaited<ReturnType<typeof render>>} rendered */
  async function answer(req, res, { response, overflowed, limit }) {
    if (overflowed) {
      lingerThenClose(req, res);
      return sendTooLarge(res, req.path, limit);
    }
    if (response) await sendResponse(res, response);
  }
  return async (req, res, next) => {
    try {
      const cacheKey = isProduction ? publicCacheKey(req) : null;
      const cached = cacheKey ? cachedEntry(cacheKey, Date.now()) : undefined;
      if (cached) return sendEntry(req, res, cached);
      // A HEAD render has no body (Remix drops it), so only a GET may fill the cache.
      if (!cacheKey || req.method !== "GET") return await answer(req, res, await render(req, res));
      const { entry, result } = await renderOnce(cacheKey, async () => {
        const rendered = await render(req, res);
        const entry = rendered.response ? await storeEntry(cacheKey, rendered.response, res, Date.now()) : undefined;
        return { entry, result: rendered };
      });
      if (entry) sendEntry(req, res, entry);
      else if (result) await answer(req, res, result);
    } catch (error) {
      next(error);
    }
  };
}

app.all("*", remixHandler({ build: viteDevServer ? loadBuild : initialBuild }));

const server = app.listen(port, host, () => {
  console.log(`motcua-qms listening on http://localhost:${port}`);
});

function stop() {
  server.close(async () => {
    await entry.shutdown();
    await viteDevServer?.close();
    process.exit(0);
  });
  server.closeAllConnections();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
