import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, sniffAttachmentType } from "~/domain/feedback/attachments";

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

/** A complete 1×1 PNG, as an image editor writes it. */
const PNG_1x1 = new Uint8Array(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
);
/** The start of a JFIF JPEG (SOI, APP0 "JFIF"). */
const JPEG_JFIF = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF", [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
/** The start of an EXIF JPEG, as a phone camera writes it (SOI, APP1 "Exif"). */
const JPEG_EXIF = bytes([0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34], "Exif", [0x00, 0x00, 0x4d, 0x4d]);
/** RIFF, little-endian size, WEBP, then a VP8 chunk. */
const WEBP = bytes("RIFF", [0x24, 0x00, 0x00, 0x00], "WEBPVP8 ", [0x18, 0x00, 0x00, 0x00, 0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a]);
const PDF = bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");

describe("sniffAttachmentType accepts", () => {
  it.each([
    ["a PNG", PNG_1x1, { mime: "image/png", extension: "png" }],
    ["a JFIF JPEG", JPEG_JFIF, { mime: "image/jpeg", extension: "jpg" }],
    ["an EXIF JPEG", JPEG_EXIF, { mime: "image/jpeg", extension: "jpg" }],
    ["a WebP", WEBP, { mime: "image/webp", extension: "webp" }],
    ["a PDF", PDF, { mime: "application/pdf", extension: "pdf" }],
    ["a PDF 1.4 header alone", bytes("%PDF-1.4"), { mime: "application/pdf", extension: "pdf" }],
  ])("%s", (_name, content, type) => {
    expect(sniffAttachmentType(content)).toEqual(type);
  });
});

describe("sniffAttachmentType refuses", () => {
  it.each([
    ["a GIF", bytes("GIF89a", [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00])],
    ["an old GIF", bytes("GIF87a", [0x01, 0x00, 0x01, 0x00])],
    ["a ZIP (and so a .docx or .xlsx)", bytes("PK", [0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00])],
    ["plain text a citizen named photo.png", bytes("Day la anh chup giay to cua toi\n")],
    ["an HTML page", bytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")],
    ["an SVG image (can carry script)", bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["a Windows executable", bytes("MZ", [0x90, 0x00, 0x03, 0x00])],
    ["a WAV file (RIFF but not WEBP)", bytes("RIFF", [0x24, 0x00, 0x00, 0x00], "WAVEfmt ")],
    ["a BMP", bytes("BM", [0x3a, 0x00, 0x00, 0x00])],
    ["a PNG signature with one byte changed", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b])],
    ["%PDF without the dash", bytes("%PDF 1.7")],
    ["a PDF signature not at the start", bytes(" %PDF-1.7")],
    ["nothing at all", new Uint8Array(0)],
    // Truncated signatures: what a file cut short, or a crafted prefix, looks like.
    ["a truncated JPEG signature", bytes([0xff, 0xd8])],
    ["a truncated PNG signature", PNG_1x1.slice(0, 7)],
    ["a truncated WebP header", WEBP.slice(0, 11)],
    ["RIFF alone", bytes("RIFF")],
    ["a truncated PDF signature", bytes("%PDF")],
  ])("%s", (_name, content) => {
    expect(sniffAttachmentType(content)).toBeNull();
  });
});

describe("limits", () => {
  it("are three files of at most 5 MB", () => {
    expect(MAX_ATTACHMENTS).toBe(3);
    expect(MAX_ATTACHMENT_BYTES).toBe(5 * 1024 * 1024);
  });
});
