import { FAVICON_SVG } from "~/utils/favicon";

/**
 * Pages link their icon inline; a browser showing a PDF or an image has no page to read and asks
 * for /favicon.ico, which would otherwise answer 404. Browsers go by the content type, not the name.
 */
export function loader() {
  return new Response(FAVICON_SVG, {
    headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" },
  });
}
