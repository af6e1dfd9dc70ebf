/** Escapes text for XML element content and attribute values (both quote styles). */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // XML 1.0 forbids most control characters even when escaped; vendor text sometimes has them.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
  );
}

/** HTML escaping for text that ends up as HTML inside a feed (then XML-escaped again). */
export const escapeHtml = (text: string) => escapeXml(text).replace(/&apos;/g, "&#39;");
