import { en } from "./en";
import type { Messages } from "./format";
import type { Language } from "./language";
import { vi } from "./vi";

/**
 * Both languages' catalogues, for the server only (`.server`: the client build refuses it). The browser
 * downloads the page's language alone, in its own chunk (`loadCatalogue` in ./messages).
 */
export const CATALOGUES: Record<Language, Messages> = { vi, en };
