"use server";

import { signOut } from "@/lib/auth";

/** The header's "Sign out": ends the database session and goes home. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
