import MarkdownIt from "markdown-it";

// HTML in documents is never interpreted: markdown-it escapes it as text, and refuses
// javascript:, vbscript:, file: and data: links (except images' data:image).
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Safe HTML for a controlled document's Markdown body. */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}
