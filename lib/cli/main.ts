import { UserError, isUserFacing } from "@/lib/errors";

export { UserError };

/**
 * Runs a script's body; import config-reading modules inside it (dynamically) so that a bad
 * variable is reported here too. A known failure prints `error: <one line>` and exits non-zero.
 */
export async function runMain(body: () => Promise<number | void>, opts: { exit?: boolean } = {}): Promise<void> {
  try {
    const code = await body();
    process.exitCode = code ?? 0;
  } catch (error) {
    if (isUserFacing(error)) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = error instanceof UserError ? error.exitCode : 1;
    } else {
      process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  }
  // The schema engine leaves a lock-timeout timer behind; a finished command should not wait on it.
  // (stdout/stderr are synchronous for files and pipes on Linux, so nothing printed is lost.)
  if (opts.exit !== false) process.exit();
}
