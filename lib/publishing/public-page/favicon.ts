/**
 * The app's icon (app/icon.svg, compacted; favicon.test.ts keeps them the same) as a data: URI for the
 * public pages: they are standalone documents whose CSP allows images only from data: (headers.ts),
 * and a reader may save one and open it offline.
 */
export const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><title>Claimdesk</title><rect width="32" height="32" rx="7" fill="#1f4fd1"/><g fill="none" stroke="#fff" stroke-linecap="round" stroke-linejoin="round"><circle cx="13.5" cy="13.5" r="7.5" stroke-width="2.6"/><path d="M19.2 19.2 25.5 25.5" stroke-width="3.6"/><path d="M9.9 13.8l2.5 2.5 4.8-5" stroke-width="2.3"/></g></svg>';

export const FAVICON_DATA_URI = `data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}`;
