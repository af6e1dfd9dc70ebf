export { composeProblems, interpolate, type ComposeContext } from "./compose";
export { dockerfileProblems, parseDockerfile } from "./dockerfile";
export { envFileProblems, parseEnvFile } from "./env-file";
export { type Problem, textProblems } from "./text";

/** `.dockerignore` patterns (`*` within one path segment) as a predicate on context-relative paths. */
export function dockerignore(text: string): (path: string) => boolean {
  const patterns = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map(
      (l) =>
        new RegExp(
          `^${l
            .replace(/^\.\//, "")
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, "[^/]*")}(/|$)`,
        ),
    );
  return (path) => patterns.some((re) => re.test(path.replace(/^\.\//, "").replace(/\/$/, "")));
}
