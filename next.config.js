/** Embeds, the one kind of page other sites may frame: `/p/<slug>/embed` (a fact-check) and `/p/<slug>/embed/<claim id>`. */
const EMBED_PATHS = ["/p/:slug/embed", "/p/:slug/embed/:claimId"];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "nodemailer"],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        // Every page but an embed refuses to be framed (clickjacking).
        source: "/:path((?!p/[^/]+/embed(?:/|$)).*)",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
        ],
      },
      ...EMBED_PATHS.map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }] })),
    ];
  },
};

export default nextConfig;
