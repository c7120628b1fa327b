/** The site icon: a yellow star on the commune's red. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#a31f1a"/><path d="M16 6l2.6 6.9 7.4.3-5.8 4.6 2 7.2L16 20.9 9.8 25l2-7.2L6 13.2l7.4-.3z" fill="#ffd54f"/></svg>';

export const FAVICON_DATA_URI = `data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}`;
