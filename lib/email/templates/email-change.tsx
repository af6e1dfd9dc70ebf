import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { AccountEmailLayout, styles } from "./account-layout";

export interface EmailChangeEmailProps {
  url: string;
  oldEmail: string;
  newEmail: string;
}

/** Sent to the new address: the change happens only when its owner confirms it. */
export default function EmailChangeEmail({ url, oldEmail, newEmail }: EmailChangeEmailProps) {
  return (
    <AccountEmailLayout preview="Confirm your new email address for Vendorwatch">
      <Heading as="h1" style={styles.heading}>
        Confirm your new email address
      </Heading>
      <Text style={styles.text}>
        The Vendorwatch account of <strong>{oldEmail}</strong> asked to use <strong>{newEmail}</strong> from now on, for
        signing in and for alerts. The link works once, for 24 hours.
      </Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={url} style={styles.button}>
          Confirm {newEmail}
        </Button>
      </Section>
      <Text style={styles.small}>
        If the button does not work, copy this address into your browser:{" "}
        <Link href={url} style={styles.link}>
          {url}
        </Link>
      </Text>
    </AccountEmailLayout>
  );
}

EmailChangeEmail.PreviewProps = {
  url: "http://localhost:3000/email-change/confirm?token=0123456789abcdef",
  oldEmail: "ada@example.com",
  newEmail: "ada@work.example",
} satisfies EmailChangeEmailProps;

export function emailChangeText({ url, oldEmail, newEmail }: EmailChangeEmailProps): string {
  return [
    "Confirm your new email address",
    "",
    `The Vendorwatch account of ${oldEmail} asked to use ${newEmail} from now on, for signing in and for alerts.`,
    "Open this link to confirm. It works once, for 24 hours:",
    "",
    url,
    "",
    "If you did not ask for this, ignore this email: nothing changes unless the link is used.",
    "",
    "Vendorwatch",
  ].join("\n");
}
