import { mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressedAssets } from "../../../server/static-assets.js";

const dir = mkdtempSync(join(tmpdir(), "motcua-assets-"));
const script = "export const x = 1;\n".repeat(100);
let server: ReturnType<ReturnType<typeof express>["listen"]>;
let origin = "";

beforeAll(async () => {
  writeFileSync(join(dir, "a.js"), script);
  writeFileSync(join(dir, "a.js.br"), brotliCompressSync(script));
  writeFileSync(join(dir, "plain.js"), script);
  const app = express();
  app.use("/assets", precompressedAssets(dir, { immutable: true, maxAge: "1y" }));
  app.use("/assets", express.static(dir));
  await new Promise<void>((resolve) => (server = app.listen(0, "127.0.0.1", resolve)));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server?.close());

const get = (path: string, encoding: string) =>
  fetch(`${origin}${path}`, { headers: { "accept-encoding": encoding } }).then(async (r) => ({
    headers: r.headers,
    body: Buffer.from(await r.arrayBuffer()),
  }));

describe("precompressed assets", () => {
  it("sends the brotli file built beside the asset, typed as the asset", async () => {
    const { headers } = await fetch(`${origin}/assets/a.js`, { headers: { "accept-encoding": "br" } });
    expect(headers.get("content-encoding")).toBe("br");
    expect(headers.get("content-type")).toMatch(/javascript/);
    expect(headers.get("vary")).toMatch(/Accept-Encoding/);
    expect(headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("the body is the asset, brotli-encoded", async () => {
    const raw = await new Promise<Buffer>((resolve, reject) => {
      import("node:http").then(({ get: httpGet }) =>
        httpGet(`${origin}/assets/a.js`, { headers: { "accept-encoding": "br" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve(Buffer.concat(chunks)));
        }).on("error", reject),
      );
    });
    expect(brotliDecompressSync(raw).toString()).toBe(script);
  });

  it("falls through to the plain file when there is no compressed one or the client accepts none", async () => {
    const noBr = await get("/assets/plain.js", "br");
    expect(noBr.headers.get("content-encoding")).toBeNull();
    expect(noBr.body.toString()).toBe(script);
    const identity = await get("/assets/a.js", "identity");
    expect(identity.headers.get("content-encoding")).toBeNull();
    expect(identity.body.toString()).toBe(script);
  });

  it("stays inside its folder", async () => {
    const response = await fetch(`${origin}/assets/..%2f..%2fetc%2fpasswd`, { headers: { "accept-encoding": "br" } });
    expect(response.status).toBe(404);
  });
});
