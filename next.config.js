// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets parallel checkouts/test runs build side by side (default .next).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // better-sqlite3 is a native addon and @node-rs/argon2 ships platform binaries: load them from node_modules at run time.
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'playwright-core'],
  poweredByHeader: false,
  // Browser source maps only on request, for `npm run bench:bundle -- --attribute …` (bench/bundle-size.ts).
  productionBrowserSourceMaps: process.env.BUNDLE_SOURCE_MAPS === '1',
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // The proxy sees pages (and API paths holding a "%"); Next.js buffers the body of such requests
    // up to this size. Pages take no large bodies (the app has no server actions), so 1 MB, not 10.
    proxyClientMaxBodySize: '1mb',
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
      {
        // The publish dialog may frame the preview of the public page (same origin only; its CSP says
        // frame-ancestors 'self', lib/publishing/public-page/headers.ts). A later entry's value wins.
        source: '/api/articles/:articleId/publication/preview',
        headers: [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }],
      },
    ];
  },
};

module.exports = nextConfig;
