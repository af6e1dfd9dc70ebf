import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PROVIDER_IDS } from "@/lib/providers/types";
import { vendorAction } from "../../actions";
import { Section } from "../../ui";

/** Plain forms posting to one server action: they work before (and without) JavaScript. */
export function VendorActions(props: {
  slug: string;
  enabled: boolean;
  provider: string | null;
  endpoint: string | null;
}) {
  const hidden = <input type="hidden" name="slug" value={props.slug} />;
  return (
    <Section id="actions" title="Actions">
      <div className="flex flex-wrap gap-2">
        <form action={vendorAction}>
          {hidden}
          <input type="hidden" name="action" value="poll" />
          <Button type="submit">Poll now</Button>
        </form>
        <form action={vendorAction}>
          {hidden}
          <input type="hidden" name="action" value="redetect" />
          <Button type="submit" variant="outline">
            Re-detect provider
          </Button>
        </form>
        <form action={vendorAction}>
          {hidden}
          <input type="hidden" name="action" value={props.enabled ? "disable" : "enable"} />
          <Button type="submit" variant="outline">
            {props.enabled ? "Disable vendor" : "Enable vendor"}
          </Button>
        </form>
      </div>
      <form
        action={vendorAction}
        className="grid max-w-2xl gap-3 rounded-lg border p-4 sm:grid-cols-[12rem_1fr_auto] sm:items-end"
      >
        {hidden}
        <input type="hidden" name="action" value="provider" />
        <div className="space-y-1">
          <label htmlFor="provider" className="text-sm font-medium">
            Provider
          </label>
          <select
            id="provider"
            name="provider"
            defaultValue={props.provider ?? "auto"}
            className="flex h-9 w-full rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            <option value="auto">Detect on next poll</option>
            {PROVIDER_IDS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="endpoint" className="text-sm font-medium">
            API endpoint <span className="font-normal text-muted-foreground">(empty: the provider&apos;s default)</span>
          </label>
          <Input id="endpoint" name="endpoint" type="url" defaultValue={props.endpoint ?? ""} placeholder="https://…" />
        </div>
        <Button type="submit" variant="outline">
          Save provider
        </Button>
      </form>
    </Section>
  );
}
