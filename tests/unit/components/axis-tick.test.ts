import { describe, expect, it } from "vitest";
import { wrapWords } from "~/components/charts/axis-tick";

describe("wrapWords: category labels wrapped by a fixed rule (server and browser agree)", () => {
  it.each([
    ["Hộ tịch", 18, ["Hộ tịch"]],
    ["Lao động – Thương binh và Xã hội", 18, ["Lao động – Thương", "binh và Xã hội"]],
    ["Lao động – Thương binh và Xã hội", 32, ["Lao động – Thương binh và Xã hội"]],
    ["Chứng thực", 4, ["Chứng", "thực"]],
    ["", 10, [""]],
  ] as const)("%j in %i characters → %j", (text, max, lines) => {
    expect(wrapWords(text, max)).toEqual(lines);
  });
});
