// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets parallel checkouts/test runs build side by side (default .next).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // better-sqlite3 is a native addon and @node-rs/argon2 ships platform binaries: load them from node_modules at run time.
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'playwright-core'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
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
    ];
  },
};

module.exports = nextConfig;
