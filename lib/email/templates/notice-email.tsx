import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, s } from "@/lib/email/templates/layout";
import type { NoticeMessage } from "@/lib/notify/message";

export interface NoticeEmailProps {
  notice: NoticeMessage;
  channelsUrl: string;
  preferencesUrl: string;
}

const TYPE_NAME: Record<string, string> = {
  slack: "Slack",
  discord: "Discord",
  teams: "Microsoft Teams",
  webhook: "webhook",
  email: "email",
};

export function noticeSubject(n: NoticeMessage): string {
  if (n.type === "test") return "Vendorwatch test email";
  return `Vendorwatch stopped sending to your ${TYPE_NAME[n.channelType] ?? n.channelType} channel ${n.channelName}`;
}

/** Messages about the account: a channel we had to turn off, a "Send test". */
export default function NoticeEmail(p: NoticeEmailProps) {
  const n = p.notice;
  return (
    <EmailLayout
      preview={noticeSubject(n)}
      preferencesUrl={p.preferencesUrl}
      footer="This email is about your Vendorwatch account."
    >
      <Heading as="h1" style={s.h1}>
        {noticeSubject(n)}
      </Heading>
      {n.type === "test" ? (
        <Text style={s.p}>This is a test. Alerts for the vendors you follow will arrive at this address.</Text>
      ) : (
        <>
          <Text style={s.p}>
            Our last 10 attempts to deliver to {n.channelName} failed, so we turned the channel off. Alerts keep going
            to your other channels.
          </Text>
          <Text style={s.p}>The last error was: {n.reason}</Text>
          <Text style={s.p}>
            Once the destination works again, turn the channel back on or send a test from your settings.
          </Text>
          <Button href={p.channelsUrl} style={s.button}>
            Open channel settings
          </Button>
        </>
      )}
    </EmailLayout>
  );
}
