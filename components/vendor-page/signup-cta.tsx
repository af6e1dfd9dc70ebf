import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FollowButton } from "@/components/vendor-page/follow-button";
import { PLANS } from "@/lib/plans";

/**
 * "Get alerts when <vendor> changes": on a vendor page, the follow island; on the home page, the
 * invitation to sign up. Both render the same HTML for every visitor (pages are cached).
 */
export function SignupCta(props: { context: "home" } | { context: "vendor"; vendorName: string; vendorSlug: string }) {
  const free = PLANS.free.vendorLimit;
  if (props.context === "vendor") {
    return (
      <section aria-label={`Alerts for ${props.vendorName}`} className="space-y-3 rounded-lg border p-5">
        <p className="text-sm text-muted-foreground">
          Get an email the moment {props.vendorName} posts an incident or a maintenance, for the components you use.
          Free for up to {free} vendors.
        </p>
        <FollowButton slug={props.vendorSlug} vendorName={props.vendorName} />
      </section>
    );
  }
  return (
    <section aria-labelledby="signup-heading" className="space-y-3 rounded-lg border p-5">
      <h2 id="signup-heading" className="text-xl font-semibold">
        Monitor {free} vendors, for free
      </h2>
      <p className="text-muted-foreground">
        Follow the vendors you depend on, down to the components you use, and get alerts and digests when they change.
        Takes less than two minutes, no password.
      </p>
      <Button asChild>
        <Link href="/login">Sign up free</Link>
      </Button>
    </section>
  );
}
