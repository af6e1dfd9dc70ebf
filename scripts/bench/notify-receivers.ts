import http from "node:http";
import type { AddressInfo } from "node:net";
import { startChatReceivers } from "@/test/support/chat-receivers";
import { startResendCapture } from "@/test/support/resend-capture";

/**
 * bench:notify's destinations, in a process of their own so their memory and CPU are not the
 * benchmark's: the Resend capture server and the webhook receivers, plus /stats saying how many
 * each accepted and when the last one arrived. Tells the parent its URLs, then waits for "stop".
 */
const resend = await startResendCapture();
const rx = await startChatReceivers();
const stats = http.createServer((_req, res) => {
  const lastEmail = resend.emails.at(-1)?.at.getTime() ?? null;
  const lastHook = rx.calls.at(-1)?.at.getTime() ?? null;
  res.writeHead(200, { "content-type": "application/json" }).end(
    JSON.stringify({
      emails: resend.emails.length,
      resendCalls: resend.calls.length,
      hooks: rx.calls.length,
      lastEmail,
      lastHook,
    }),
  );
});
await new Promise<void>((r) => stats.listen(0, "127.0.0.1", r));
process.send?.({
  resend: resend.url,
  receivers: rx.url,
  stats: `http://127.0.0.1:${(stats.address() as AddressInfo).port}`,
});
process.on("message", async (m: { type: string }) => {
  if (m.type !== "stop") return;
  stats.close();
  await Promise.all([resend.close(), rx.close()]);
  process.exit(0);
});
