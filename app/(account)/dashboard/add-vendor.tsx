"use client";

import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { useDeferredValue, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/actions/authed";
import { rankByMatch } from "@/lib/text/search-rank";
import { addByUrl, followFromDashboard } from "./actions";

interface CatalogHit {
  slug: string;
  name: string;
  category: string | null;
}

async function searchCatalog(q: string): Promise<CatalogHit[]> {
  const res = await fetch(`/api/v1/vendors?${new URLSearchParams({ q })}`, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`search ${res.status}`);
  // The API answers in alphabetical order; the few shown are the best matches of its first page.
  return rankByMatch(((await res.json()) as { vendors: CatalogHit[] }).vendors, q).slice(0, 8);
}

type Outcome = { tone: "success" | "error"; text: string } | null;

function describe(result: ActionResult<unknown>, success: string): Outcome {
  return result.ok ? { tone: "success", text: success } : { tone: "error", text: result.message };
}

/** Adding vendors: search the catalog (a combobox), or paste any status page URL. */
export function AddVendor({ followed }: { followed: string[] }) {
  const [query, setQuery] = useState("");
  const q = useDeferredValue(query.trim());
  const [url, setUrl] = useState("");
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const [checking, startChecking] = useTransition();
  const { data: hits, isFetching } = useQuery({
    queryKey: ["catalog-search", q],
    queryFn: () => searchCatalog(q),
    enabled: q.length > 0,
    staleTime: 60_000,
  });

  const follow = (hit: CatalogHit) =>
    startTransition(async () => {
      setOutcome(null);
      const result = await followFromDashboard({ slug: hit.slug });
      setOutcome(describe(result, `You are now monitoring ${hit.name}.`));
      if (result.ok) setQuery("");
    });

  const addUrl = (event: React.FormEvent) => {
    event.preventDefault();
    startChecking(async () => {
      setOutcome(null);
      const result = await addByUrl({ url });
      setOutcome(describe(result, result.ok ? `You are now monitoring ${result.data.name}.` : ""));
      if (result.ok) setUrl("");
    });
  };

  return (
    <section aria-labelledby="add-heading" className="space-y-4 rounded-lg border p-5">
      <h2 id="add-heading" className="text-lg font-semibold">
        Add a vendor
      </h2>
      <Command shouldFilter={false} label="Search the catalog" className="space-y-2">
        <p aria-hidden className="text-sm font-medium">
          Search the catalog
        </p>
        <Command.Input
          value={query}
          onValueChange={setQuery}
          placeholder="Vendor name, e.g. Stripe"
          className="flex h-10 w-full rounded-md border border-input bg-transparent px-3 text-sm shadow-sm placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        />
        {q && (
          <Command.List className="max-h-72 overflow-y-auto rounded-md border">
            {isFetching && !hits && <Command.Loading className="px-3 py-2 text-sm">Searching…</Command.Loading>}
            {hits && hits.length === 0 && (
              <p className="px-3 py-2 text-sm text-muted-foreground">
                No vendor in the catalog matches “{q}”. Paste its status page URL below instead.
              </p>
            )}
            {hits?.map((hit) => {
              const already = followed.includes(hit.slug);
              return (
                <Command.Item
                  key={hit.slug}
                  value={hit.slug}
                  disabled={already || pending}
                  onSelect={() => follow(hit)}
                  className="flex cursor-pointer items-center justify-between gap-3 px-3 py-2 text-sm data-[selected=true]:bg-accent data-[disabled=true]:cursor-default data-[disabled=true]:opacity-60"
                >
                  <span className="flex min-w-0 flex-wrap items-baseline gap-x-2">
                    <span className="font-medium">{hit.name}</span>{" "}
                    {hit.category && <span className="text-muted-foreground">{hit.category}</span>}
                  </span>{" "}
                  <span className="text-xs font-medium">{already ? "Monitoring" : "Monitor"}</span>
                </Command.Item>
              );
            })}
          </Command.List>
        )}
      </Command>
      <form onSubmit={addUrl} className="space-y-2">
        <Label htmlFor="add-url">Or paste a status page URL</Label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            id="add-url"
            type="url"
            inputMode="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://status.example.com"
            className="h-10"
            required
          />
          <Button type="submit" disabled={checking || !url.trim()} className="h-10">
            {checking ? "Checking the page…" : "Add status page"}
          </Button>
        </div>
        <p className="text-xs text-muted-foreground">
          Any Statuspage, incident.io, Instatus, Better Stack, status.io, Cachet page or RSS/Atom feed. We read it once
          right away.
        </p>
      </form>
      {outcome && (
        <Alert tone={outcome.tone} role={outcome.tone === "error" ? "alert" : "status"}>
          {outcome.text}
        </Alert>
      )}
    </section>
  );
}
