import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth";
import { listApiTokens } from "@/lib/data/api-tokens";
import { calendarUrl } from "@/lib/data/calendar";
import { getPreferences, timeZoneChoices } from "@/lib/data/preferences";
import { db } from "@/lib/db";
import { ApiTokens } from "./api-tokens";
import { CalendarCard } from "./calendar-card";
import { DeleteAccount } from "./delete-account";
import { EmailForm } from "./email-form";
import { PreferencesForm } from "./preferences-form";
import { SettingsSection } from "./section";
import { TimeZoneDetector } from "./time-zone-detector";

export const metadata: Metadata = { title: "Settings", robots: { index: false } };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const [prefs, pendingChange, calendar, tokens] = await Promise.all([
    getPreferences(user.id),
    db.emailChange.findFirst({ where: { userId: user.id, expires: { gt: new Date() } }, select: { newEmail: true } }),
    calendarUrl(user.id),
    listApiTokens(user.id),
  ]);
  const zones = timeZoneChoices(prefs.timeZone);

  return (
    <>
      {prefs.timeZoneSetAt === null && <TimeZoneDetector />}
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Settings</h1>
        <p className="text-muted-foreground">
          Per-vendor alerts (components, impact, maintenances) are on your{" "}
          <Link href="/dashboard" className="underline underline-offset-2">
            dashboard
          </Link>
          .
        </p>
      </div>

      <SettingsSection id="email" title="Email address">
        <EmailForm current={user.email} pending={pendingChange?.newEmail ?? null} />
      </SettingsSection>

      <SettingsSection id="alerts" title="Alerts and digests">
        <PreferencesForm
          zones={zones}
          initial={{
            timeZone: prefs.timeZone,
            instant: prefs.instant,
            digest: prefs.digest,
            digestHour: prefs.digestHour,
            digestWeekday: prefs.digestWeekday,
            digestWhenEmpty: prefs.digestWhenEmpty,
            quietHours: prefs.quietHours,
            quietStart: prefs.quietStart,
            quietEnd: prefs.quietEnd,
            quietAllowsCritical: prefs.quietAllowsCritical,
          }}
        />
      </SettingsSection>

      <SettingsSection id="channels" title="Slack, Discord, Teams and webhooks">
        <p className="text-sm">
          Alerts go to your email address. To send them to a chat or your own endpoint too,{" "}
          <Link href="/settings/channels" className="font-medium underline underline-offset-2">
            manage your channels
          </Link>
          .
        </p>
      </SettingsSection>

      <SettingsSection
        id="calendar"
        title="My maintenance calendar"
        description="The scheduled maintenances of your vendors (only your chosen components, where you chose some), as a calendar feed for Google Calendar, Outlook or Apple Calendar. Anyone with the address can read it: reset it if it leaks."
      >
        <CalendarCard url={calendar} />
      </SettingsSection>

      <SettingsSection
        id="api"
        title="API tokens"
        description="For scripts: read and change the vendors you monitor through /api/v1/me. Tokens act as you; we keep only a hash."
      >
        <ApiTokens tokens={tokens} />
      </SettingsSection>

      <SettingsSection id="export" title="Export my data" description="Everything we keep about you, as one JSON file.">
        <a href="/settings/export" download className="text-sm font-medium underline underline-offset-2">
          Download my data (JSON)
        </a>
      </SettingsSection>

      <SettingsSection
        id="delete"
        title="Delete my account"
        description="Removes your account, the vendors you monitor, your settings, channels, tokens and sent-alert history. This cannot be undone."
      >
        <DeleteAccount email={user.email} />
      </SettingsSection>
    </>
  );
}
