import type * as React from "react";
import { cn } from "@/lib/utils";

/** Small pieces the console's sections share. */
export function Stat({
  label,
  value,
  note,
  bad,
}: {
  label: string;
  value: React.ReactNode;
  note?: string;
  bad?: boolean;
}) {
  return (
    <div className={cn("min-w-0 rounded-lg border p-4", bad && "border-status-major")}>
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className={cn("mt-1 text-2xl font-semibold tabular-nums", bad && "text-status-major")}>{value}</dd>
      {/* Notes may be URLs (a vendor's endpoint): they wrap anywhere rather than widen a phone's page. */}
      {note && <dd className="mt-1 text-xs text-muted-foreground [overflow-wrap:anywhere]">{note}</dd>}
    </div>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4 space-y-4">
      <h2 id={`${id}-title`} className="text-xl font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A table that scrolls sideways on a phone instead of squeezing its columns. */
export function Table({
  label,
  head,
  children,
  narrow,
}: {
  label: string;
  head: string[];
  children: React.ReactNode;
  narrow?: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className={cn("w-full text-left text-sm", !narrow && "min-w-[36rem]")} aria-label={label}>
        <thead className="bg-muted/50 text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y">{children}</tbody>
      </table>
    </div>
  );
}

export function Cell({ className, ...props }: React.ComponentProps<"td">) {
  return <td className={cn("px-3 py-2 align-top", className)} {...props} />;
}

export function seconds(s: number | null): string {
  if (s === null) return "never";
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

export function bytes(n: number | null): string {
  if (n === null) return "–";
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
