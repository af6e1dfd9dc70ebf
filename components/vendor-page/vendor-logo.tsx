import { cn } from "@/lib/utils";

/** Up to two initials from the vendor's own name, for vendors without a logo. */
export function monogram(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const letters = words.length > 1 ? `${words[0]?.[0] ?? ""}${words[1]?.[0] ?? ""}` : (words[0] ?? "?").slice(0, 1);
  return letters.toUpperCase() || "?";
}

/** Decorative: the vendor's name is always in the heading next to it, so alt is empty. */
export function VendorLogo({ name, logoUrl, className }: { name: string; logoUrl: string | null; className?: string }) {
  const box = cn(
    "flex size-12 shrink-0 items-center justify-center overflow-hidden rounded-lg border bg-card",
    className,
  );
  if (logoUrl && /^https:\/\//.test(logoUrl)) {
    return (
      <span className={box}>
        {/* Logos live on vendors' hosts; next/image would need every host allow-listed. */}
        <img
          src={logoUrl}
          alt=""
          width={40}
          height={40}
          loading="lazy"
          referrerPolicy="no-referrer"
          className="size-10 object-contain"
        />
      </span>
    );
  }
  return (
    <span aria-hidden className={cn(box, "bg-secondary font-semibold text-secondary-foreground")}>
      {monogram(name)}
    </span>
  );
}
