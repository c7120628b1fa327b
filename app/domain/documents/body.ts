/**
 * A document body as stored: Unicode NFC (a decomposed "ệ" typed on some keyboards would
 * otherwise differ from the composed one, and its marks drift in the browser), LF line
 * ends, and exactly one final newline, so saving a body untouched changes no line.
 */
export function normalizeDocumentBody(text: string): string {
  const body = text.normalize("NFC").replace(/\r\n?/g, "\n").trimEnd();
  return body === "" ? "" : `${body}\n`;
}
