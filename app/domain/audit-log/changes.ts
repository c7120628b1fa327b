export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

/**
 * What an audit-log row changed, field by field: for an update only the fields whose value
 * differs; for a creation (no "before") or a removal (no "after") every field with a value.
 */
export function describeChanges(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    return isEmpty(before) && isEmpty(after) ? [] : [{ field: "", before, after }];
  }
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(to), ...Object.keys(from)])];
  const creatingOrRemoving = !isRecord(before) || !isRecord(after);
  return fields
    .filter((field) =>
      creatingOrRemoving ? !isEmpty(from[field]) || !isEmpty(to[field]) : JSON.stringify(from[field]) !== JSON.stringify(to[field]),
    )
    .map((field) => ({ field, before: from[field], after: to[field] }));
}

/** The message key of a field's label; snapshots name fields in camelCase or in the column's snake_case. */
export function fieldLabelKey(field: string): string {
  return `audit.field.${field.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())}`;
}

/** A field name a person reads, when no translated label exists: `resolutionDueAt` → "resolution due at". */
export function humanizeField(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.]+/g, " ")
    .trim()
    .toLowerCase();
}

export type DisplayValue =
  | { kind: "empty" }
  | { kind: "boolean"; value: boolean }
  | { kind: "date"; value: string }
  | { kind: "instant"; value: string }
  | { kind: "text"; value: string };

const MAX_TEXT = 300;

function compact(value: unknown): string {
  if (Array.isArray(value)) return value.map(compact).join(", ");
  if (isRecord(value)) {
    return Object.entries(value)
      .filter(([, v]) => !isEmpty(v))
      .map(([k, v]) => `${humanizeField(k)}: ${compact(v)}`)
      .join("; ");
  }
  return String(value);
}

/** How one audited value is shown: dates as dates, yes/no, lists and records in words, long text cut. */
export function displayValue(value: unknown): DisplayValue {
  if (isEmpty(value)) return { kind: "empty" };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { kind: "date", value };
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return { kind: "instant", value };
  const text = compact(value);
  return { kind: "text", value: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text };
}
