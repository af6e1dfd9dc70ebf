import { env } from "@/env";
import { emailTransport } from "@/lib/email/transport";

/**
 * Without RESEND_API_KEY no email leaves the machine (lib/email/transport.ts keeps it), so the
 * person running this install is told where the link went instead of waiting for it.
 */
export function localDeliveryHint(): string | undefined {
  if (emailTransport().configured) return undefined;
  return env.NODE_ENV === "production"
    ? "This Vendorwatch has no email service set up (RESEND_API_KEY), so the link was written to the server's log instead."
    : "No email service is set up (RESEND_API_KEY): the link is in the server's log and at /dev/emails.";
}
