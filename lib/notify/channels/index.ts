import { discord } from "@/lib/notify/channels/discord";
import { slack } from "@/lib/notify/channels/slack";
import { teams } from "@/lib/notify/channels/teams";
import type { ChannelModule } from "@/lib/notify/channels/types";
import { webhook } from "@/lib/notify/channels/webhook";

/** Every channel that is not email, by NotificationChannel.type. */
export const CHAT_CHANNELS = { slack, discord, teams, webhook } satisfies Record<string, ChannelModule>;
export type ChatChannelType = keyof typeof CHAT_CHANNELS;
export const isChatChannel = (t: string): t is ChatChannelType => t in CHAT_CHANNELS;

/** Gaps between two posts to one destination, within what each service allows. */
export const MIN_INTERVAL_MS: Record<ChatChannelType, number> = { slack: 1000, discord: 400, teams: 250, webhook: 0 };
