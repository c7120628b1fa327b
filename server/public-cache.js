// @ts-check
// Issue 15: the public pages that are the same for every anonymous visitor (home, procedures,
// feedback form, transparency figures) are rendered once per PUBLIC_CACHE_SECONDS and served from
// memory, with an ETag answered by 304. Only for requests that carry no cookie but the language
// one (never a signed-in user), only for 200 HTML answers that set no cookie. The page's CSP nonce is
// shared by the visitors of that minute: the page holds no visitor's data, so there is nothing a
// leaked nonce could be combined with that differs between them.
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export const PUBLIC_CACHE_SECONDS = 60;
const PUBLIC_PATHS = /^\/(?:|procedures|feedback|transparency)$/;
const LANGUAGE_COOKIE_ONLY = /^\s*lang=[\w%.=-]{1,60}\s*$/;
const MAX_ENTRIES = 200;

/**
 * @typedef {{ status: number; headers: [string, string][]; body: Buffer; br: Buffer; gzip: Buffer; etag: string; expires: number }} Entry
 * @type {Map<string, Entry>}
 */
const entries = new Map();
/** The render in progress per key, resolved with its entry (or undefined when it had none to share). @type {Map<string, Promise<Entry | undefined>>} */
const rendering = new Map();

/** The cache key of a request that may be answered from the cache, or null. @param {import("express").Request} req */
export function publicCacheKey(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (!PUBLIC_PATHS.test(req.path)) return null;
  const cookie = req.get("cookie");
  if (cookie && !LANGUAGE_COOKIE_ONLY.test(cookie)) return null;
  return `${req.originalUrl}\n${cookie ?? ""}\n${req.get("accept-language") ?? ""}`;
}

/** @param {string} key @param {number} now */
export function cachedEntry(key, now) {
  const entry = entries.get(key);
  if (entry && entry.expires > now) return entry;
  if (entry) entries.delete(key);
  return undefined;
}

/**
 * Keeps a response when it may be shared; returns the entry, or undefined (send it as it is).
 * The CSP header set on `res` carries the nonce written into the page, so it is kept with it.
 * @param {string} key @param {Response} response @param {import("express").Response} res @param {number} now
 */
export async function storeEntry(key, response, res, now) {
  if (response.status !== 200 || response.headers.has("set-cookie")) return undefined;
  if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) return undefined;
  const body = Buffer.from(await response.arrayBuffer());
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  /** @type {[string, string][]} */
  const headers = [...response.headers.entries()].filter(([k]) => k !== "content-length" && k !== "cache-control");
  for (const name of ["content-security-policy", "content-security-policy-report-only"]) {
    const value = res.getHeader(name);
    if (typeof value === "string") headers.push([name, value]);
  }
  // Compressed once here, not once per visitor (the compression middleware leaves encoded bodies alone).
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  const entry = { status: 200, headers, body, br, gzip: gzipSync(body, { level: 9 }), etag, expires: now + PUBLIC_CACHE_SECONDS * 1000 };
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, entry);
  return entry;
}

/**
 * Single flight for a miss: the first request that misses `key` runs `render`; requests that miss the
 * same key while it runs wait for its entry instead of rendering the same page again (a burst of
 * visitors after the entry expired costs one render, not one each). When that render has nothing to
 * share (not a 200 page, a cookie set, an error), each waiting request renders its own.
 * @template R
 * @param {string} key
 * @param {() => Promise<{ entry: Entry | undefined; result: R }>} render stores and returns the entry when the page may be shared
 * @returns {Promise<{ entry: Entry; result?: undefined } | { entry: Entry | undefined; result: R }>}
 */
export async function renderOnce(key, render) {
  const inFlight = rendering.get(key);
  if (inFlight) {
    const entry = await inFlight;
    return entry ? { entry } : render();
  }
  /** @type {(entry: Entry | undefined) => void} */
  let settle = () => {};
  rendering.set(key, new Promise((resolve) => (settle = resolve)));
  try {
    const outcome = await render();
    settle(outcome.entry);
    return outcome;
  } catch (error) {
    settle(undefined);
    throw error;
  } finally {
    rendering.delete(key);
  }
}

/** @param {import("express").Request} req @param {import("express").Response} res @param {Entry} entry */
export function sendEntry(req, res, entry) {
  for (const [k, v] of entry.headers) res.set(k, v);
  res.set("Cache-Control", `public, max-age=${PUBLIC_CACHE_SECONDS}`);
  res.set("Vary", "Cookie, Accept-Language, Accept-Encoding");
  res.set("ETag", entry.etag);
  if (req.get("if-none-match") === entry.etag) {
    res.status(304).end();
    return;
  }
  res.status(entry.status);
  const accepted = req.acceptsEncodings("br", "gzip", "identity");
  const body = accepted === "br" ? entry.br : accepted === "gzip" ? entry.gzip : entry.body;
  if (body !== entry.body) res.set("Content-Encoding", /** @type {string} */ (accepted));
  res.set("Content-Length", String(body.length));
  if (req.method === "HEAD") res.end();
  else res.end(body);
}
