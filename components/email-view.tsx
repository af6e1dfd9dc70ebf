import type { RenderedEmail } from "@/lib/notify/render-email";

/**
 * One email as its recipient would get it: the HTML part in a sandboxed frame (no scripts, no
 * same-origin access) and the plain-text part beside it, as a text-only client shows it.
 */
export function EmailView({ email, meta }: { email: RenderedEmail; meta: Array<[label: string, value: string]> }) {
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight break-words">{email.subject}</h1>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {meta.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </header>
      <section aria-labelledby="html-part" className="space-y-2">
        <h2 id="html-part" className="text-lg font-semibold">
          HTML
        </h2>
        <iframe
          title="HTML part"
          sandbox=""
          srcDoc={email.html}
          className="h-[40rem] w-full rounded-lg border bg-white"
        />
      </section>
      <section aria-labelledby="text-part" className="space-y-2">
        <h2 id="text-part" className="text-lg font-semibold">
          Plain text
        </h2>
        <pre className="rounded-lg border bg-muted p-4 text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">
          {email.text}
        </pre>
      </section>
    </div>
  );
}
