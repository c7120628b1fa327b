import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { CATALOGUES } from "./i18n/catalogues.server";
import { LANGUAGES } from "./i18n/language";
import { provideCatalogue } from "./i18n/messages";
import { NonceProvider } from "./utils/nonce-provider";
import { stripNulBytes } from "./utils/strip-nul.server";

export { startup, shutdown } from "./startup.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as the HTTP server saw it (server.js), for throttling. */
    clientAddress: string;
    /** This response's Content-Security-Policy nonce (server.js), for Remix's inline scripts. */
    cspNonce?: string;
  }
}

// Pages rendered here may be in either language: both catalogues at hand (the browser loads one).
for (const language of LANGUAGES) provideCatalogue(language, CATALOGUES[language]);

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const retryAfter = retryAfterOf(remixContext);
  if (retryAfter !== null) responseHeaders.set("Retry-After", String(retryAfter));
  const nonce = loadContext.cspNonce ?? "";
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = stripNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * A page refused by a rate limit tells the client when to come back: from a thrown `tooManyRequests`
 * (its body), or from the Retry-After of an action's or loader's answer (routes have no `headers`).
 */
function retryAfterOf(context: EntryContext): number | null {
  const { errors, actionHeaders, loaderHeaders } = context.staticHandlerContext;
  for (const error of Object.values(errors ?? {})) {
    const e = error as { status?: unknown; data?: unknown } | null;
    const seconds = (e?.data as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if (e?.status === 429 && typeof seconds === "number") return Math.ceil(seconds);
  }
  for (const headers of [...Object.values(actionHeaders ?? {}), ...Object.values(loaderHeaders ?? {})]) {
    const value = Number(headers.get("Retry-After"));
    if (Number.isInteger(value) && value > 0) return value;
  }
  return null;
}

/** Errors of requests the server aborted (a body over its limit, a client gone) are not the app's. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (!request.signal.aborted) console.error(error);
}
