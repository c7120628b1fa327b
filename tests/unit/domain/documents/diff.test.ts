import { describe, expect, it } from "vitest";
import { normalizeDocumentBody } from "~/domain/documents/body";
import { DIFF_MARK, diffBlocks, diffRevisions, markWordChanges } from "~/domain/documents/diff";
import { renderDiffBlock } from "~/utils/markdown.server";

const { insOpen: I, insClose: i, delOpen: D, delClose: d } = DIFF_MARK;

describe("normalizeDocumentBody", () => {
  it.each([
    ["keeps one final newline", "a\nb", "a\nb\n"],
    ["drops extra blank lines at the end", "a\n\n\n", "a\n"],
    ["turns CRLF into LF", "a\r\nb\r\n", "a\nb\n"],
    ["composes decomposed Vietnamese (NFD → NFC)", "Tie\u0302\u0301p nha\u0323\u0302n", "Tiếp nhận\n"],
    ["leaves an empty body empty", "  \n ", ""],
  ])("%s", (_name, input, expected) => {
    expect(normalizeDocumentBody(input)).toBe(expected);
  });
});

describe("diffRevisions (source view)", () => {
  it("shows no change for a body saved without its final newline", () => {
    expect(diffRevisions("a\nb\n", "a\nb").every((p) => p.kind === "same")).toBe(true);
  });
  it("shows no change between composed and decomposed diacritics", () => {
    expect(diffRevisions("Tiếp nhận\n", "Tie\u0302\u0301p nha\u0323\u0302n\n").every((p) => p.kind === "same")).toBe(true);
  });
});

describe("markWordChanges", () => {
  it.each([
    ["a replaced word", "Trả kết quả trong 3 ngày", "Trả kết quả trong 2 ngày", `Trả kết quả trong ${D}3${d}${I}2${i} ngày`],
    ["an added list item keeps its marker outside the mark", "- a", "- a\n- b", `- a\n- ${I}b${i}`],
    ["a removed heading word", "# Tiếp nhận hồ sơ", "# Tiếp nhận", `# Tiếp nhận${D} hồ sơ${d}`],
  ])("%s", (_name, before, after, expected) => {
    expect(markWordChanges(before, after)).toBe(expected);
  });
});

describe("diffBlocks (rendered view)", () => {
  it("pairs an edited paragraph and marks its words; whole new blocks are added", () => {
    const blocks = diffBlocks("# QT-07\n\nThời hạn 3 ngày.\n", "# QT-07\n\nThời hạn 2 ngày.\n\n## Mới\n");
    expect(blocks.map((b) => b.kind)).toEqual(["same", "changed", "added"]);
    expect(blocks[1]!.source).toBe(`Thời hạn ${D}3${d}${I}2${i} ngày.`);
  });
  it("renders Markdown with <ins>/<del> around the changed words, not raw Markdown", () => {
    const [, changed] = diffBlocks("# T\n\n**Bước 1**: tiếp nhận.\n", "# T\n\n**Bước 1**: tiếp nhận, kiểm tra.\n").map(renderDiffBlock);
    expect(changed!.html).toContain("<strong>Bước 1</strong>");
    expect(changed!.html).toContain('<ins class="diff-added">');
    expect(changed!.html).not.toContain("**");
  });
  it("keeps a heading a heading when only its words change", () => {
    const [block] = diffBlocks("## Phạm vi\n", "## Phạm vi áp dụng\n").map(renderDiffBlock);
    expect(block!.html).toMatch(/^<h2>Phạm vi.*<ins class="diff-added">.*áp dụng.*<\/ins><\/h2>/);
  });
  it("cannot be fed tags through the marks: the private-use marks typed in a document are dropped, HTML stays escaped", () => {
    const [block] = diffBlocks(`a${I}<script>`, `b${I}<script>`).map(renderDiffBlock);
    expect(block!.html).toContain("&lt;script&gt;");
    expect((block!.html.match(/<ins/g) ?? []).length).toBe(1);
  });
});
