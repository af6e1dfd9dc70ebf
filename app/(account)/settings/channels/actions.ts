"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth";
import {
  ChannelInputError,
  addChannel,
  channelInput,
  removeChannel,
  sendTest,
  setChannelEnabled,
} from "@/lib/notify/channels-data";

const PAGE = "/settings/channels";
const back = (params: Record<string, string>): never => redirect(`${PAGE}?${new URLSearchParams(params)}`);

async function attempt(work: () => Promise<Record<string, string>>): Promise<never> {
  let params: Record<string, string>;
  try {
    params = await work();
  } catch (e) {
    if (!(e instanceof ChannelInputError)) throw e;
    params = { error: e.message };
  }
  return back(params);
}

export async function addChannelAction(form: FormData): Promise<void> {
  const user = await requireUser(PAGE);
  const parsed = channelInput.safeParse({
    type: form.get("type"),
    name: form.get("name") || undefined,
    url: form.get("url") ?? "",
  });
  if (!parsed.success) back({ error: parsed.error.issues[0]?.message ?? "Check the form." });
  const input = channelInput.parse(parsed.data);
  await attempt(async () => {
    const c = await addChannel(user.id, input);
    return { added: c.id };
  });
}

export async function removeChannelAction(form: FormData): Promise<void> {
  const user = await requireUser(PAGE);
  const ok = await removeChannel(user.id, String(form.get("channelId") ?? ""));
  back(ok ? { removed: "1" } : { error: "That channel is gone." });
}

export async function toggleChannelAction(form: FormData): Promise<void> {
  const user = await requireUser(PAGE);
  const on = form.get("enabled") === "true";
  await setChannelEnabled(user.id, String(form.get("channelId") ?? ""), on);
  back({ [on ? "enabled" : "disabled"]: String(form.get("channelId") ?? "") });
}

export async function sendTestAction(form: FormData): Promise<void> {
  const user = await requireUser(PAGE);
  const channelId = String(form.get("channelId") ?? "");
  await attempt(async () => {
    const r = await sendTest(user.id, channelId);
    return { tested: channelId, result: r.ok ? "ok" : "failed", detail: r.detail };
  });
}
