/**
 * Structured data for search engines. Escaping `<` keeps vendor-controlled strings from closing
 * the script element; JSON.stringify handles everything else.
 */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
    />
  );
}
