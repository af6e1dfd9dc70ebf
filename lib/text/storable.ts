/**
 * Text PostgreSQL can hold: no NUL (its text types refuse 0x00) and no lone UTF-16 surrogate
 * (which has no UTF-8 form). A lookup by anything else can only fail, so callers answer "not
 * found" or "bad request" instead of sending it.
 */
export const isStorableText = (value: string): boolean => !value.includes("\u0000") && value.isWellFormed();
