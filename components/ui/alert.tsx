import type * as React from "react";
import { cn } from "@/lib/utils";

const tones = {
  info: "border-border bg-muted/50",
  success: "border-status-operational bg-status-operational/10",
  warning: "border-status-degraded bg-status-degraded/10",
  error: "border-destructive bg-destructive/10",
} as const;

/** A boxed message. `role` is the caller's: "status" for news, "alert" for errors. */
export function Alert({
  tone = "info",
  className,
  ...props
}: React.ComponentProps<"div"> & { tone?: keyof typeof tones }) {
  return <div className={cn("rounded-lg border-2 p-4 text-sm", tones[tone], className)} {...props} />;
}
