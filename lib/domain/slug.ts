/**
 * What a stored vendor slug can look like: slugs are made only by slugify (lower-case letters,
 * digits, dashes, at most 60, plus a "-N" to make one unique) or validated against a stricter
 * rule. Anything else names no vendor, so it is answered without asking the database.
 */
const VENDOR_SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

export const isVendorSlug = (value: string): boolean => VENDOR_SLUG.test(value);
