import { diffArrays, diffLines, diffWordsWithSpace } from "diff";
import { normalizeDocumentBody } from "./body";

export interface DiffPart {
  kind: "added" | "removed" | "same";
  text: string;
}

/** A line diff of two revisions' Markdown sources (the "source" view of the compare page). */
export function diffRevisions(before: string, after: string): DiffPart[] {
  return diffLines(normalizeDocumentBody(before), normalizeDocumentBody(after)).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

/**
 * Marks of inserted and deleted words inside a changed block's Markdown. Private-use
 * characters: Markdown passes them through as text, and no document contains them.
 */
export const DIFF_MARK = { insOpen: "\uE000", insClose: "\uE001", delOpen: "\uE002", delClose: "\uE003" } as const;

export type BlockDiff =
  | { kind: "same" | "added" | "removed"; source: string }
  /** A block edited in place: its words marked with `DIFF_MARK`. */
  | { kind: "changed"; source: string };

/** Blocks of a Markdown body: paragraphs, headings, lists, separated by blank lines. */
export function markdownBlocks(text: string): string[] {
  return normalizeDocumentBody(text)
    .replace(/[\uE000-\uE003]/g, "")
    .split(/\n[ \t]*\n+/)
    .map((block) => block.replace(/^\n+|\s+$/g, ""))
    .filter((block) => block !== "");
}

// A line's Markdown structure (heading, list item, quote): kept outside the word marks so
// the block still renders as a heading or a list.
const LINE_MARKER = /^(?:[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+|>[ \t]?))*/;

function mark(text: string, open: string, close: string, atLineStart: boolean): string {
  return text
    .split("\n")
    .map((segment, index) => {
      const marker = index > 0 || atLineStart ? (LINE_MARKER.exec(segment)?.[0] ?? "") : "";
      const rest = segment.slice(marker.length);
      return rest.trim() === "" ? segment : `${marker}${open}${rest}${close}`;
    })
    .join("\n");
}

/** Two versions of one block, merged with their inserted and deleted words marked. */
export function markWordChanges(before: string, after: string): string {
  let merged = "";
  for (const part of diffWordsWithSpace(before, after)) {
    const atLineStart = merged === "" || merged.endsWith("\n");
    merged += part.added
      ? mark(part.value, DIFF_MARK.insOpen, DIFF_MARK.insClose, atLineStart)
      : part.removed
        ? mark(part.value, DIFF_MARK.delOpen, DIFF_MARK.delClose, atLineStart)
        : part.value;
  }
  return merged;
}

/**
 * The rendered comparison of two revisions, block by block: unchanged blocks as they are,
 * a block edited in place with its words marked, whole blocks added or removed.
 */
export function diffBlocks(before: string, after: string): BlockDiff[] {
  const changes = diffArrays(markdownBlocks(before), markdownBlocks(after));
  const result: BlockDiff[] = [];
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      const paired = Math.min(change.value.length, next.value.length);
      for (let k = 0; k < paired; k++) {
        result.push({ kind: "changed", source: markWordChanges(change.value[k]!, next.value[k]!) });
      }
      for (const source of change.value.slice(paired)) result.push({ kind: "removed", source });
      for (const source of next.value.slice(paired)) result.push({ kind: "added", source });
      i++;
      continue;
    }
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    for (const source of change.value) result.push({ kind, source });
  }
  return result;
}
