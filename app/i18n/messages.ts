import { useSyncExternalStore } from "react";
import type { MessageKey, Messages } from "./format";
import type { Language } from "./language";

// The catalogues at hand in this process. The server provides both at start (entry.server.tsx); the
// browser loads the page's language before hydrating (entry.client.tsx), each language in a chunk
// of its own, and the other one only if the visitor switches.
const catalogues: Partial<Record<Language, Messages>> = {};
const listeners = new Set<() => void>();
let version = 0;

export function provideCatalogue(language: Language, messages: Messages): void {
  catalogues[language] = messages;
  version += 1;
  for (const listener of listeners) listener();
}

export function loadCatalogue(language: Language): Promise<Messages> {
  const loaded = catalogues[language];
  if (loaded) return Promise.resolve(loaded);
  const pending = language === "en" ? import("./en").then((m) => m.en) : import("./vi").then((m) => m.vi);
  return pending.then((messages) => {
    provideCatalogue(language, messages);
    return messages;
  });
}

/**
 * The language's catalogue; while it is still loading (the language changed in this browser without
 * the switch, e.g. in another tab), the one at hand, until `useMessages` re-renders with the right one.
 */
export function messagesFor(language: Language): Messages {
  const messages = catalogues[language];
  if (messages) return messages;
  loadCatalogue(language).catch((error: unknown) => console.error(error));
  const fallback = catalogues.vi ?? catalogues.en;
  if (!fallback) throw new Error(`No message catalogue loaded (wanted "${language}")`);
  return fallback;
}

/** `messagesFor`, re-rendering once a catalogue that was loading arrives. */
export function useMessages(language: Language): Messages {
  useSyncExternalStore(subscribe, currentVersion, currentVersion);
  return messagesFor(language);
}

/** Whether `value` is a message key (every catalogue has every key, so any one at hand tells). */
export function isMessageKey(value: string): value is MessageKey {
  const messages = catalogues.vi ?? catalogues.en;
  return messages !== undefined && Object.hasOwn(messages, value);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function currentVersion(): number {
  return version;
}
