import { headers } from "next/headers";
import { requireUser } from "@/lib/auth";
import { RETURN_PATH_HEADER } from "@/lib/auth/session-cookie";

/**
 * The signed-in area. Without a session it sends the visitor to /login and back here afterwards.
 * Pages check the session again themselves: a layout does not run on every navigation.
 */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  await requireUser((await headers()).get(RETURN_PATH_HEADER) ?? "/dashboard");
  return <div className="space-y-10">{children}</div>;
}
