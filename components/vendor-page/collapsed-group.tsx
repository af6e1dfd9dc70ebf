"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronDown } from "lucide-react";
import { useId, useState } from "react";
import { ComponentRow } from "@/components/vendor-page/component-row";
import type { VendorComponents } from "@/lib/data/vendor-detail";
import { cn } from "@/lib/utils";

async function fetchComponents(slug: string): Promise<VendorComponents> {
  const res = await fetch(`/vendors/${encodeURIComponent(slug)}/components.json`, {
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new Error(`status ${res.status}`);
  return (await res.json()) as VendorComponents;
}

/**
 * A large group as a disclosure: a heading whose button says the group's size and state, and
 * rows fetched the first time it opens (one request serves every group of the vendor).
 */
export function CollapsedGroup(props: {
  slug: string;
  group: string | null;
  title: string;
  label: string;
  summary: string;
  now: string;
}) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  const { data, isError, refetch } = useQuery({
    queryKey: ["vendor-components", props.slug],
    queryFn: () => fetchComponents(props.slug),
    enabled: open,
    staleTime: 60_000,
  });
  const items = data?.components.filter((c) => c.group === props.group) ?? [];
  return (
    <div className="rounded-lg border" data-testid="component-group">
      <h3 className="text-base font-semibold">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panel}
          onClick={() => setOpen((o) => !o)}
          className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 rounded-lg px-4 py-3 text-left hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <ChevronDown aria-hidden className={cn("size-4 shrink-0 transition-transform", open && "rotate-180")} />
          <span>{props.title}</span> <span className="text-sm font-normal text-muted-foreground">{props.summary}</span>
        </button>
      </h3>
      <div id={panel} hidden={!open} className="border-t">
        {open &&
          (data ? (
            <ul className="divide-y" aria-label={props.label}>
              {items.map((c) => (
                <ComponentRow key={c.id} c={c} days={data.strips[c.id]} now={new Date(props.now)} />
              ))}
            </ul>
          ) : isError ? (
            <p role="alert" className="px-4 py-3 text-sm">
              Could not load these components.{" "}
              <button type="button" className="underline underline-offset-2" onClick={() => void refetch()}>
                Try again
              </button>
            </p>
          ) : (
            <p role="status" className="px-4 py-3 text-sm text-muted-foreground">
              Loading components…
            </p>
          ))}
      </div>
    </div>
  );
}
