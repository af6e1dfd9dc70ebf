import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth";
import { exportAccount } from "@/lib/data/account";

/** "Download my data": the signed-in user's own data, never anyone else's. */
export async function GET() {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  const data = await exportAccount(user.id);
  const day = new Date().toISOString().slice(0, 10);
  return new NextResponse(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="vendorwatch-export-${day}.json"`,
      "cache-control": "private, no-store",
    },
  });
}
