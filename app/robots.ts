import type { MetadataRoute } from "next";
import { appUrl } from "@/env";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/vendors/*/badge.svg"] },
    sitemap: `${appUrl()}/sitemap.xml`,
  };
}
