import { buildRss } from "@/lib/feeds/rss";
import { feedRoute } from "@/app/vendors/[slug]/feed-route";

export const dynamic = "force-static";
export const revalidate = 300;
export { noStaticParams as generateStaticParams } from "@/app/vendors/[slug]/feed-route";

export const GET = feedRoute(buildRss, "application/rss+xml");
