import { diffLines } from "diff";

export interface DiffPart {
  kind: "added" | "removed" | "same";
  text: string;
}

/** A line diff of two revisions' Markdown, as the compare page shows it. */
export function diffRevisions(before: string, after: string): DiffPart[] {
  return diffLines(before, after).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}
