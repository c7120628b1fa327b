import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { stripNulBytes } from "~/utils/strip-nul.server";

async function through(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(stripNulBytes())) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

describe("stripNulBytes", () => {
  it("removes the zero padding React leaves before a character that did not fit its buffer", async () => {
    const padded = Buffer.concat([Buffer.from("Kết qu"), Buffer.from([0, 0]), Buffer.from("ả tổng hợp")]);
    expect((await through([padded])).toString("utf8")).toBe("Kết quả tổng hợp");
  });

  it("passes chunks without NUL unchanged, and keeps characters split across chunks whole", async () => {
    const text = Buffer.from("Ủy ban nhân dân xã Mường Sai");
    const [a, b] = [text.subarray(0, 3), text.subarray(3)];
    expect((await through([a, b])).equals(text)).toBe(true);
  });
});
