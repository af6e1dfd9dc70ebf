import { render } from "@react-email/components";
import { createElement } from "react";
import SignInLinkEmail, { signInLinkText } from "@/lib/email/templates/sign-in-link";
import {
  alertPreview,
  digestPreview,
  maintenancePreview,
  noticePreview,
  resolvedPreview,
} from "@/lib/email/templates/previews";
import { appUrl } from "@/env";
import { type RenderedEmail, personalise, renderAlert, renderDigest, renderNotice } from "@/lib/notify/render-email";

/** Every email Vendorwatch sends, rendered from real recorded incidents, as a recipient gets it. */
export const TEMPLATE_PREVIEWS = {
  "alert-created": {
    label: "Alert: incident opened",
    render: () => renderAlert("preview-created", alertPreview, "UTC"),
  },
  "alert-resolved": {
    label: "Alert: incident resolved",
    render: () => renderAlert("preview-resolved", resolvedPreview, "Europe/London"),
  },
  maintenance: {
    label: "Alert: maintenance",
    render: () => renderAlert("preview-maintenance", maintenancePreview, "America/New_York"),
  },
  digest: { label: "Digest", render: () => renderDigest(digestPreview) },
  notice: { label: "Channel turned off", render: () => renderNotice(noticePreview) },
  "sign-in": { label: "Sign-in link", render: renderSignInPreview },
} satisfies Record<string, { label: string; render: () => Promise<RenderedEmail> }>;

/** A preview's own links go to the app's preferences page, as a recipient's would (with a dummy token). */
export async function renderTemplatePreview(name: TemplatePreviewName): Promise<RenderedEmail> {
  const preferencesUrl = `${appUrl()}/notifications/preview`;
  return personalise(await TEMPLATE_PREVIEWS[name].render(), { preferencesUrl, stopUrl: `${preferencesUrl}?stop=1` });
}

export type TemplatePreviewName = keyof typeof TEMPLATE_PREVIEWS;

export const isTemplatePreviewName = (name: string): name is TemplatePreviewName =>
  Object.hasOwn(TEMPLATE_PREVIEWS, name);

async function renderSignInPreview(): Promise<RenderedEmail> {
  const props = {
    url: "https://vendorwatch.example/login/confirm?token=preview",
    email: "ada@example.com",
    validFor: "24 hours",
  };
  const html = await render(createElement(SignInLinkEmail, props));
  return { subject: "Sign in to Vendorwatch", html, text: signInLinkText(props) };
}
