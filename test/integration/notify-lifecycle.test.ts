import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { AlertMessage } from "@/lib/notify/message";
import { addChannel, createUser, subscribe, webhookSecret } from "@/test/support/notify-factories";
import { ACTIONS, GIT_OPERATIONS, INCIDENT_STAGES, PAGES, updateTime } from "@/test/support/github-incident-script";
import { type Harness, startHarness } from "@/test/support/notify-harness";

/**
 * GitHub's recorded "Incident with Pages and Actions", polled stage by stage by the real monitor,
 * then a maintenance: every subscriber gets exactly the alerts their filters ask for, by email and
 * on their chat channels, one per poll; a repeated poll sends nothing.
 */
let h: Harness;
let vendor: Awaited<ReturnType<Harness["vendor"]>>;
const people: Record<string, { id: string; email: string }> = {};
const hooks: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness();
  vendor = await h.vendor("github");
  vendor.serve({ updates: 0 });
  h.now.value = new Date(updateTime(1).getTime() - 60_000);
  expect(await vendor.poll()).toBe("changed"); // the silent baseline

  const user = async (name: string, prefs?: NonNullable<Parameters<typeof createUser>[0]>["prefs"]) => {
    const u = await createUser({ email: `${name}@example.com`, prefs });
    people[name] = { id: u.id, email: `${name}@example.com` };
    return u.id;
  };
  // alice: everything, by email and Slack.
  const alice = await user("alice");
  await subscribe(alice, vendor.id);
  await addChannel(alice, "slack", (hooks.alice = h.rx.urlFor("slack", "T0/B0/alice")));
  // bob: only Pages, no maintenance.
  await subscribe(await user("bob"), vendor.id, { components: [PAGES], maintenances: false });
  // carol: only Git Operations (not affected), no maintenance, email and Teams: hears nothing.
  const carol = await user("carol");
  await subscribe(carol, vendor.id, { components: [GIT_OPERATIONS], maintenances: false });
  await addChannel(carol, "teams", (hooks.carol = h.rx.urlFor("teams", "flow/carol")));
  // dave: only starts and resolutions, email and Discord.
  const dave = await user("dave");
  await subscribe(dave, vendor.id, { eventMode: "start_and_resolution", maintenances: false });
  await addChannel(dave, "discord", (hooks.dave = h.rx.urlFor("discord", "api/webhooks/1/dave")));
  // erin: critical only, email and a signed webhook.
  const erin = await user("erin");
  await subscribe(erin, vendor.id, { minimumImpact: "critical", maintenances: false });
  const secret = webhookSecret();
  h.rx.setSecret("erin", secret);
  await addChannel(erin, "webhook", (hooks.erin = h.rx.urlFor("webhook", "erin")), secret);
  // frank follows nothing; grace turned instant alerts off.
  await user("frank");
  await subscribe(await user("grace", { instant: false }), vendor.id);
  // henry: everything, but email turned off for this vendor; a webhook.
  const henry = await user("henry");
  await subscribe(henry, vendor.id, { emailEnabled: false });
  await addChannel(henry, "webhook", (hooks.henry = h.rx.urlFor("webhook", "henry")));
});
afterAll(() => h?.close());

const emailsTo = (name: string) => h.resend.to(people[name]?.email ?? "");
async function messagesOf(name: string): Promise<AlertMessage[]> {
  const rows = await db.notificationDelivery.findMany({
    where: { userId: people[name]?.id, channel: { type: "email" }, status: "delivered" },
    include: { message: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.message?.payload as unknown as AlertMessage);
}

describe("an incident lifecycle reaches each subscriber as their filters say", () => {
  it("one email per poll per subscriber, and a repeated poll sends nothing", async () => {
    for (let n = 1; n <= INCIDENT_STAGES; n++) {
      h.now.value = updateTime(n);
      vendor.serve({ updates: n });
      expect(await vendor.poll()).toBe("changed");
      await h.drain();
      const before = h.resend.emails.length;
      expect(await vendor.poll()).toBe("unchanged");
      await h.drain();
      expect(h.resend.emails.length).toBe(before);
      expect(emailsTo("alice")).toHaveLength(n);
    }
    expect(emailsTo("alice").map((e) => e.subject)).toEqual([
      "GitHub: Incident with Pages and Actions (major), investigating",
      "GitHub: Incident with Pages and Actions (major), investigating",
      "GitHub: Incident with Pages and Actions (major), investigating",
      "GitHub: Incident with Pages and Actions (major), investigating",
      "GitHub: Incident with Pages and Actions (major), investigating",
      "GitHub: Incident with Pages and Actions (major), resolved",
    ]);
    expect(h.rx.accepted("slack", "T0/B0/alice")).toHaveLength(6);
    // bob (Pages only) hears every update of an incident that names Pages, but no Actions lines.
    expect(emailsTo("bob")).toHaveLength(6);
    const bob = await messagesOf("bob");
    expect(bob.flatMap((m) => m.components.map((c) => c.name))).toEqual(["Pages", "Pages"]);
    // dave hears the start and the resolution only.
    expect(emailsTo("dave").map((e) => e.subject)).toEqual([
      "GitHub: Incident with Pages and Actions (major), investigating",
      "GitHub: Incident with Pages and Actions (major), resolved",
    ]);
    expect(h.rx.accepted("discord")).toHaveLength(2);
    // erin (critical only) hears Actions' major outage, its easing and its recovery, nothing else.
    const erin = await messagesOf("erin");
    expect(erin.map((m) => [m.incidents.length, m.components.map((c) => `${c.name}:${c.from}->${c.to}`)])).toEqual([
      [0, ["Actions:partial_outage->major_outage"]],
      [0, ["Actions:major_outage->partial_outage"]],
      [0, ["Actions:partial_outage->operational"]],
    ]);
    expect(h.rx.accepted("webhook", "erin")).toHaveLength(3);
    expect(h.rx.accepted("webhook", "henry")).toHaveLength(6);
    for (const name of ["carol", "frank", "grace", "henry"]) expect(emailsTo(name)).toEqual([]);
    expect(h.rx.accepted("teams")).toEqual([]);
    expect(ACTIONS).toBeTruthy();
  });

  it("a maintenance: scheduled, a reminder an hour before, started, completed", async () => {
    const alice = emailsTo("alice").length;
    const henry = h.rx.accepted("webhook", "henry").length;
    const start = new Date("2025-08-29T01:25:00Z"); // the recorded maintenance's scheduled start
    h.now.value = new Date(start.getTime() - 3 * 3_600_000);
    vendor.serve({ updates: INCIDENT_STAGES, maintenance: "scheduled" });
    await vendor.poll();
    await h.drain();
    h.now.value = new Date(start.getTime() - 2 * 3_600_000); // too early for the reminder
    await h.drain();
    h.now.value = new Date(start.getTime() - 50 * 60_000);
    await h.drain();
    await h.drain(); // a second sweep in the same hour reminds nobody twice
    h.now.value = new Date(start.getTime() + 60_000);
    vendor.serve({ updates: INCIDENT_STAGES, maintenance: "in_progress" });
    await vendor.poll();
    await h.drain();
    h.now.value = new Date("2025-08-29T02:41:00Z");
    vendor.serve({ updates: INCIDENT_STAGES, maintenance: "completed" });
    await vendor.poll();
    await h.drain();
    expect(
      emailsTo("alice")
        .slice(alice)
        .map((e) => e.subject),
    ).toEqual([
      "GitHub: Upgrades to Connector Auth Storage, maintenance scheduled",
      "GitHub: Upgrades to Connector Auth Storage, maintenance starts within the hour",
      "GitHub: Upgrades to Connector Auth Storage, maintenance started",
      "GitHub: Upgrades to Connector Auth Storage, maintenance completed",
    ]);
    expect(h.rx.accepted("webhook", "henry").length - henry).toBe(4);
    // Those who turned maintenances off heard none of it.
    for (const name of ["bob", "dave", "erin"])
      expect(emailsTo(name).filter((e) => /maintenance/.test(e.subject))).toEqual([]);
  });

  it("emails carry both parts and the one-click unsubscribe headers", async () => {
    const first = emailsTo("alice")[0];
    expect(first?.html).toContain("Incident with Pages and Actions");
    expect(first?.text).toContain("We are investigating reports of degraded performance for Actions and Pages");
    expect(first?.headers["List-Unsubscribe"]).toMatch(/^<https?:\/\/[^>]+\/api\/unsubscribe\/[^>]+>$/);
    expect(first?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(h.resend.calls.every((c) => c.idempotencyKey?.startsWith("vendorwatch/batch/"))).toBe(true);
  });

  it("generic webhooks are versioned and signed; chat payloads are the services' own formats", async () => {
    const call = h.rx.accepted("webhook", "erin")[0];
    expect(call?.body).toMatchObject({ version: "1", type: "alert", vendor: { name: "GitHub" } });
    expect(call?.headers["webhook-signature"]).toMatch(/^v1,/);
    const slack = h.rx.accepted("slack")[0]?.body as { text: string; blocks: Array<{ type: string }> };
    expect(slack.text).toBe("GitHub: Incident with Pages and Actions (major), investigating");
    expect(slack.blocks[0]?.type).toBe("header");
    const discord = h.rx.accepted("discord")[0]?.body as {
      embeds: Array<{ title: string }>;
      allowed_mentions: unknown;
    };
    expect(discord.embeds[0]?.title).toBe("New incident: Incident with Pages and Actions");
    expect(discord.allowed_mentions).toEqual({ parse: [] });
  });
});
