import { personalCalendar } from "@/lib/data/calendar";

/**
 * A user's maintenance calendar at /calendar/<secret>.ics. The secret is the only key (calendar
 * apps send no cookies); an unknown one is a plain 404, like any other missing page.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const token = file.endsWith(".ics") ? file.slice(0, -4) : "";
  const body = token ? await personalCalendar(token) : null;
  if (!body) return new Response("No such calendar.\n", { status: 404, headers: { "content-type": "text/plain" } });
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="vendorwatch-maintenance.ics"',
      "cache-control": "private, max-age=300",
      "x-robots-tag": "noindex",
      "referrer-policy": "no-referrer",
    },
  });
}
