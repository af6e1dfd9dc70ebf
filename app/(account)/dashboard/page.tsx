import type { Metadata } from "next";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

/** The signed-in home (its vendors, feed and settings arrive with the subscriptions data layer). */
export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Your vendors</h1>
      <p className="text-muted-foreground">Signed in as {user.email}.</p>
    </div>
  );
}
