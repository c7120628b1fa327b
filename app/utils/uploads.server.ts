import { createHash, randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { dataDir } from "./env.server";

/** Uploaded files live in the data folder (beside a SQLite database), outside anything the web server serves. */
export function uploadsFolder(): string {
  return join(dataDir(), "uploads");
}

export interface StoredFile {
  storedName: string;
  sha256: string;
  size: number;
}

/** Writes the bytes under a random name (the original name is never used on disk). */
export async function storeUpload(bytes: Uint8Array, extension: string): Promise<StoredFile> {
  const folder = uploadsFolder();
  await mkdir(folder, { recursive: true });
  const storedName = `${randomBytes(16).toString("hex")}.${extension}`;
  await writeFile(join(folder, storedName), bytes, { flag: "wx", mode: 0o600 });
  return { storedName, sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.byteLength };
}

export async function removeUploads(names: readonly string[]): Promise<void> {
  await Promise.all(names.map((n) => rm(join(uploadsFolder(), n), { force: true })));
}

export function uploadPath(storedName: string): string {
  if (!/^[0-9a-f]{32}\.(jpg|png|webp|pdf)$/.test(storedName)) throw new Error("Invalid stored file name");
  return join(uploadsFolder(), storedName);
}
