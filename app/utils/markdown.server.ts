import MarkdownIt from "markdown-it";
import { DIFF_MARK, type BlockDiff } from "~/domain/documents/diff";

// HTML in documents is never interpreted: markdown-it escapes it as text, and refuses
// javascript:, vbscript:, file: and data: links (except images' data:image).
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Safe HTML for a controlled document's Markdown body. */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}

const MARK_TAGS: Record<string, string> = {
  [DIFF_MARK.insOpen]: '<ins class="diff-added">',
  [DIFF_MARK.insClose]: "</ins>",
  [DIFF_MARK.delOpen]: '<del class="diff-removed">',
  [DIFF_MARK.delClose]: "</del>",
};

/** A compared block as HTML: the word marks of an edited block become `<ins>` and `<del>`. */
export function renderDiffBlock(block: BlockDiff): { kind: BlockDiff["kind"]; html: string } {
  const html = renderMarkdown(block.source).replace(/[\uE000-\uE003]/g, (c) => MARK_TAGS[c] ?? "");
  return { kind: block.kind, html };
}
