import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { STATUS_TEXT, STATUSES, type Status } from "@/lib/domain/vocabulary";

const SELECT =
  "h-9 w-full rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** A plain GET form: works without JavaScript and keeps every result page linkable. */
export function DirectoryFilters({
  q,
  category,
  status,
  categories,
}: {
  q: string;
  category: string;
  status: Status | "";
  categories: string[];
}) {
  return (
    <form
      action="/vendors"
      method="get"
      role="search"
      aria-label="Vendor directory"
      className="grid gap-3 sm:grid-cols-[1fr_12rem_12rem_auto] sm:items-end"
    >
      <div className="space-y-1">
        <label htmlFor="vendor-search" className="text-sm font-medium">
          Search vendors
        </label>
        <Input
          id="vendor-search"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={100}
          placeholder="e.g. GitHub"
          autoComplete="off"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="vendor-category" className="text-sm font-medium">
          Category
        </label>
        <select id="vendor-category" name="category" defaultValue={category} className={SELECT}>
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="vendor-status" className="text-sm font-medium">
          Current status
        </label>
        <select id="vendor-status" name="status" defaultValue={status} className={SELECT}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_TEXT[s]}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit">Search</Button>
    </form>
  );
}
