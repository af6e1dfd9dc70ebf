import { describe, expect, it } from "vitest";
import { composeProblems, dockerfileProblems, dockerignore, envFileProblems } from "@/lib/deploy-check";

const messages = (problems: Array<{ message: string; line?: number }>) => problems.map((p) => p.message);
const ctx = {
  variables: new Map([["SECRET", ""]]),
  imageVariables: { postgres: ["POSTGRES_PASSWORD"] },
  exists: (p: string) => p === "./init.sql" || p === "package.json",
};

const compose = (services: string) => `services:\n${services}`;

describe("compose checks", () => {
  it("accepts a good file", () => {
    const good = compose(`  app:
    build: .
    environment:
      LOG_FORMAT: json
      AUTH_SECRET: \${SECRET:?set it}
    healthcheck:
      test: ["CMD", "node", "-e", "process.exit(0)"]
      interval: 30s
    ports:
      - "3000:3000"
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:17
    environment:
      POSTGRES_PASSWORD: \${SECRET:?set it}
    volumes:
      - data:/var/lib/postgresql/data
      - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro
volumes:
  data:
`);
    expect(composeProblems("c.yml", good, ctx)).toEqual([]);
  });

  it("catches an unquoted colon that turns a health check command into a mapping", () => {
    const broken = compose(`  app:
    build: .
    healthcheck:
      test:
        - CMD
        - fetch(url).then((r) => process.exit(r.ok ? 0 : 1))
`);
    expect(messages(composeProblems("c.yml", broken, ctx))).toEqual([
      "services.app: healthcheck.test must be a string, or a list of strings starting with CMD, CMD-SHELL or NONE",
    ]);
  });

  it("catches stray whitespace, tabs, duplicate and misspelt keys", () => {
    expect(messages(composeProblems("c.yml", compose("  app:\n    build: . \n"), ctx))).toEqual([
      "trailing whitespace",
    ]);
    expect(messages(composeProblems("c.yml", compose("  app:\n\tbuild: .\n"), ctx))).toContain("a tab character");
    const dup = composeProblems("c.yml", compose("  app:\n    build: .\n    build: ..\n"), ctx);
    expect(messages(dup).some((m) => /^YAML: Map keys must be unique/.test(m))).toBe(true);
    expect(messages(composeProblems("c.yml", compose("  app:\n    build: .\n    enviroment: {}\n"), ctx))).toEqual([
      "services.app: unknown key enviroment",
    ]);
  });

  it("checks our services' variables and values against env.ts, and every interpolation", () => {
    const env = compose(`  app:
    build: .
    environment:
      DATABSE_URL: postgresql://db/x
      LOG_FORMAT: "json "
      DATABASE_POOL_MAX: "ten"
      PORT: 3000
      APP_URL: \${PUBLIC_URL}
  db:
    image: postgres:17
    environment:
      POSTGRES_PASWORD: x
`);
    expect(messages(composeProblems("c.yml", env, ctx))).toEqual([
      "${PUBLIC_URL} is not defined in the env example",
      "services.app: environment.DATABSE_URL is not a variable env.ts reads",
      "services.app: environment: LOG_FORMAT has leading or trailing whitespace in its value",
      "services.app: environment: DATABASE_POOL_MAX=ten is refused by env.ts: must be a number",
      "services.app: environment.PORT: quote the value (3000 is not a string)",
      "services.app: environment: APP_URL=0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a is refused by env.ts: Invalid URL",
      "services.db: environment.POSTGRES_PASWORD is not a variable postgres is known to read",
    ]);
  });

  it("checks ports, dependencies, restart policies and mounts", () => {
    const bad = compose(`  app:
    build: .
    restart: sometimes
    ports:
      - 3000
    depends_on:
      - cache
    volumes:
      - ./missing.sql:/x
      - undeclared:/y
`);
    expect(messages(composeProblems("c.yml", bad, ctx))).toEqual([
      "services.app: restart: sometimes",
      "services.app: ports: 3000 (quote ports as strings)",
      "services.app: depends_on: no service cache",
      "services.app: volumes: ./missing.sql does not exist",
      "services.app: volumes: undeclared is not declared under top-level volumes",
    ]);
  });
});

describe("Dockerfile checks", () => {
  const file = (body: string) => `FROM node:20\n${body}\n`;
  const check = (text: string) =>
    messages(dockerfileProblems("Dockerfile", text, { exists: ctx.exists, ignored: dockerignore("node_modules\n") }));

  it("accepts good instructions with continuations", () => {
    expect(
      check(
        file(`WORKDIR /app
COPY package.json ./
ENV NODE_ENV=production \\
    PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=30s --retries=3 CMD ["node", "-e", "1"]
CMD ["node", "server.js"]`),
      ),
    ).toEqual([]);
  });

  it("catches unknown or lower-case instructions, broken exec forms, and bad options", () => {
    expect(
      check(
        file(`run npm ci
COPPY . .
CMD ["node" "server.js"]
HEALTHCHECK --interval=30 CMD ["node"]
EXPOSE 99999
WORKDIR app`),
      ),
    ).toEqual([
      "write run in upper case",
      "unknown instruction COPPY",
      "CMD: exec form is not a JSON array of strings",
      "HEALTHCHECK: --interval=30 does not parse",
      "EXPOSE: not a port: 99999",
      "WORKDIR: use an absolute path",
    ]);
  });

  it("checks ENV against env.ts and COPY sources against the build context", () => {
    expect(check(file(`ENV PORT=abc LOG_LEVEL=verbose FOO=1\nCOPY missing.txt node_modules /app/`))).toEqual([
      "PORT=abc is refused by env.ts: must be a number",
      'LOG_LEVEL=verbose is refused by env.ts: Invalid option: expected one of "debug"|"info"|"warn"|"error"',
      "ENV FOO is not a variable env.ts reads",
      "COPY: missing.txt does not exist",
      "COPY: node_modules does not exist",
    ]);
    expect(check("RUN echo\n")).toEqual(["the first instruction (after ARG) must be FROM"]);
  });
});

describe("env example checks", () => {
  it("accepts set and commented assignments of env.ts variables", () => {
    expect(envFileProblems(".env", "# A comment.\nPORT=3000\n# LOG_LEVEL=debug\nAPP_URL=\n")).toEqual([]);
  });

  it("catches spaces around =, unknown names, refused values, duplicates and compose-only names", () => {
    const text =
      "PORT = 3000\nDATABSE_URL=postgresql://x/y\nLOG_LEVEL=verbose\nPORT=1\nPORT=2\nPOSTGRES_PASSWORD=x\nHOSTNAME=a \n";
    expect(messages(envFileProblems(".env", text))).toEqual([
      "trailing whitespace",
      'not KEY=value: "PORT = 3000"',
      "DATABSE_URL is not a variable env.ts reads",
      'LOG_LEVEL=verbose is refused by env.ts: Invalid option: expected one of "debug"|"info"|"warn"|"error"',
      "PORT is set twice (first on line 4)",
      "POSTGRES_PASSWORD is not a variable env.ts reads",
      "HOSTNAME: whitespace around its value",
      "HOSTNAME has leading or trailing whitespace in its value",
    ]);
    expect(envFileProblems(".env", "POSTGRES_PASSWORD=x\n", new Set(["POSTGRES_PASSWORD"]))).toEqual([]);
  });
});
