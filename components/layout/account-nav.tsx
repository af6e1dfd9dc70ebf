"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";

export interface AccountState {
  user: { email: string } | null;
}

export const ACCOUNT_QUERY_KEY = ["account"] as const;

export async function fetchAccount(): Promise<AccountState> {
  const res = await fetch("/api/account", { headers: { accept: "application/json" }, cache: "no-store" });
  if (!res.ok) throw new Error(`account ${res.status}`);
  return (await res.json()) as AccountState;
}

/**
 * The header's account links. A client island so that the server HTML of every public page is
 * the same for everyone and can be cached; until the answer arrives it keeps its space empty.
 */
export function AccountNav() {
  const { data } = useQuery({ queryKey: ACCOUNT_QUERY_KEY, queryFn: fetchAccount, staleTime: 60_000 });
  const link = "text-muted-foreground hover:text-foreground";
  if (!data) return <div className="ml-auto min-w-16" aria-hidden />;
  if (!data.user)
    return (
      <Link href="/login" className={`ml-auto font-medium ${link}`}>
        Sign in
      </Link>
    );
  return (
    <div className="ml-auto flex items-center gap-4">
      <Link href="/dashboard" className={link}>
        Dashboard
      </Link>
      <Link href="/settings" className={`hidden sm:inline ${link}`}>
        Settings
      </Link>
      <form action={signOutAction}>
        <button type="submit" className={`${link} cursor-pointer`}>
          Sign out
        </button>
      </form>
    </div>
  );
}
