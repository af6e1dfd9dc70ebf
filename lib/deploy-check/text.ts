import { serverSchema } from "@/env";

export interface Problem {
  file: string;
  line?: number;
  message: string;
}

const INVISIBLE = /[\u00a0\u200b\u200c\u200d\u2060\ufeff]/;

/**
 * Whitespace that a reader cannot see and a parser may not forgive: trailing spaces, tabs, CRLF,
 * non-breaking or zero-width spaces, a missing final newline.
 */
export function textProblems(file: string, text: string, opts: { tabs?: boolean } = {}): Problem[] {
  const problems: Problem[] = [];
  if (text.includes("\r")) problems.push({ file, message: "has CR characters (use LF line endings)" });
  if (text.length && !text.endsWith("\n")) problems.push({ file, message: "does not end with a newline" });
  text.split("\n").forEach((line, i) => {
    const at = { file, line: i + 1 };
    if (/[ \t]+$/.test(line)) problems.push({ ...at, message: "trailing whitespace" });
    if (!opts.tabs && line.includes("\t")) problems.push({ ...at, message: "a tab character" });
    if (INVISIBLE.test(line)) problems.push({ ...at, message: "a non-breaking or zero-width space" });
  });
  return problems;
}

export type EnvKey = keyof typeof serverSchema;
export const ENV_KEYS = new Set(Object.keys(serverSchema));

export function isEnvKey(key: string): key is EnvKey {
  return ENV_KEYS.has(key);
}

/** The reason env.ts would refuse this value at start, or null when it accepts it. */
export function envValueProblem(key: EnvKey, value: string): string | null {
  if (value !== value.trim()) return `${key} has leading or trailing whitespace in its value`;
  const result = serverSchema[key].safeParse(value === "" ? undefined : value);
  return result.success
    ? null
    : `${key}=${value} is refused by env.ts: ${result.error.issues[0]?.message ?? "invalid"}`;
}
