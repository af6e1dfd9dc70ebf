import { withToken } from "@/lib/api/me";
import { unfollowVendor } from "@/lib/data/subscriptions";

/** DELETE /api/v1/me/subscriptions/<slug>: stop monitoring; 404 when the caller does not follow it. */
export const DELETE = withToken(async (user, _request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  await unfollowVendor(user.id, slug);
  return new Response(null, { status: 204 });
});
