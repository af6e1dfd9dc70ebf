import { buildAtom } from "@/lib/feeds/atom";
import { feedRoute } from "@/app/vendors/[slug]/feed-route";

export const dynamic = "force-static";
export const revalidate = 300;
export { noStaticParams as generateStaticParams } from "@/app/vendors/[slug]/feed-route";

export const GET = feedRoute(buildAtom, "application/atom+xml");
