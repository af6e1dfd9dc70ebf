/**
 * The place for "get alerts when <vendor> changes". Accounts do not exist yet, and a call to
 * action that leads nowhere is worse than none, so this renders nothing until sign-in ships;
 * pages already reserve its slot so adding it later does not reshuffle their layout.
 */
export function SignupCta(_props: { context: "home" | "vendor"; vendorName?: string }) {
  return null;
}
