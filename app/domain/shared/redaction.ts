/*
 * Personal data in free text (Decree 13/2023/ND-CP; Personal Data Protection Law 2025): one
 * module finds it, whatever the spelling, for everything the public, Open311 clients and
 * inspectors can read. It recognises
 * - the names of the citizens known to be behind a record, typed with or without accents, in any
 *   case; and names it can guess: a title (ông, bà, anh, chị…) followed by capitalised words, and,
 *   for public text, capitalised words that begin with a Vietnamese family name;
 * - phone numbers in any spacing or punctuation ("(091) 234-5678", "0912/345/678", "+84 912…"),
 *   in full-width or other compatibility digits, and with invisible characters in between;
 * - ID numbers: 12-digit citizen IDs and 9-digit identity cards, grouped or not, and any digits
 *   after "CCCD", "CMND", "căn cước", "định danh";
 * - e-mail addresses, and house numbers (số nhà 12, ngõ 34, 12/3 đường …).
 * Dates, times, decree numbers, dossier and procedure codes and amounts of money are left alone.
 * The text is scanned in a folded copy (no accents, lower case, compatibility forms decomposed,
 * invisible characters dropped) whose every character points back to the original.
 */

import { maskPersonName } from "~/domain/reports/on-time-report";

export interface KnownPersonalData {
  names: ReadonlyArray<string | null>;
  numbers: ReadonlyArray<string | null>;
  emails?: ReadonlyArray<string | null>;
}

export interface RedactionOptions {
  /** "title": guess only names after a title; "any": also capitalised words starting with a family name. */
  guessNames: "title" | "any";
}


/** "0912 345 678" → "09******78": the first two and the last two digits only. */
export function maskNumber(value: string): string {
  const digits = foldDigits(value).replace(/\D/g, "");
  if (digits.length <= 4) return "*".repeat(digits.length);
  return `${digits.slice(0, 2)}${"*".repeat(digits.length - 4)}${digits.slice(-2)}`;
}

/** "lan.nguyen@example.vn" → "l***@***". */
export function maskEmail(value: string): string {
  return `${Array.from(value)[0] ?? ""}***@***`;
}

// ---------------------------------------------------------------------------------------------
// Folding: a copy to search in, each of its characters mapped to the original's code units.

interface Folded {
  text: string;
  /** For each folded character, the start and end (UTF-16 offsets) of the original character. */
  from: number[];
  to: number[];
}

// Format characters (zero-width, bidi controls), fillers and variation selectors: nothing to see.
const INVISIBLE = /^(?:\p{Cf}|\u00ad|\u115f|\u1160|\u17b4|\u17b5|\u3164|\uffa0|\u034f|\p{Variation_Selector})$/u;

function foldChar(ch: string, keepAccents: boolean): string {
  if (INVISIBLE.test(ch)) return "";
  if (keepAccents) return ch.toLowerCase();
  if (ch === "đ" || ch === "Đ") return "d";
  return ch.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

function fold(text: string, keepAccents = false): Folded {
  let folded = "";
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const f = foldChar(ch, keepAccents);
    for (let i = 0; i < f.length; i++) {
      from.push(offset);
      to.push(offset + ch.length);
    }
    folded += f;
    offset += ch.length;
  }
  return { text: folded, from, to };
}

function foldDigits(text: string): string {
  return [...text].map((ch) => (/\p{Nd}/u.test(ch) ? ch.normalize("NFKD") : ch)).join("");
}

/** Lower case without accents: the form every pattern below is written in. */
export function foldForSearch(text: string): string {
  return fold(text.normalize("NFC")).text;
}

// ---------------------------------------------------------------------------------------------
// What is found: spans of the folded text and how to print them.

/** A stretch of the original text (UTF-16 offsets) and what it holds. */
interface Span {
  start: number;
  end: number;
  kind: "name" | "number" | "email" | "address";
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
const WORD_AFTER = "(?![\\p{L}\\p{N}])";

// Separators that may stand between the digits of one number.
const SEP = "[\\s.\\-/()]{0,3}";
const NUMBER_RUN = new RegExp(`(?<![\\p{L}\\p{N}])\\+?\\(?\\d(?:${SEP}\\d){6,16}(?![\\p{N}])`, "gu");

// What looks like digits but is not personal: dates, times, legal document numbers, codes, money.
const NOT_PERSONAL = [
  /(?<!\d)(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:\d{4}|\d{2})(?![.\-/]?\d)/g, // 01/02/2026, 1.2.26
  /(?<!\d)\d{4}-\d{2}-\d{2}(?:t\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?(?!\d)/g, // ISO dates and instants
  /(?<!\d)\d{1,2}[:h]\d{2}(?::\d{2})?(?!\d)/g, // 10:30, 10h30
  /(?<![\p{L}\p{N}])\d+\/\d{4}\/[\p{L}\d-]+/gu, // 13/2023/nđ-cp
  /(?<![\p{L}\p{N}])[0-9a-z.]+-\d{6}-\d{4}(?!\d)/gu, // dossier codes
  /(?<![\p{L}\p{N}.])[1-9]\d{0,2}(?:[.,]\d{3})+(?![.,]?\d)/gu, // 1.500.000 (đồng)
];

const ID_KEYWORD = /(?<![\p{L}])(?:cccd|cmnd|cmt|can cuoc(?: cong dan)?|(?:so )?dinh danh(?: ca nhan)?|ho chieu|chung minh(?: nhan dan| thu)?)(?:\s*(?:so|:|\.|#|no\.?))*\s*/gu;

const TITLES = ["ông", "ong", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "cháu", "thím", "mợ", "dì", "công dân", "người dân", "họ tên", "họ và tên", "tên"];
const TITLE = new RegExp(`(?<![\\p{L}])(?:${TITLES.join("|")})(?:\\s*:)?\\s+`, "gu");

// Family names, folded: the common Kinh ones and those of the north-west's Thái, Hmông, Mường, Dao.
const FAMILY_NAMES = new Set(
  (
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh truong mai cao lam luong trinh ha quach " +
    "lo cam quang tong vi lu sung giang thao mua vang nong be chu ta la lai kieu doan trieu dao chau to tang thai luu phung " +
    "khong tieu mac hua thach son giap kim lang bach tao ong nghiem an au"
  ).split(" "),
);
// Capitalised pairs starting with a family name that are places, not people.
const PLACES = new Set(["ha noi", "ha giang", "ha tinh", "ha nam", "ho chi minh", "hoang mai", "mai chau", "lai chau", "cao bang", "lang son", "son la", "vu ban", "to hieu"]);

const HOUSE = [
  /(?<![\p{L}])(?:so nha|nha so|nha|ngo|ngach|hem|kiet|can ho|phong|lo)\s*(?:so\s*)?\d+[a-z]?(?:\s*[/-]\s*\d+[a-z]?)*(?!\d)/gu,
  /(?<![\p{L}\p{N}/])(?:so\s*)?\d+[a-z]?(?:\/\d+[a-z]?)*,?\s+(?:duong|pho|ngo|ngach|hem|kiet|to|xom)(?![\p{L}])/gu,
];
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** Spans of the folded text, in the original's offsets. */
function spansOf(pattern: RegExp, folded: Folded | string, kind: Span["kind"], map?: Folded): Span[] {
  const text = typeof folded === "string" ? folded : folded.text;
  const m0 = map ?? (typeof folded === "string" ? undefined : folded);
  return [...text.matchAll(pattern)].flatMap((m) => (m[0].length === 0 ? [] : [toOriginal(m.index, m.index + m[0].length, kind, m0)]));
}

function toOriginal(start: number, end: number, kind: Span["kind"], map: Folded | undefined): Span {
  return map ? { start: map.from[start]!, end: map.to[end - 1]!, kind } : { start, end, kind };
}

const digitsOf = (text: string) => text.replace(/\D/g, "");

/** Whether a run of digits is personal: a phone number (0…, +84…) or a 9- or 12-digit ID. */
function isPersonalNumber(run: string): boolean {
  const digits = digitsOf(run);
  if (digits.startsWith("84") && (digits.length === 11 || digits.length === 12)) return true;
  if (digits.startsWith("0") && (digits.length === 10 || digits.length === 11)) return true;
  return digits.length === 12 || digits.length === 9;
}

function numberSpans(folded: Folded): Span[] {
  const text = folded.text;
  // Blank out what only looks like digits, so that no run can cross it.
  let scan = text;
  for (const pattern of NOT_PERSONAL) scan = scan.replace(pattern, (m) => "#".repeat(m.length));
  const spans = [...scan.matchAll(NUMBER_RUN)]
    .filter((m) => isPersonalNumber(m[0]))
    .map((m) => {
      // "(0912 345 678)": the bracket around the number is not part of it; "(091) 234-5678"'s is.
      const lead = /^\+?\(/.test(m[0]) && !m[0].includes(")") ? m[0].indexOf("(") + 1 : 0;
      return toOriginal(m.index + lead, m.index + m[0].length, "number", folded);
    });
  // After an ID keyword, any run of digits is an ID, however long or short.
  for (const m of text.matchAll(ID_KEYWORD)) {
    const at = m.index + m[0].length;
    const run = /^\d(?:[\s.\-/]{0,2}\d){3,}/.exec(text.slice(at));
    if (run) spans.push(toOriginal(at, at + run[0].length, "number", folded));
  }
  return spans;
}

function knownNameSpans(folded: Folded, names: ReadonlyArray<string | null>): Span[] {
  const forms = new Set<string>();
  for (const name of names) {
    const words = foldForSearch(name ?? "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (words.length === 0) continue;
    forms.add(words.map(escapeRegExp).join("[\\s.,]+"));
    // "Văn Tèo" for "Nguyễn Văn Tèo": the name without the family name is as telling.
    if (words.length >= 3) forms.add(words.slice(1).map(escapeRegExp).join("[\\s.,]+"));
  }
  if (forms.size === 0) return [];
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  return spansOf(new RegExp(`${WORD_BEFORE}(?:${sorted.join("|")})${WORD_AFTER}`, "gu"), folded, "name");
}

function knownNumberSpans(folded: Folded, numbers: ReadonlyArray<string | null>): Span[] {
  const forms = new Set<string>();
  for (const n of numbers) {
    const digits = digitsOf(foldDigits(n ?? ""));
    if (digits.length < 6) continue;
    forms.add(digits);
    if (digits.startsWith("84") && digits.length === 11) forms.add(`0${digits.slice(2)}`);
    if (digits.startsWith("0") && digits.length === 10) forms.add(`84${digits.slice(1)}`);
  }
  if (forms.size === 0) return [];
  const patterns = [...forms].sort((a, b) => b.length - a.length).map((d) => [...d].join(SEP));
  return spansOf(new RegExp(`(?<!\\p{N})\\+?(?:${patterns.join("|")})(?!\\p{N})`, "gu"), folded, "number");
}

function knownEmailSpans(folded: Folded, emails: ReadonlyArray<string | null>): Span[] {
  const forms = emails.map((e) => foldForSearch(e ?? "").trim()).filter((e) => e.length > 3);
  return forms.length === 0 ? [] : spansOf(new RegExp(forms.map(escapeRegExp).join("|"), "gu"), folded, "email");
}

/** Up to `max` capitalised words from `start` of the original, separated by spaces: where a guessed name ends. */
function capitalisedWordsFrom(original: string, start: number, max: number): { end: number; count: number } {
  const word = /[\p{L}\p{M}]+/uy;
  let end = start;
  let count = 0;
  let position = start;
  while (count < max) {
    word.lastIndex = position;
    const m = word.exec(original);
    if (!m || !/^\p{Lu}/u.test(m[0])) break;
    count += 1;
    end = m.index + m[0].length;
    const gap = /^[ \t\u00a0]+/.exec(original.slice(end));
    if (!gap) break;
    position = end + gap[0].length;
  }
  return { end, count };
}

function guessedNameSpans(original: string, folded: Folded, mode: RedactionOptions["guessNames"]): Span[] {
  const spans: Span[] = [];
  // Titles are matched with their accents ("cô", not "có"), in any case.
  const lowered = fold(original, true);
  for (const m of lowered.text.matchAll(TITLE)) {
    const start = lowered.to[m.index + m[0].length - 1]!;
    const { end, count } = capitalisedWordsFrom(original, start, 4);
    if (count >= 1) spans.push({ start, end, kind: "name" });
  }
  if (mode === "any") {
    for (const m of folded.text.matchAll(/(?<![\p{L}\p{N}])\p{L}+/gu)) {
      if (!FAMILY_NAMES.has(m[0])) continue;
      const start = folded.from[m.index]!;
      const { end, count } = capitalisedWordsFrom(original, start, 4);
      if (count < 2) continue;
      const words = foldForSearch(original.slice(start, end)).split(/\s+/);
      if ([...PLACES].some((p) => words.slice(0, p.split(" ").length).join(" ") === p)) continue;
      spans.push({ start, end, kind: "name" });
    }
  }
  return spans;
}

/** Overlapping spans: the earliest wins, then the longest. */
function resolve(spans: Span[]): Span[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of sorted) {
    const last = kept.at(-1);
    if (last && span.start < last.end) {
      if (span.end > last.end) last.end = span.end;
      continue;
    }
    kept.push({ ...span });
  }
  return kept;
}

function print(span: Span, original: string): string {
  switch (span.kind) {
    case "name":
      return maskPersonName(original);
    case "number":
      return maskNumber(original);
    case "email":
      return maskEmail(original);
    case "address":
      return original.replace(/\p{Nd}+/gu, "***");
  }
}

/** The text with the personal data found in it masked (names as initials, numbers as 09******78). */
export function redactPersonalData(text: string, known: KnownPersonalData, options: RedactionOptions): string {
  const original = text.normalize("NFC");
  const folded = fold(original);
  const spans = resolve([
    ...spansOf(EMAIL, folded, "email"),
    ...knownEmailSpans(folded, known.emails ?? []),
    ...knownNumberSpans(folded, known.numbers),
    ...numberSpans(folded),
    ...HOUSE.flatMap((p) => spansOf(p, folded, "address")),
    ...knownNameSpans(folded, known.names),
    ...guessedNameSpans(original, folded, options.guessNames),
  ]);
  if (spans.length === 0) return original;
  let out = "";
  let cursor = 0;
  for (const span of spans) {
    out += original.slice(cursor, span.start) + print(span, original.slice(span.start, span.end));
    cursor = span.end;
  }
  return out + original.slice(cursor);
}
