import { Webhook } from "standardwebhooks";
import { incidentUrl, vendorUrl } from "@/lib/notify/links";
import { type ChannelModule, classifyHttp } from "@/lib/notify/channels/types";

/**
 * Generic webhooks: a versioned JSON body, signed the Standard Webhooks way (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`), so
 * receivers can verify with any Standard Webhooks library and drop a redelivery by its id.
 */
export const WEBHOOK_PAYLOAD_VERSION = "1";

export function signWebhook(secret: string, id: string, at: Date, body: string): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}

export const webhook: ChannelModule = {
  build(content, target) {
    const base = { version: WEBHOOK_PAYLOAD_VERSION, id: target.deliveryId, createdAt: target.now.toISOString() };
    const payload =
      content.kind === "test"
        ? { ...base, type: "test" }
        : {
            ...base,
            type: "alert",
            vendor: { ...content.message.vendor, url: vendorUrl(content.message.vendor.slug) },
            detectedAt: content.message.detectedAt,
            incidents: content.message.incidents.map((i) => ({
              ...i,
              url: i.url,
              pageUrl: incidentUrl(content.message.vendor.slug, i.id),
            })),
            components: content.message.components,
            maintenances: content.message.maintenances,
          };
    const body = JSON.stringify(payload);
    const headers = target.secret ? signWebhook(target.secret, target.deliveryId, target.now, body) : {};
    return { body, headers };
  },
  classify: classifyHttp,
};
