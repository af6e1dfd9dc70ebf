import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  composeProblems,
  dockerfileProblems,
  dockerignore,
  envFileProblems,
  parseEnvFile,
  textProblems,
} from "@/lib/deploy-check";

/**
 * Every deploy file in the repository, checked as strictly as the tools that read them would,
 * and more: a stray space or a misspelt variable fails here, not in production.
 */
const root = process.cwd();
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const exists = (file: string) => existsSync(path.join(root, file));

/** Variables only docker compose reads (the app never does), each with its reason. */
const COMPOSE_ONLY = new Set([
  // The PostgreSQL image's password; the app's DATABASE_URL is built from it.
  "POSTGRES_PASSWORD",
]);
/** What the third-party images in docker-compose.yml read from their environment. */
const IMAGE_VARIABLES = {
  postgres: ["POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"],
  "inngest/inngest": ["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"],
};

const fleetEnv = read("deploy/fleet.env.example");

describe("deploy files", () => {
  it("environment examples name only variables env.ts reads, with values it accepts", () => {
    expect(envFileProblems(".env.example", read(".env.example"))).toEqual([]);
    expect(envFileProblems("deploy/fleet.env.example", fleetEnv, COMPOSE_ONLY)).toEqual([]);
  });

  it("docker-compose.yml is strict YAML and a consistent fleet", () => {
    const variables = new Map(parseEnvFile(fleetEnv).map((e) => [e.key, e.value]));
    const problems = composeProblems("docker-compose.yml", read("docker-compose.yml"), {
      variables,
      imageVariables: IMAGE_VARIABLES,
      exists,
    });
    expect(problems).toEqual([]);
  });

  it("the Dockerfile's instructions parse, name env.ts variables and copy what exists", () => {
    const ignored = dockerignore(read(".dockerignore"));
    expect(dockerfileProblems("Dockerfile", read("Dockerfile"), { exists, ignored })).toEqual([]);
    // What the image builds from must reach the build context.
    for (const needed of ["package.json", "package-lock.json", "prisma", "scripts", "app", "lib", "env.ts"])
      expect(ignored(needed), needed).toBe(false);
    for (const secret of ["deploy/fleet.env", ".env", "node_modules", ".data"])
      expect(ignored(secret), secret).toBe(true);
  });

  it("other deploy files have no invisible whitespace problems", () => {
    for (const file of [".dockerignore", "deploy/postgres/init.sql", "docs/deploy.md"])
      expect(textProblems(file, read(file)), file).toEqual([]);
  });
});
