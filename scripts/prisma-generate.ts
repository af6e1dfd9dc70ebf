import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * `prisma generate` refuses to start unless it can find a native schema engine, which cannot be
 * downloaded here; generate itself never uses it. Point it at any existing file.
 * (Migrations run on the wasm engine instead: see lib/db/schema-engine.ts.)
 */
const placeholder = process.execPath;
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: existsSync(placeholder) ? placeholder : "/bin/true",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
