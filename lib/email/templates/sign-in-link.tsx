import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { AccountEmailLayout, styles } from "./account-layout";

export interface SignInLinkEmailProps {
  url: string;
  email: string;
  /** "24 hours": how long the link works, in words. */
  validFor: string;
}

/** The magic link. The button opens our confirm page, which signs in only when its button is pressed. */
export default function SignInLinkEmail({ url, email, validFor }: SignInLinkEmailProps) {
  return (
    <AccountEmailLayout preview="Your sign-in link for Vendorwatch">
      <Heading as="h1" style={styles.heading}>
        Sign in to Vendorwatch
      </Heading>
      <Text style={styles.text}>
        Use the button below to sign in as <strong>{email}</strong>. The link works once, for {validFor}.
      </Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={url} style={styles.button}>
          Sign in to Vendorwatch
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

SignInLinkEmail.PreviewProps = {
  url: "http://localhost:3000/login/confirm?token=0123456789abcdef&email=ada%40example.com&callbackUrl=%2Fdashboard",
  email: "ada@example.com",
  validFor: "24 hours",
} satisfies SignInLinkEmailProps;

/** The plain-text part, written for people who read mail as text (and for spam filters). */
export function signInLinkText({ url, email, validFor }: SignInLinkEmailProps): string {
  return [
    "Sign in to Vendorwatch",
    "",
    `Open this link to sign in as ${email}. It works once, for ${validFor}:`,
    "",
    url,
    "",
    "If you did not ask for this, ignore this email: nothing happens unless the link is used.",
    "",
    "Vendorwatch",
  ].join("\n");
}
