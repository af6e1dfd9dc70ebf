import { type Problem, envValueProblem, isEnvKey, textProblems } from "./text";

const INSTRUCTIONS = new Set([
  "FROM",
  "RUN",
  "CMD",
  "LABEL",
  "EXPOSE",
  "ENV",
  "ADD",
  "COPY",
  "ENTRYPOINT",
  "VOLUME",
  "USER",
  "WORKDIR",
  "ARG",
  "ONBUILD",
  "STOPSIGNAL",
  "HEALTHCHECK",
  "SHELL",
]);
const DURATION = /^(\d+(\.\d+)?(ms|s|m|h))+$/;

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** Instructions with their continuation lines joined; comments and parser directives dropped. */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending: Instruction | null = null;
  text.split("\n").forEach((raw, i) => {
    if (!pending && (raw.trim() === "" || raw.trimStart().startsWith("#"))) return;
    if (pending && raw.trimStart().startsWith("#")) return;
    const continued = /\\$/.test(raw);
    const body = continued ? raw.slice(0, -1) : raw;
    if (pending) pending.args = `${pending.args} ${body.trim()}`.trim();
    else {
      const m = /^\s*(\S+)\s*(.*)$/.exec(body);
      pending = { keyword: m?.[1] ?? "", args: (m?.[2] ?? "").trim(), line: i + 1 };
    }
    if (!continued) {
      out.push(pending);
      pending = null;
    }
  });
  if (pending) out.push(pending);
  return out;
}

function jsonArray(args: string): string[] | null {
  try {
    const v: unknown = JSON.parse(args);
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? v : null;
  } catch {
    return null;
  }
}

/** `A=1 B="two words"` into pairs; null when the text is not made of such pairs. */
export function envPairs(args: string): Array<[string, string]> | null {
  const pairs: Array<[string, string]> = [];
  const re = /\s*([A-Za-z_][A-Za-z0-9_]*)=("((?:[^"\\]|\\.)*)"|'([^']*)'|(\S*))/y;
  let rest = args.trim();
  while (rest.length) {
    re.lastIndex = 0;
    const m = re.exec(rest);
    if (!m) return null;
    pairs.push([m[1] as string, m[3] ?? m[4] ?? m[5] ?? ""]);
    rest = rest.slice(m[0].length).trimStart();
  }
  return pairs;
}

/**
 * A Dockerfile's instructions: known keywords in upper case, FROM first, exec forms that are JSON
 * arrays of strings, ENV names env.ts reads with values it accepts, ports and durations that
 * parse, COPY sources that exist and are not excluded from the build context.
 */
export function dockerfileProblems(
  file: string,
  text: string,
  ctx: { exists: (path: string) => boolean; ignored: (path: string) => boolean },
): Problem[] {
  const problems = textProblems(file, text);
  const instructions = parseDockerfile(text);
  const first = instructions.find((i) => i.keyword.toUpperCase() !== "ARG");
  if (first?.keyword.toUpperCase() !== "FROM")
    problems.push({ file, line: first?.line, message: "the first instruction (after ARG) must be FROM" });
  for (const { keyword, args, line } of instructions) {
    const at = { file, line };
    if (!INSTRUCTIONS.has(keyword.toUpperCase())) {
      problems.push({ ...at, message: `unknown instruction ${keyword}` });
      continue;
    }
    if (keyword !== keyword.toUpperCase()) problems.push({ ...at, message: `write ${keyword} in upper case` });
    if (!args) problems.push({ ...at, message: `${keyword} has no arguments` });
    const kw = keyword.toUpperCase();
    const execForm = (s: string) => {
      if (s.startsWith("[") && !jsonArray(s))
        problems.push({ ...at, message: `${kw}: exec form is not a JSON array of strings` });
    };
    if (kw === "CMD" || kw === "ENTRYPOINT" || kw === "SHELL" || kw === "VOLUME") execForm(args);
    if (kw === "ENV") {
      const pairs = envPairs(args);
      if (!pairs) problems.push({ ...at, message: "ENV: write KEY=value pairs" });
      for (const [key, value] of pairs ?? []) {
        if (!isEnvKey(key)) problems.push({ ...at, message: `ENV ${key} is not a variable env.ts reads` });
        else {
          const problem = envValueProblem(key, value);
          if (problem) problems.push({ ...at, message: problem });
        }
      }
    }
    if (kw === "EXPOSE")
      for (const port of args.split(/\s+/))
        if (!/^\d{1,5}(\/(tcp|udp))?$/.test(port) || Number.parseInt(port, 10) > 65535)
          problems.push({ ...at, message: `EXPOSE: not a port: ${port}` });
    if (kw === "WORKDIR" && !args.startsWith("/")) problems.push({ ...at, message: "WORKDIR: use an absolute path" });
    if (kw === "HEALTHCHECK") {
      const m = /^((?:--[a-z-]+=\S+\s+)*)(CMD\s+(.*)|NONE)$/.exec(args);
      if (!m) problems.push({ ...at, message: "HEALTHCHECK: expected [--option=value ...] CMD ... or NONE" });
      for (const opt of (m?.[1] ?? "").trim().split(/\s+/).filter(Boolean)) {
        const [name, value = ""] = opt.slice(2).split("=");
        if (!["interval", "timeout", "start-period", "start-interval", "retries"].includes(name ?? ""))
          problems.push({ ...at, message: `HEALTHCHECK: unknown option --${name}` });
        else if (name === "retries" ? !/^\d+$/.test(value) : !DURATION.test(value))
          problems.push({ ...at, message: `HEALTHCHECK: --${name}=${value} does not parse` });
      }
      if (m?.[3]) execForm(m[3]);
    }
    if (kw === "COPY" || kw === "ADD") {
      const words = args.split(/\s+/);
      if (words.some((w) => w.startsWith("--from="))) continue;
      const paths = words.filter((w) => !w.startsWith("--"));
      if (paths.length < 2) problems.push({ ...at, message: `${kw}: needs a source and a destination` });
      for (const src of paths.slice(0, -1)) {
        if (src === ".") continue;
        if (!ctx.exists(src)) problems.push({ ...at, message: `${kw}: ${src} does not exist` });
        else if (ctx.ignored(src)) problems.push({ ...at, message: `${kw}: ${src} is excluded by .dockerignore` });
      }
    }
  }
  return problems;
}
