// @ts-check
// The HTTP server's guards, kept apart from server.js so that tests can call them: which proxies to
// trust, how large a body each path may send, the same-origin rule for writes, the security headers.
import { randomBytes } from "node:crypto";
import { writeReadableStreamToWritable } from "@remix-run/node";
import helmet from "helmet";

/**
 * `TRUST_PROXY`: `false` (default: the socket's address is the client), `true` (one reverse proxy in
 * front: the client is the last address it appended to X-Forwarded-For), a number of proxies, or a
 * comma-separated list of the proxies' addresses or subnets. Never Express's `true`, which takes the
 * leftmost X-Forwarded-For entry: whatever the client itself wrote there.
 * @param {string | undefined} value
 * @returns {false | number | string[]}
 */
export function trustProxySetting(value) {
  const v = (value ?? "").trim();
  if (v === "" || v === "false" || v === "0") return false;
  if (v === "true") return 1;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(",").map((s) => s.trim()).filter(Boolean);
}

const KiB = 1024;
const MiB = 1024 * KiB;

/*
 * Largest body per path, checked before anything reads it (chunked bodies too). Each is a little
 * above what the route itself accepts, so the route's own translated error answers a file slightly
 * too large; tests/unit/server/http-guards.test.ts holds them against the routes' limits.
 */
export const BODY_LIMITS = /** @type {const} */ ([
  { path: /^\/feedback\/?$/, bytes: 3 * 5 * MiB + 256 * KiB + 64 * KiB },
  { path: /^\/verify\/?$/, bytes: 20 * MiB + 128 * KiB },
  { path: /^\/staff\/documents\/?$/, bytes: 512 * KiB + 64 * KiB },
  { path: /^\/api\/v1\//, bytes: 256 * KiB },
  { path: /^\/open311\//, bytes: 64 * KiB },
  { path: /^\/(login|logout|language)\/?$/, bytes: 16 * KiB },
]);
export const DEFAULT_BODY_LIMIT = 1 * MiB;

/** @param {string} path */
export function bodyLimitFor(path) {
  return BODY_LIMITS.find((l) => l.path.test(path))?.bytes ?? DEFAULT_BODY_LIMIT;
}

/**
 * The 413 answer: JSON for the APIs, otherwise a short text in both languages (nothing of the app
 * has run yet to know the visitor's language).
 * @param {import("express").Response} res
 * @param {string} path
 * @param {number} limit
 */
export function sendTooLarge(res, path, limit) {
  res.status(413).set({ Connection: "close", "Cache-Control": "no-store" });
  const kib = Math.floor(limit / KiB);
  if (/^\/(api|open311)\//.test(path)) {
    res.json({ error: "payload_too_large", message: `The request body is limited to ${kib} KiB` });
  } else {
    res.type("text/plain; charset=utf-8").send(`Nội dung gửi lên quá lớn (tối đa ${kib} KiB).\nRequest body too large (at most ${kib} KiB).\n`);
  }
}

/**
 * A web stream that passes at most `limit` bytes and then fails, calling `onOverflow` once.
 * @param {number} limit
 * @param {() => void} onOverflow
 * @returns {TransformStream<Uint8Array, Uint8Array>}
 */
export function byteLimit(limit, onOverflow) {
  let read = 0;
  return new TransformStream({
    transform(chunk, controller) {
      read += chunk.byteLength;
      if (read > limit) {
        onOverflow();
        controller.error(new Error(`Request body over ${limit} bytes`));
      } else {
        controller.enqueue(chunk);
      }
    },
  });
}

/**
 * Unsafe methods must come from this site: the Origin header, when sent, must be exactly the origin
 * the request came to (scheme, host and port); a cross-site Sec-Fetch-Site is refused.
 * @param {{ origin?: string | undefined, fetchSite?: string | undefined, selfOrigin: string }} input
 */
export function isSameOriginWrite({ origin, fetchSite, selfOrigin }) {
  if (fetchSite === "cross-site") return false;
  if (!origin) return true;
  let parsed;
  try {
    parsed = new URL(origin).origin;
  } catch {
    return false;
  }
  return parsed === selfOrigin;
}

export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()";

/** A fresh nonce per response, for the Content-Security-Policy and Remix's inline scripts. */
export function newNonce() {
  return randomBytes(16).toString("base64");
}

/**
 * helmet with the product's policy. The CSP allows scripts from this origin and the inline ones
 * carrying the response's nonce (`res.locals.cspNonce`); inline style attributes stay allowed
 * (charts draw with them). `object-src 'self'`: Chromium's PDF viewer is a plugin, and `'none'`
 * would stop the app's own PDFs from showing. HSTS is sent only over HTTPS (see hstsWhenSecure).
 * @param {{ development: boolean }} options
 */
export function securityHeaders({ development }) {
  /** @type {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => string} */
  const nonce = (_req, res) => `'nonce-${/** @type {any} */ (res).locals.cspNonce}'`;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": development ? ["'self'", "'unsafe-inline'", "'unsafe-eval'"] : ["'self'", nonce],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": development ? ["'self'", "ws:"] : ["'self'"],
        "object-src": ["'self'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
      },
    },
    crossOriginOpenerPolicy: { policy: "same-origin" },
    crossOriginResourcePolicy: { policy: "same-site" },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: false,
  });
}

const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60, includeSubDomains: true });

/** HSTS only when the request came over HTTPS (directly, or through a trusted proxy). */
/** @type {import("express").RequestHandler} */
export function hstsWhenSecure(req, res, next) {
  if (req.secure) hsts(req, res, next);
  else next();
}

/** Pages with personal data or a session are never stored by a browser or a shared cache. */
export const NO_STORE_PATHS = /^\/(staff(\/|$)|login\/?$|logout\/?$)/;

/**
 * The Fetch Request Remix reads, from Express's request (as @remix-run/express builds it), with
 * the body passed through `byteLimit` and aborted with `abort`.
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 * @param {{ limit: number, onOverflow: () => void }} options
 */
export function remixRequest(req, res, { limit, onOverflow }) {
  const [, forwardedPort] = req.get("X-Forwarded-Host")?.split(":") ?? [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = [forwardedPort, hostPort].map((p) => Number.parseInt(p ?? "", 10)).find(Number.isSafeInteger);
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (Array.isArray(values)) for (const v of values) headers.append(key, v);
    else if (values) headers.set(key, values);
  }
  const controller = new AbortController();
  let done = false;
  res.on("finish", () => (done = true));
  res.on("close", () => {
    if (!done) controller.abort();
  });
  /** @type {RequestInit & { duplex?: "half" }} */
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = limitedBody(req, limit, () => {
      onOverflow();
      controller.abort();
    });
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

/**
 * The request's body as a web stream that fails past `limit` bytes. It never destroys the socket
 * itself: the 413 must reach the client first (lingerThenClose).
 * @param {import("node:stream").Readable} req
 * @param {number} limit
 * @param {() => void} onOverflow
 * @returns {ReadableStream<Uint8Array>}
 */
function limitedBody(req, limit, onOverflow) {
  let read = 0;
  let settled = false;
  return new ReadableStream(
    {
      start(controller) {
        req.on("data", (/** @type {Buffer} */ chunk) => {
          if (settled) return;
          read += chunk.byteLength;
          if (read > limit) {
            settled = true;
            req.pause();
            onOverflow();
            controller.error(new Error(`Request body over ${limit} bytes`));
            return;
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on("end", () => {
          if (!settled) {
            settled = true;
            controller.close();
          }
        });
        req.on("error", (error) => {
          if (!settled) {
            settled = true;
            controller.error(error);
          }
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        settled = true;
        req.pause();
      },
    },
    { highWaterMark: 256 * KiB, size: (chunk) => chunk.byteLength },
  );
}

/**
 * After a refusal, what the client still sends is read and dropped for a moment, so that it reads
 * the answer instead of a reset connection; then the connection is closed.
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 */
export function lingerThenClose(req, res) {
  res.on("finish", () => {
    req.removeAllListeners("data");
    req.resume();
    setTimeout(() => req.destroy(), 2000).unref();
  });
}

/**
 * Writes Remix's Response to Express's.
 * @param {import("express").Response} res
 * @param {Response} response
 */
export async function sendResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
