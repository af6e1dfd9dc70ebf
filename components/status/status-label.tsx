import { AlertOctagon, AlertTriangle, CheckCircle2, HelpCircle, MinusCircle, Wrench } from "lucide-react";
import { STATUS_TEXT, type Status } from "@/lib/domain/vocabulary";
import { cn } from "@/lib/utils";

const STYLE: Record<Status, { icon: typeof CheckCircle2; color: string }> = {
  operational: { icon: CheckCircle2, color: "text-status-operational" },
  degraded: { icon: MinusCircle, color: "text-status-degraded" },
  partial_outage: { icon: AlertTriangle, color: "text-status-partial" },
  major_outage: { icon: AlertOctagon, color: "text-status-major" },
  maintenance: { icon: Wrench, color: "text-status-maintenance" },
  unknown: { icon: HelpCircle, color: "text-status-unknown" },
};

/** Status in words with an icon: colour is never the only carrier of meaning. */
export function StatusLabel({ status, className }: { status: Status; className?: string }) {
  const { icon: Icon, color } = STYLE[status];
  return (
    <span className={cn("inline-flex items-center gap-1.5 font-medium", className)} data-status={status}>
      <Icon aria-hidden className={cn("size-4", color)} />
      {STATUS_TEXT[status]}
    </span>
  );
}
