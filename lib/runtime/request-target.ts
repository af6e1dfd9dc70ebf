import { isStorableText } from "@/lib/text/storable";

/**
 * Whether a raw request target (path and query, still percent-encoded) decodes to text the
 * database can hold. Checked once at the edge, so no route has to survive `%00` or bytes that
 * are not UTF-8 on its way to a query: those requests are refused before anything runs.
 */
export function isReadableTarget(target: string): boolean {
  if (!target.includes("%")) return isStorableText(target);
  let decoded: string;
  try {
    // A "%" that starts no escape (a literal percent sign some clients leave unencoded) is not
    // what this guards against; only escapes are decoded.
    decoded = decodeURIComponent(target.replace(/%(?![0-9a-f]{2})/gi, "%25"));
  } catch {
    // URIError: escapes that are not UTF-8 (stray bytes, overlong forms, surrogates, past U+10FFFF).
    return false;
  }
  return isStorableText(decoded);
}
