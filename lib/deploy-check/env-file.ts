import { type Problem, envValueProblem, isEnvKey, textProblems } from "./text";

const ASSIGNMENT = /^(#\s?)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;

export interface EnvFileEntry {
  key: string;
  value: string;
  commented: boolean;
  line: number;
}

function unquote(raw: string): string {
  const m = /^"(.*)"$/.exec(raw) ?? /^'(.*)'$/.exec(raw);
  return m ? (m[1] ?? "") : raw;
}

export function parseEnvFile(text: string): EnvFileEntry[] {
  const entries: EnvFileEntry[] = [];
  text.split("\n").forEach((line, i) => {
    const m = ASSIGNMENT.exec(line);
    if (m) entries.push({ key: m[2] as string, value: unquote(m[3] ?? ""), commented: Boolean(m[1]), line: i + 1 });
  });
  return entries;
}

/**
 * An environment example (`KEY=value`, or `# KEY=value` for an optional one): every key is one
 * env.ts reads (or one `extraKeys` names, with its reason), written without spaces around `=`, and
 * every value given is one env.ts accepts. Lines that are neither blank, comments nor assignments fail.
 */
export function envFileProblems(file: string, text: string, extraKeys: ReadonlySet<string> = new Set()): Problem[] {
  const problems = textProblems(file, text);
  const active = new Map<string, number>();
  text.split("\n").forEach((line, i) => {
    const at = { file, line: i + 1 };
    if (!line.trim() || (line.startsWith("#") && !ASSIGNMENT.test(line))) return;
    const m = ASSIGNMENT.exec(line);
    if (!m) {
      problems.push({ ...at, message: `not KEY=value: ${JSON.stringify(line)}` });
      return;
    }
    const [, commented, key = "", raw = ""] = m;
    if (!commented) {
      if (active.has(key)) problems.push({ ...at, message: `${key} is set twice (first on line ${active.get(key)})` });
      active.set(key, i + 1);
    }
    if (!isEnvKey(key)) {
      if (!extraKeys.has(key)) problems.push({ ...at, message: `${key} is not a variable env.ts reads` });
      return;
    }
    if (/^\s|\s$/.test(raw)) problems.push({ ...at, message: `${key}: whitespace around its value` });
    const problem = envValueProblem(key, unquote(raw));
    if (problem) problems.push({ ...at, message: problem });
  });
  return problems;
}
