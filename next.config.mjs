// Importing env.ts validates configuration, so a wrong value fails the build and the start
// with a message naming the variable. next is always launched with tsx's loader
// (scripts/start.ts, `npm run build`), which is what lets this file import TypeScript.
await import("./env.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with WebAssembly or native parts stay outside the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@prisma/schema-engine-wasm", "pg", "prom-client"],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
