import type { Site } from "@/scripts/bench/app";

/**
 * A visitor's cookies, got the way a browser gets them from the running server: the signed-out
 * ones Auth.js sets on any visit to its routes, and a real session through the magic-link flow
 * (ask for a link, read it from the local outbox, press "Sign in" on the confirm page).
 */
class Jar {
  private cookies = new Map<string, string>();
  store(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [name, ...rest] = (c.split(";")[0] ?? "").split("=");
      if (name) this.cookies.set(name.trim(), rest.join("="));
    }
  }
  has(name: string): boolean {
    return this.cookies.has(name);
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export interface Visitor {
  signedOutCookie: string;
  signedInCookie: string;
}

export async function signIn(site: Site, email: string): Promise<Visitor> {
  const jar = new Jar();
  const csrf = await fetch(`${site.base}/api/auth/csrf`);
  jar.store(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedOutCookie = jar.header();
  const ask = await fetch(`${site.base}/api/auth/signin/resend`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: "/dashboard" }),
  });
  if (ask.status >= 400) throw new Error(`asking for a sign-in link answered ${ask.status}`);
  jar.store(ask);
  const [mail] = await site.sql<{ text: string }>(
    `SELECT "text" FROM "LocalEmail" WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
    [email],
  );
  const link = /https?:\/\/\S+\/login\/confirm\?\S+/.exec(mail?.text ?? "")?.[0];
  if (!link) throw new Error(`no sign-in link was emailed to ${email}`);
  const confirm = new URL(link);
  const done = await fetch(`${site.base}/api/auth/callback/resend${confirm.search}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: jar.header() },
  });
  jar.store(done);
  if (!jar.has("authjs.session-token"))
    throw new Error(`the sign-in callback answered ${done.status} without a session`);
  const me = await fetch(`${site.base}/dashboard`, { headers: { cookie: jar.header() }, redirect: "manual" });
  if (me.status !== 200) throw new Error(`the dashboard answered ${me.status} to the new session`);
  return { signedOutCookie, signedInCookie: jar.header() };
}
