import { buildAtom } from "@/lib/feeds/atom";
import { feedRoute } from "@/lib/feeds/route-config";

export const dynamic = "force-static";
export const revalidate = 300;
export { noStaticParams as generateStaticParams } from "@/lib/feeds/route-config";

export const GET = feedRoute(buildAtom, "application/atom+xml");
