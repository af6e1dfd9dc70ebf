import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The receivers stand in for Slack and the rest on loopback, which the guard refuses by default
// (test/integration/notify-channels-guard.test.ts checks that refusal).
vi.hoisted(() => {
  process.env.VENDORWATCH_ALLOW_PRIVATE_NETWORKS = "1";
});

const { connectTestDatabase } = await import("@/test/support/db");
const db = connectTestDatabase();
const channels = await import("@/lib/notify/channels-data");
const { createUser } = await import("@/test/support/notify-factories");
const { startChatReceivers } = await import("@/test/support/chat-receivers");
const { DISABLE_AFTER_FAILURES } = await import("@/lib/notify/retry");

let rx: Awaited<ReturnType<typeof startChatReceivers>>;
beforeAll(async () => {
  rx = await startChatReceivers();
});
afterAll(() => rx.close());

const add = (userId: string, type: (typeof channels.CHANNEL_TYPES)[number], url: string, name?: string) =>
  channels.addChannel(userId, channels.channelInput.parse({ type, url, name }));

describe("the channels page's data layer", () => {
  it("refuses what is not a usable webhook URL, in words", async () => {
    const user = await createUser();
    const refused = async (type: (typeof channels.CHANNEL_TYPES)[number], url: string) =>
      add(user.id, type, url).then(
        () => "accepted",
        (e: Error) => (e instanceof channels.ChannelInputError ? e.message : `unexpected ${e.name}`),
      );
    expect(await refused("slack", "hooks.slack.com/services/x")).toMatch(/not a URL/);
    expect(await refused("webhook", "ftp://example.com/hook")).toMatch(/start with https/);
    expect(await refused("webhook", `${rx.url.replace("http://", "http://me:pw@")}/webhook/a`)).toMatch(
      /user name and password/,
    );
    expect(await refused("slack", rx.urlFor("slack", "plain-http"))).toMatch(/https:\/\/ address/);
    expect(await refused("webhook", "https://no-such-host.invalid/hook")).toMatch(/does not resolve/);
    expect(channels.channelInput.safeParse({ type: "sms", url: "https://x.test" }).success).toBe(false);

    await add(user.id, "webhook", rx.urlFor("webhook", "once"));
    expect(await refused("webhook", rx.urlFor("webhook", "once"))).toMatch(/already on your list/);
    expect(await db.notificationChannel.count({ where: { userId: user.id, type: "webhook" } })).toBe(1);
  });

  it("lists channels with their URL redacted, a webhook secret, and each test in the delivery log", async () => {
    const user = await createUser();
    const hook = await add(user.id, "webhook", rx.urlFor("webhook", "log-ok"), "Ops webhook");
    expect(hook.secret).toMatch(/^whsec_/);
    rx.setSecret("log-ok", hook.secret as string);

    expect(await channels.sendTest(user.id, hook.id)).toEqual({ ok: true, detail: "HTTP 200" });
    const [test] = rx.accepted("webhook", "log-ok");
    expect(test?.body).toMatchObject({ version: "1", type: "test" });

    rx.inject({ status: 500 }, 10, "webhook");
    const failed = await channels.sendTest(user.id, hook.id);
    expect(failed.ok).toBe(false);
    expect(failed.detail).toMatch(/500/);
    rx.clear();

    const listed = (await channels.listChannels(user.id)).find((c) => c.id === hook.id);
    expect(listed).toMatchObject({ name: "Ops webhook", secret: hook.secret, active: true });
    expect(listed?.target).not.toContain("log-ok");
    expect(listed?.log.map((a) => a.statusCode)).toEqual([500, 200]);
    // A failed test leaves nothing to be retried later.
    expect(await db.notificationDelivery.count({ where: { channelId: hook.id, status: "pending" } })).toBe(0);
  });

  it("turning a channel back on clears the failures that turned it off", async () => {
    const user = await createUser();
    const slack = await add(user.id, "webhook", rx.urlFor("webhook", "revive"));
    await db.notificationChannel.update({
      where: { id: slack.id },
      data: { consecutiveFailures: DISABLE_AFTER_FAILURES, disabledAt: new Date(), disabledReason: "10 failed" },
    });
    await expect(channels.sendTest(user.id, slack.id)).rejects.toThrow(/Turn the channel on/);
    expect((await channels.listChannels(user.id)).find((c) => c.id === slack.id)?.active).toBe(false);
    expect(await channels.setChannelEnabled(user.id, slack.id, true)).toBe(true);
    expect(await db.notificationChannel.findUniqueOrThrow({ where: { id: slack.id } })).toMatchObject({
      enabled: true,
      disabledAt: null,
      consecutiveFailures: 0,
    });
  });

  it("one user cannot test, turn off or remove another's channel; nobody removes their email", async () => {
    const owner = await createUser();
    const other = await createUser();
    const hook = await add(owner.id, "webhook", rx.urlFor("webhook", "owned"));
    await expect(channels.sendTest(other.id, hook.id)).rejects.toThrow(/gone/);
    expect(await channels.setChannelEnabled(other.id, hook.id, false)).toBe(false);
    expect(await channels.removeChannel(other.id, hook.id)).toBe(false);
    expect(await channels.listChannels(other.id)).not.toContainEqual(expect.objectContaining({ id: hook.id }));
    expect(rx.accepted("webhook", "owned")).toEqual([]);

    const email = owner.channels[0];
    expect(await channels.removeChannel(owner.id, email?.id ?? "")).toBe(false);
    expect(await channels.removeChannel(owner.id, hook.id)).toBe(true);
    expect(await db.notificationChannel.findMany({ where: { userId: owner.id } })).toEqual([
      expect.objectContaining({ type: "email" }),
    ]);
  });
});
