// @ts-check
// The HTTP server: security headers, the cross-origin write guard, static files and the Remix handler.
import { createRequestHandler } from "@remix-run/express";
import express from "express";

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
if (process.env.TRUST_PROXY === "true") app.set("trust proxy", true);

app.use((req, res, next) => {
  res.set({
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
  });
  next();
});

// Unsafe methods must come from this origin: browsers send Origin (and Sec-Fetch-Site) with every POST.
app.use((req, res, next) => {
  if (!UNSAFE_METHODS.has(req.method)) return next();
  const origin = req.get("origin");
  const fetchSite = req.get("sec-fetch-site");
  const expectedHost = req.get(app.get("trust proxy") ? "x-forwarded-host" : "host") ?? req.get("host");
  let sameOrigin = true;
  if (origin) {
    try {
      sameOrigin = new URL(origin).host === expectedHost;
    } catch {
      sameOrigin = false;
    }
  }
  if (fetchSite === "cross-site") sameOrigin = false;
  if (!sameOrigin) {
    res.status(403).type("text/plain; charset=utf-8").send("Cross-origin request refused");
    return;
  }
  next();
});

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
}

app.all(
  "*",
  createRequestHandler({
    build: viteDevServer ? loadBuild : initialBuild,
    mode: isProduction ? "production" : "development",
    getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  }),
);

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
