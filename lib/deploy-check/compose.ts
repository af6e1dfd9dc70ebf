import { parseDocument } from "yaml";
import { type Problem, envValueProblem, isEnvKey, textProblems } from "./text";

const TOP = new Set(["name", "services", "volumes", "networks", "configs", "secrets"]);
const SERVICE_KEYS = new Set(
  (
    "build image command entrypoint environment env_file ports expose volumes depends_on healthcheck restart init " +
    "deploy networks labels user working_dir extra_hosts stop_grace_period stop_signal ulimits logging profiles " +
    "container_name hostname secrets configs tmpfs cap_add cap_drop read_only shm_size sysctls platform pull_policy " +
    "mem_limit cpus"
  ).split(" "),
);
const RESTART = /^(no|always|on-failure(:\d+)?|unless-stopped)$/;
const PORT = /^((\d{1,3}\.){3}\d{1,3}:)?(\d{1,5}(-\d{1,5})?:)?\d{1,5}(-\d{1,5})?(\/(tcp|udp))?$/;
const DURATION = /^(\d+(\.\d+)?(us|ms|s|m|h))+$/;
const INTERPOLATION = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}/g;
const CONDITIONS = new Set(["service_started", "service_healthy", "service_completed_successfully"]);

export interface ComposeContext {
  /** Variables the compose file may interpolate, with the example value the env file gives. */
  variables: ReadonlyMap<string, string>;
  /** Environment names a third-party image reads, per image name (without tag). */
  imageVariables: Readonly<Record<string, readonly string[]>>;
  exists: (path: string) => boolean;
}

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/**
 * Interpolates as compose would with the env example's values; a required variable the example
 * leaves empty (a secret the operator must fill in) stands in as what `openssl rand -hex 32` makes.
 */
export function interpolate(value: string, vars: ReadonlyMap<string, string>): string {
  return value.replace(INTERPOLATION, (_, name: string, op?: string, arg?: string) => {
    const given = vars.get(name) ?? "";
    if (op === ":-" || op === "-") return given || (arg ?? "");
    if (op === ":+" || op === "+") return given ? (arg ?? "") : "";
    return given || "0a".repeat(32);
  });
}

/**
 * A compose file, strictly: valid YAML with unique keys, known top-level and service keys, every
 * command and healthcheck a list of strings, ports, durations and restart policies that parse,
 * depends_on naming real services, bind mounts that exist, every interpolated variable defined in
 * the env example, and for the services that run our image every environment name one env.ts
 * reads, with a value (after interpolation) it accepts.
 */
export function composeProblems(file: string, text: string, ctx: ComposeContext): Problem[] {
  const problems = textProblems(file, text);
  const doc = parseDocument(text, { merge: true, strict: true, uniqueKeys: true, prettyErrors: true });
  for (const e of [...doc.errors, ...doc.warnings])
    problems.push({ file, line: e.linePos?.[0]?.line, message: `YAML: ${e.message.split("\n")[0]}` });
  if (doc.errors.length) return problems;
  for (const m of text.matchAll(INTERPOLATION))
    if (!ctx.variables.has(m[1] as string))
      problems.push({ file, message: `\${${m[1]}} is not defined in the env example` });

  const root: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!isMap(root) || !isMap(root.services)) return [...problems, { file, message: "no services" }];
  for (const key of Object.keys(root))
    if (!TOP.has(key) && !key.startsWith("x-")) problems.push({ file, message: `unknown top-level key ${key}` });
  const services = root.services;
  const volumes = isMap(root.volumes) ? Object.keys(root.volumes) : [];

  for (const [name, raw] of Object.entries(services)) {
    const p = (message: string) => problems.push({ file, message: `services.${name}: ${message}` });
    if (!isMap(raw)) {
      p("is not a mapping");
      continue;
    }
    for (const key of Object.keys(raw)) if (!SERVICE_KEYS.has(key)) p(`unknown key ${key}`);
    if (!raw.image && !raw.build) p("has neither image nor build");
    for (const key of ["command", "entrypoint"])
      if (raw[key] !== undefined && typeof raw[key] !== "string" && !isStrings(raw[key]))
        p(`${key} must be a string or a list of strings`);
    if (raw.restart !== undefined && !RESTART.test(String(raw.restart))) p(`restart: ${String(raw.restart)}`);
    if (raw.ports !== undefined)
      for (const port of Array.isArray(raw.ports) ? raw.ports : [raw.ports])
        if (typeof port !== "string" || !PORT.test(port)) p(`ports: ${JSON.stringify(port)} (quote ports as strings)`);
    if (isMap(raw.healthcheck)) {
      const hc = raw.healthcheck;
      const test = hc.test;
      if (!(typeof test === "string" || (isStrings(test) && ["CMD", "CMD-SHELL", "NONE"].includes(test[0] ?? ""))))
        p("healthcheck.test must be a string, or a list of strings starting with CMD, CMD-SHELL or NONE");
      for (const key of ["interval", "timeout", "start_period", "start_interval"])
        if (hc[key] !== undefined && !DURATION.test(String(hc[key]))) p(`healthcheck.${key}: ${String(hc[key])}`);
    }
    const deps = Array.isArray(raw.depends_on)
      ? raw.depends_on
      : isMap(raw.depends_on)
        ? Object.keys(raw.depends_on)
        : [];
    for (const dep of deps)
      if (typeof dep !== "string" || !(dep in services)) p(`depends_on: no service ${String(dep)}`);
    if (isMap(raw.depends_on))
      for (const [dep, cond] of Object.entries(raw.depends_on))
        if (!isMap(cond) || !CONDITIONS.has(String(cond.condition))) p(`depends_on.${dep}: unknown condition`);
    for (const v of Array.isArray(raw.volumes) ? raw.volumes : []) {
      const source = typeof v === "string" ? (v.split(":")[0] ?? "") : "";
      if (typeof v !== "string") p("volumes: use the short form source:target[:ro]");
      else if (source.startsWith(".") || source.startsWith("/")) {
        if (source.startsWith(".") && !ctx.exists(source)) p(`volumes: ${source} does not exist`);
      } else if (!volumes.includes(source)) p(`volumes: ${source} is not declared under top-level volumes`);
    }

    const env = raw.environment;
    const pairs: Array<[string, unknown]> = isMap(env)
      ? Object.entries(env)
      : isStrings(env)
        ? env.map((e) => [e.split("=")[0] ?? "", e.includes("=") ? e.slice(e.indexOf("=") + 1) : undefined])
        : [];
    if (env !== undefined && !isMap(env) && !isStrings(env)) p("environment must be a mapping or a list of KEY=value");
    const ours = Boolean(raw.build);
    const image = typeof raw.image === "string" ? raw.image.replace(/:[^/]*$/, "") : "";
    for (const [key, value] of pairs) {
      if (value !== undefined && value !== null && typeof value !== "string")
        p(`environment.${key}: quote the value (${JSON.stringify(value)} is not a string)`);
      if (ours) {
        if (!isEnvKey(key)) p(`environment.${key} is not a variable env.ts reads`);
        else if (typeof value === "string") {
          const problem = envValueProblem(key, interpolate(value, ctx.variables));
          if (problem) p(`environment: ${problem}`);
        }
      } else if (!(ctx.imageVariables[image] ?? []).includes(key)) {
        p(`environment.${key} is not a variable ${image || "this image"} is known to read`);
      }
    }
  }
  return problems;
}
