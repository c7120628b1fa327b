import { describe, expect, it } from "vitest";
import { csvResponse, csvRow, csvStreamResponse } from "~/utils/csv";

describe("csvRow", () => {
  it.each<[Array<string | number | null | undefined>, string]>([
    [["a", "b"], "a,b\r\n"],
    [["Nguyễn, Văn", 'nói "có"', "dòng\nmới"], '"Nguyễn, Văn","nói ""có""","dòng\nmới"\r\n'],
    [[null, undefined, 0, 4492], ",,0,4492\r\n"],
    // A name typed as a formula reaches the spreadsheet as text, never as a live formula.
    [['=HYPERLINK("http://evil.example","bấm")'], `"'=HYPERLINK(""http://evil.example"",""bấm"")"\r\n`],
    [["+84912345678", "-1+2", "@SUM(A1)", "\t=1", "\r=1"], "'+84912345678,'-1+2,'@SUM(A1),'\t=1,\"'\r=1\"\r\n"],
    // Negative numbers are numbers.
    [[-3], "-3\r\n"],
  ])("%j", (values, expected) => {
    expect(csvRow(values)).toBe(expected);
  });
});

describe("a streamed CSV download the client abandons", () => {
  async function abandon(response: Response) {
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    // Node destroys the stream pipeline on the next turns of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  function watched<T>(make: (i: number) => T) {
    const watch = { ended: false };
    async function* rows() {
      try {
        for (let i = 0; ; i++) yield make(i);
      } finally {
        // Where the register's query hands its database connection back.
        watch.ended = true;
      }
    }
    return { watch, rows };
  }

  it("ends the records' source (csvStreamResponse)", async () => {
    const { watch, rows } = watched((i) => [i, "dòng"]);
    await abandon(csvStreamResponse("a.csv", rows()));
    expect(watch.ended).toBe(true);
  });

  it("ends the rows' source (csvResponse)", async () => {
    const { watch, rows } = watched((i) => csvRow([i, "dòng"]));
    await abandon(csvResponse("a.csv", rows()));
    expect(watch.ended).toBe(true);
  });
});
