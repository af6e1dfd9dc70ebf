import { render, toPlainText } from "@react-email/components";
import { createElement } from "react";
import AlertEmail from "@/lib/email/templates/alert-email";
import DigestEmail, { digestSummary } from "@/lib/email/templates/digest-email";
import NoticeEmail, { noticeSubject } from "@/lib/email/templates/notice-email";
import { appUrl } from "@/env";
import { alertSubject } from "@/lib/notify/format";
import { incidentUrl, vendorUrl } from "@/lib/notify/links";
import type { AlertMessage, DigestMessage, NoticeMessage } from "@/lib/notify/message";

/**
 * Renders emails once per message and time zone, then fills in each recipient's own links: at
 * 10,000 subscribers a poll costs a handful of renders, not ten thousand. The output depends on
 * nothing but its inputs, so a retried batch is byte-identical and Resend replays it.
 */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface RecipientLinks {
  preferencesUrl: string;
  /** The preferences page, opened on "stop emails about this vendor". */
  stopUrl: string;
}

const PREFS = "https://links.invalid/vendorwatch-preferences";
const STOP = "https://links.invalid/vendorwatch-stop";
const cache = new Map<string, Promise<RenderedEmail>>();
const CACHE_SIZE = 500;

async function both(element: React.ReactElement, subject: string): Promise<RenderedEmail> {
  const html = await render(element);
  // The text part comes from the same HTML (no second render); headings keep their case, as an
  // upper-cased incident title reads as shouting.
  const text = toPlainText(html, {
    selectors: [
      ...["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } })),
      { selector: "img", format: "skip" },
      { selector: "[data-skip-in-text=true]", format: "skip" },
    ],
  });
  return { subject, html, text };
}

function cached(key: string, make: () => Promise<RenderedEmail>): Promise<RenderedEmail> {
  let hit = cache.get(key);
  if (!hit) {
    hit = make();
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  return hit;
}

export function personalise(r: RenderedEmail, links: RecipientLinks): RenderedEmail {
  const fill = (s: string) => s.replaceAll(PREFS, links.preferencesUrl).replaceAll(STOP, links.stopUrl);
  return { subject: r.subject, html: fill(r.html), text: fill(r.text) };
}

export function renderAlert(messageId: string, message: AlertMessage, timeZone: string): Promise<RenderedEmail> {
  return cached(`alert|${messageId}|${timeZone}`, () =>
    both(
      createElement(AlertEmail, {
        message,
        timeZone,
        vendorUrl: vendorUrl(message.vendor.slug),
        incidentUrl: (id: string) => incidentUrl(message.vendor.slug, id),
        preferencesUrl: PREFS,
        stopUrl: STOP,
      }),
      alertSubject(message),
    ),
  );
}

export function renderDigest(digest: DigestMessage): Promise<RenderedEmail> {
  const label = digest.frequency === "daily" ? "Your daily Vendorwatch digest" : "Your weekly Vendorwatch digest";
  return both(
    createElement(DigestEmail, { digest, incidentUrl, vendorUrl, preferencesUrl: PREFS }),
    `${label}: ${digestSummary(digest)}`,
  );
}

export function renderNotice(notice: NoticeMessage): Promise<RenderedEmail> {
  return both(
    createElement(NoticeEmail, { notice, channelsUrl: `${appUrl()}/settings/channels`, preferencesUrl: PREFS }),
    noticeSubject(notice),
  );
}

/** Forget cached renders (tests simulating a restart). */
export function clearRenderCache(): void {
  cache.clear();
}
