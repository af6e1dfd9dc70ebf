import { db } from "@/lib/db";
import { preferencesUrl } from "@/lib/notify/links";
import { unsubscribe, unsubscribeTarget } from "@/lib/notify/preferences";

/**
 * The List-Unsubscribe URL of our emails (RFC 8058). A POST (mail clients send the body
 * `List-Unsubscribe=One-Click`) turns the email off at once, with no sign-in: the signed token is
 * the authority. A GET changes nothing (mail scanners fetch every link): it opens the
 * preferences page, where one button does the same.
 */
interface Params {
  params: Promise<{ token: string }>;
}

export async function POST(_request: Request, { params }: Params) {
  const target = await unsubscribeTarget((await params).token);
  if (!target) return new Response("This unsubscribe link is not valid.", { status: 400 });
  const done = await unsubscribe(target);
  if (!done) return new Response("This subscription no longer exists.", { status: 200 });
  const what = done.vendorName ? `email about ${done.vendorName}` : "digest email";
  return new Response(`Unsubscribed: you will get no more ${what}.`, {
    status: 200,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

export async function GET(_request: Request, { params }: Params) {
  const target = await unsubscribeTarget((await params).token);
  if (!target) return new Response("This unsubscribe link is not valid.", { status: 400 });
  const userId =
    "digestOf" in target
      ? target.digestOf
      : (await db.subscription.findUnique({ where: { id: target.subscriptionId }, select: { userId: true } }))?.userId;
  if (!userId) return new Response("This subscription no longer exists.", { status: 404 });
  const page = await preferencesUrl(userId);
  const stop = "subscriptionId" in target ? `?stop=${encodeURIComponent(target.subscriptionId)}` : "";
  return Response.redirect(`${page}${stop}`, 303);
}
