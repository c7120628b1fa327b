import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const FONT = {
  regular: "NotoSans-Regular",
  bold: "NotoSans-Bold",
  italic: "NotoSans-Italic",
} as const;

export type FontName = (typeof FONT)[keyof typeof FONT];

// Resolved through the package, not a relative path, so the Vite-built server
// (where this module lives in build/server) still finds the files in node_modules.
const FONT_FILES: Record<FontName, string> = {
  [FONT.regular]: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  [FONT.bold]: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  [FONT.italic]: "@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf",
};

const require = createRequire(import.meta.url);
const fontCache = new Map<FontName, Buffer>();

export function resolveFontPath(name: FontName): string {
  return require.resolve(FONT_FILES[name]);
}

export function loadFont(name: FontName): Buffer {
  let data = fontCache.get(name);
  if (!data) {
    data = readFileSync(resolveFontPath(name));
    fontCache.set(name, data);
  }
  return data;
}

export function registerReportFonts(doc: PDFKit.PDFDocument): void {
  for (const name of Object.values(FONT)) {
    doc.registerFont(name, loadFont(name));
    doc.font(name);
    keepPrecomposedGlyphs(doc);
  }
  doc.font(FONT.regular);
}

type LayoutFeatures = string[] | Record<string, boolean> | undefined;

interface FontkitLayout {
  layout(text: string, features?: LayoutFeatures, ...rest: unknown[]): unknown;
}

/**
 * Noto Sans' `ccmp` feature splits ạ ẹ ị ọ ụ ỵ into base letter + combining dot below.
 * pdfkit maps each glyph to the characters of its first use only, so after that split
 * "tục" extracts as "tuc" and a later plain "u" can extract as "ụ". The font has
 * precomposed glyphs for every Vietnamese letter, so turning `ccmp` off loses nothing.
 * This reaches into pdfkit's current font (`_font.font`, the fontkit font); pdfkit is
 * pinned and tests/unit/reports cover the extraction.
 */
function keepPrecomposedGlyphs(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as { _font?: { font?: FontkitLayout } })._font?.font;
  if (!font || typeof font.layout !== "function") {
    throw new Error("pdfkit internals changed: cannot reach the fontkit font to turn off ccmp");
  }
  const layout = font.layout.bind(font);
  font.layout = (text, features, ...rest) => layout(withFallbacks(text), withoutCcmp(features), ...rest);
}

/**
 * Signs Noto Sans has no glyph for (it would print an empty box), spelled with ones it has.
 * pdfkit measures and draws from the same layout call, so wrapping stays right.
 */
export const GLYPH_FALLBACKS: Readonly<Record<string, string>> = {
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "→": "->",
  "←": "<-",
};

const FALLBACK_PATTERN = new RegExp(`[${Object.keys(GLYPH_FALLBACKS).join("")}]`, "gu");

export function withFallbacks(text: string): string {
  return text.replace(FALLBACK_PATTERN, (sign) => GLYPH_FALLBACKS[sign] ?? sign);
}

function withoutCcmp(features: LayoutFeatures): Record<string, boolean> {
  if (Array.isArray(features)) {
    return { ...Object.fromEntries(features.map((tag) => [tag, true])), ccmp: false };
  }
  return { ...features, ccmp: false };
}
