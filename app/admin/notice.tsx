/** What the last action did (from the redirect back). */
export function Notice({ text }: { text: string | undefined }) {
  if (!text) return null;
  const failed = text.startsWith("Not done") || /failed/i.test(text);
  return (
    <p
      role="status"
      className={failed ? "rounded-md border border-status-major p-3 text-sm" : "rounded-md border p-3 text-sm"}
    >
      {text.slice(0, 500)}
    </p>
  );
}
