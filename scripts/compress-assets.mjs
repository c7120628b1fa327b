// @ts-check
// After `remix vite:build`: each hashed client asset compressed once, at the best brotli quality and
// gzip level, beside it (x.js.br, x.js.gz). They never change, so the server sends these files
// (server/static-assets.js) rather than compressing every download on the fly at brotli quality 4.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "build/client/assets";
const COMPRESSIBLE = /\.(?:js|css|svg|json)$/;
let files = 0;
let raw = 0;
let brotli = 0;
for (const name of readdirSync(dir)) {
  const path = join(dir, name);
  if (!COMPRESSIBLE.test(name) || !statSync(path).isFile()) continue;
  const body = readFileSync(path);
  if (body.length < 1024) continue;
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  files += 1;
  raw += body.length;
  brotli += br.length;
}
console.log(`compressed ${files} assets: ${(raw / 1024).toFixed(0)} KiB → ${(brotli / 1024).toFixed(0)} KiB brotli`);
