import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type * as React from "react";

/** The frame of account emails (sign-in, email change): plain, readable, no images to block. */
export const styles = {
  body: { backgroundColor: "#f6f6f6", fontFamily: "-apple-system, Segoe UI, Helvetica, Arial, sans-serif", margin: 0 },
  container: { backgroundColor: "#ffffff", margin: "24px auto", padding: "32px", maxWidth: "520px", borderRadius: 8 },
  brand: { fontSize: 16, fontWeight: 700, margin: "0 0 24px", color: "#111111" },
  heading: { fontSize: 22, fontWeight: 700, margin: "0 0 16px", color: "#111111" },
  text: { fontSize: 15, lineHeight: "24px", color: "#222222", margin: "0 0 16px" },
  button: {
    backgroundColor: "#111111",
    color: "#ffffff",
    borderRadius: 6,
    fontSize: 15,
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
    display: "inline-block",
  },
  small: { fontSize: 13, lineHeight: "20px", color: "#555555", margin: "0 0 12px" },
  link: { color: "#111111", wordBreak: "break-all" as const },
};

export function AccountEmailLayout({ preview, children }: { preview: string; children: React.ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>Vendorwatch</Text>
          {children}
          <Hr style={{ borderColor: "#e5e5e5", margin: "24px 0" }} />
          <Section>
            <Text style={styles.small}>
              You get this email because someone entered this address on Vendorwatch. If that was not you, ignore it:
              nothing happens unless the button is used.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
