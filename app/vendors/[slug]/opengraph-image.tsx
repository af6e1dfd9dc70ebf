import { ImageResponse } from "next/og";
import { getVendorDetail } from "@/lib/data/cached";
import { STATUS_HEX } from "@/lib/feeds/badge";
import { STATUS_TEXT, type Status } from "@/lib/domain/vocabulary";

export const alt = "Current status on Vendorwatch";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const revalidate = 300;

export async function generateStaticParams(): Promise<Array<{ slug: string }>> {
  return [];
}

/**
 * Uses only ImageResponse's bundled Latin font. Characters it lacks would make it fetch a font
 * from the network, which a self-hosted instance may not have, so they are dropped here.
 */
const latin = (text: string) => text.replace(/[^\u0020-\u024F]/g, "").trim();

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const detail = await getVendorDetail(slug);
  const name = latin(detail?.vendor.name ?? "") || slug;
  const status: Status = detail?.status ?? "unknown";
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "#0b0b0c",
        color: "#fafafa",
      }}
    >
      <div style={{ display: "flex", fontSize: 32, color: "#a1a1aa" }}>Vendorwatch</div>
      <div style={{ display: "flex", flexDirection: "column", gap: 24 }}>
        <div style={{ display: "flex", fontSize: 84, fontWeight: 700, lineHeight: 1.1 }}>{`${name} status`}</div>
        <div style={{ display: "flex", alignItems: "center", gap: 20, fontSize: 44 }}>
          <div style={{ display: "flex", width: 36, height: 36, borderRadius: 18, background: STATUS_HEX[status] }} />
          {STATUS_TEXT[status]}
        </div>
      </div>
      <div style={{ display: "flex", fontSize: 28, color: "#a1a1aa" }}>
        Live status, incidents and 90-day uptime from the official status page
      </div>
    </div>,
    size,
  );
}
