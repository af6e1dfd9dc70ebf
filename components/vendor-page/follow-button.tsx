"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { followAction } from "@/lib/actions/follow";

type FollowState = { signedIn: false } | { signedIn: true; following: boolean; count: number; limit: number };

async function fetchFollowState(slug: string): Promise<FollowState> {
  const res = await fetch(`/api/account/follows/${encodeURIComponent(slug)}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`follow state ${res.status}`);
  return (await res.json()) as FollowState;
}

/**
 * "Monitor <vendor>" on a public vendor page. The server HTML is the same for every visitor: a
 * plain form that leads to sign-in (it works without JavaScript too). Once the visitor's state
 * arrives from /api/account/follows/<slug>, a signed-in visitor follows with one click and sees
 * "Monitoring <vendor>".
 */
export function FollowButton({ slug, vendorName }: { slug: string; vendorName: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const key = ["follow", slug];
  const { data } = useQuery({ queryKey: key, queryFn: () => fetchFollowState(slug) });
  const follow = useMutation({
    mutationFn: () => followAction({ slug }),
    onSuccess: (result) => {
      if (result.ok) {
        const { count, limit } = result.data;
        const next: FollowState = { signedIn: true, following: true, count, limit };
        queryClient.setQueryData(key, next);
      }
      if (!result.ok && result.error === "unauthorized") router.push(`/login?follow=${encodeURIComponent(slug)}`);
    },
  });

  const onSubmit = (event: FormEvent) => {
    if (data && !data.signedIn) return; // a plain GET to /login?follow=<slug>
    event.preventDefault();
    if (data) return follow.mutate();
    // Pressed before the visitor's state arrived: find out first, instead of sending a signed-in
    // visitor through sign-in.
    void queryClient.fetchQuery({ queryKey: key, queryFn: () => fetchFollowState(slug) }).then(
      (state) => (state.signedIn ? follow.mutate() : router.push(`/login?follow=${encodeURIComponent(slug)}`)),
      () => router.push(`/login?follow=${encodeURIComponent(slug)}`),
    );
  };

  if (data?.signedIn && data.following) {
    return (
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p role="status" className="font-medium">
          Monitoring {vendorName}
        </p>
        <Link href="/dashboard" className="text-sm underline underline-offset-2">
          Choose components and alerts on your dashboard
        </Link>
        <span className="text-sm text-muted-foreground">
          {data.count} of {data.limit} vendors
        </span>
      </div>
    );
  }
  const refusal = follow.data && !follow.data.ok ? follow.data : null;
  return (
    <div className="space-y-2">
      <form action="/login" method="get" onSubmit={onSubmit}>
        <input type="hidden" name="follow" value={slug} />
        <Button type="submit" disabled={follow.isPending}>
          Monitor {vendorName}
        </Button>
      </form>
      {refusal && (
        <p role="alert" className="text-sm text-destructive">
          {refusal.message}{" "}
          {refusal.error === "plan_limit" && (
            <Link href="/dashboard" className="underline underline-offset-2">
              Manage your vendors
            </Link>
          )}
        </p>
      )}
      {follow.isError && (
        <p role="alert" className="text-sm text-destructive">
          Could not follow {vendorName} just now. Try again.
        </p>
      )}
    </div>
  );
}
