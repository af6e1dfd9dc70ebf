/**
 * Failures a user can act on. Entry points report them as one line (`error: ...`) instead of
 * a stack trace. Kept free of imports so scripts can catch them before config is even read.
 */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

export class UserError extends Error {
  override name = "UserError";
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function isUserFacing(error: unknown): error is Error {
  return error instanceof ConfigError || error instanceof DatabaseUnavailableError || error instanceof UserError;
}
