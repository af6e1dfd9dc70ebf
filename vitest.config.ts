import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server environment; tests run server code directly.
      "server-only": fileURLToPath(new URL("./test/support/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "test/**/*.test.ts", "inngest/**/*.test.ts", "prisma/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
    // inlined, it goes through Vite's resolver like our own code.
    server: { deps: { inline: ["next-auth"] } },
    // A fixed secret, so tests never write one into the working tree's data directory.
    env: { AUTH_SECRET: "vitest-auth-secret-not-for-production" },
  },
});
