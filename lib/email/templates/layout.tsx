import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";

/**
 * The frame every Vendorwatch email shares: one narrow column, system fonts, inline styles only
 * (Gmail and Outlook drop <style> rules they do not like), and a footer that says why the mail
 * came and how to stop it.
 */
export const palette = {
  text: "#111827",
  muted: "#6b7280",
  line: "#e5e7eb",
  soft: "#f9fafb",
  link: "#1d4ed8",
  minor: "#a16207",
  major: "#c2410c",
  critical: "#b91c1c",
  ok: "#15803d",
  info: "#1d4ed8",
};

export const font =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

export const s = {
  h1: { fontSize: "20px", lineHeight: "28px", fontWeight: 700, margin: "4px 0 6px", color: palette.text },
  h2: { fontSize: "15px", lineHeight: "22px", fontWeight: 700, margin: "0 0 4px", color: palette.text },
  p: { fontSize: "14px", lineHeight: "22px", margin: "0 0 8px", color: palette.text },
  small: { fontSize: "12px", lineHeight: "18px", margin: "0", color: palette.muted },
  link: { color: palette.link, textDecoration: "underline" },
  quote: {
    fontSize: "14px",
    lineHeight: "22px",
    margin: "8px 0",
    padding: "8px 12px",
    borderLeft: `3px solid ${palette.line}`,
    background: palette.soft,
    color: palette.text,
  },
  button: {
    display: "inline-block",
    background: palette.text,
    color: "#ffffff",
    fontSize: "14px",
    fontWeight: 600,
    padding: "10px 16px",
    borderRadius: "6px",
    textDecoration: "none",
  },
} satisfies Record<string, CSSProperties>;

export function EmailLayout(props: {
  preview: string;
  children: ReactNode;
  footer: ReactNode;
  preferencesUrl: string;
  unsubscribe?: { url: string; label: string };
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ background: "#ffffff", fontFamily: font, margin: 0, padding: "24px 0" }}>
        <Container style={{ maxWidth: "560px", padding: "0 20px" }}>
          <Text style={{ ...s.small, fontWeight: 700, letterSpacing: "0.04em", color: palette.text }}>VENDORWATCH</Text>
          <Hr style={{ borderColor: palette.line, margin: "12px 0 16px" }} />
          {props.children}
          <Hr style={{ borderColor: palette.line, margin: "24px 0 12px" }} />
          <Section>
            <Text style={s.small}>{props.footer}</Text>
            <Text style={{ ...s.small, marginTop: "8px" }}>
              <Link href={props.preferencesUrl} style={{ ...s.link, color: palette.muted }}>
                Manage notifications
              </Link>
              {props.unsubscribe ? (
                <>
                  {" · "}
                  <Link href={props.unsubscribe.url} style={{ ...s.link, color: palette.muted }}>
                    {props.unsubscribe.label}
                  </Link>
                </>
              ) : null}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
