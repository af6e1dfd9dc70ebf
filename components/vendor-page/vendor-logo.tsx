import { avatarHue, initials } from "@/lib/logos";
import { cn } from "@/lib/utils";

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
    <span
      aria-hidden
      className={cn(box, "border-transparent font-semibold text-white")}
      style={{ backgroundColor: `hsl(${avatarHue(name)} 55% 30%)` }}
    >
      {initials(name)}
    </span>
  );
}
