import { Transform } from "node:stream";

/**
 * React 18.3's streaming renderer pads a 2 KiB chunk with zero bytes when a multi-byte character —
 * most Vietnamese letters — does not fit at its end (`writeStringChunk` writes the whole view; fixed
 * in React 19). NUL is never valid in HTML: browsers drop it from text, but turn it into U+FFFD in
 * attribute values and textareas, from where a form would save it. This stream removes it.
 */
export function stripNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (chunk.indexOf(0) === -1) return done(null, chunk);
      const kept = Buffer.allocUnsafe(chunk.length);
      let length = 0;
      for (const byte of chunk) if (byte !== 0) kept[length++] = byte;
      done(null, kept.subarray(0, length));
    },
  });
}
