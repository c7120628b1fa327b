/**
 * Audit checklists kept as data (QT-02 §5.2 step 4, §5.3): a template per ISO clause and process,
 * edited by the quality lead. An audit copies the questions of the templates it uses when it is
 * planned, so later edits never change an audit already under way.
 */

/** `CL-01` … `CL-999`, unique within a unit. */
export const CHECKLIST_CODE_PATTERN = /^CL-\d{2,3}$/;

/** A clause of TCVN ISO 9001:2015: `7.5`, `8.5.1`, `9.1.2`. */
export const ISO_CLAUSE_PATTERN = /^\d{1,2}(\.\d{1,2}){0,3}$/;

/** A controlled document's code as the register writes it: `QT-07`. */
export const PROCESS_CODE_PATTERN = /^[A-Z]{2}(-[A-Z]{2})?-\d{2,4}$/;

export const CHECKLIST_LIMITS = {
  title: 200,
  question: 1000,
  guidance: 1000,
  /** Questions in one template; a longer list is two templates. */
  items: 60,
  /** Rows a form may send, blank ones included. */
  rows: 100,
} as const;

export interface ChecklistItemInput {
  isoClause: string;
  question: string;
  guidance: string | null;
}

/** A template as the editor saves it; the code is given once, at creation. */
export interface ChecklistTemplateInput {
  title: string;
  /** One clause, or several joined by ", " (`5.1, 6.1, 6.2`). */
  isoClause: string;
  /** The process it checks (document code), null for a clause-wide list. */
  process: string | null;
  isActive: boolean;
  items: readonly ChecklistItemInput[];
}

export interface NewChecklistTemplateInput extends ChecklistTemplateInput {
  code: string;
}

/** A template as the demo seed describes it: active unless it says otherwise. */
export interface ChecklistTemplateDefinition extends Omit<NewChecklistTemplateInput, "isActive" | "items"> {
  isActive?: boolean;
  items: ReadonlyArray<{ isoClause: string; question: string; guidance?: string | null }>;
}

export function formatChecklistCode(sequence: number): string {
  return `CL-${String(sequence).padStart(2, "0")}`;
}

/** The code after the highest one in use (`CL-09` after `CL-08`, `CL-01` for none). */
export function nextChecklistCode(codes: readonly string[]): string {
  const numbers = codes.filter((c) => CHECKLIST_CODE_PATTERN.test(c)).map((c) => Number(c.slice(3)));
  return formatChecklistCode(Math.max(0, ...numbers) + 1);
}

/** Orders codes by number: `CL-99` before `CL-100`. */
export function compareChecklistCodes(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** `"5.1; 6.1,6.2"` → `["5.1", "6.1", "6.2"]`; null when a part is not a clause or the text is empty. */
export function parseClauseList(text: string): string[] | null {
  const parts = text.split(/[,;]/).map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => !ISO_CLAUSE_PATTERN.test(p))) return null;
  return [...new Set(parts)];
}

/** A form row with nothing typed in it: the editor offers a few, and they are ignored on save. */
export function isBlankRow(row: { isoClause?: string | undefined; question?: string | undefined; guidance?: string | undefined }): boolean {
  return !row.isoClause?.trim() && !row.question?.trim() && !row.guidance?.trim();
}

export interface ChecklistSnapshot {
  code: string;
  title: string;
  isoClause: string;
  process: string | null;
  isActive: boolean;
  items: readonly ChecklistItemInput[];
}

/**
 * The audit-log action of a change between two snapshots: null when nothing changed, `activated`
 * or `deactivated` when only the active flag moved, `updated` otherwise.
 */
export function checklistChangeAction(before: ChecklistSnapshot, after: ChecklistSnapshot): "updated" | "activated" | "deactivated" | null {
  const content = (s: ChecklistSnapshot) =>
    JSON.stringify([s.title, s.isoClause, s.process, s.items.map((i) => [i.isoClause, i.question, i.guidance])]);
  const contentChanged = content(before) !== content(after);
  if (contentChanged) return "updated";
  if (before.isActive === after.isActive) return null;
  return after.isActive ? "activated" : "deactivated";
}
