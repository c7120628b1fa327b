import { fileURLToPath } from "node:url";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export const alias = {
  "~": fileURLToPath(new URL("./app", import.meta.url)),
  "#db": fileURLToPath(new URL("./db", import.meta.url)),
  "#reports": fileURLToPath(new URL("./reports", import.meta.url)),
};

/**
 * Each language's catalogue in a browser chunk of its own. An area file holds both languages
 * (`feedbackVi` and `feedbackEn` side by side), and Rollup places a module in one chunk, so
 * app/i18n/vi.ts and en.ts would share one chunk with every area in both languages. Imported from
 * vi.ts as `areas/feedback.ts?lang=vi`, an area is a module of its own for that language, and
 * tree-shaking keeps only that language's half.
 */
function catalogueChunkPerLanguage(): Plugin {
  const catalogue = /[\\/]app[\\/]i18n[\\/](vi|en)\.ts$/;
  return {
    name: "motcua:catalogue-chunk-per-language",
    enforce: "pre",
    async resolveId(source, importer, options) {
      const language = importer ? catalogue.exec(importer)?.[1] : undefined;
      if (!language || !source.startsWith("./areas/")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && { ...resolved, id: `${resolved.id}?lang=${language}` };
    },
  };
}

export default defineConfig({
  resolve: { alias },
  server: { port: 3000 },
  plugins: [
    catalogueChunkPerLanguage(),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
        unstable_optimizeDeps: true,
      },
    }),
  ],
});
