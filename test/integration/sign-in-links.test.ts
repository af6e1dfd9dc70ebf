import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import ConfirmSignInPage from "@/app/(auth)/login/confirm/page";
import SignInErrorPage from "@/app/(auth)/login/error/page";
import { authSecret } from "@/lib/auth/secret";
import { callbackActionPath, inspectSignInLink } from "@/lib/auth/magic-link";
import { SIGN_IN_PER_ADDRESS, SIGN_IN_PER_IP } from "@/lib/rate-limit";
import { connectTestDatabase } from "@/test/support/db";
import { ORIGIN, authRequest, lastLinkTo, requestLink } from "@/test/support/auth-requests";
import { renderHtml } from "@/test/support/request-context";

// The pages read the visitor's session through next/headers: here, a visitor without one.
vi.mock("next/headers", () => import("@/test/support/request-context").then((m) => m.nextHeaders));

const db = connectTestDatabase();
const address = () => `u-${randomUUID().slice(0, 8)}@example.com`;
const uniqueIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 4)}`;

const paramsOf = (link: URL) => ({
  token: link.searchParams.get("token") ?? "",
  email: link.searchParams.get("email") ?? "",
  callbackUrl: link.searchParams.get("callbackUrl"),
});

/** The confirm page's button: a POST to the Auth.js callback with the link's query. */
const pressSignIn = (link: URL) => authRequest("POST", callbackActionPath(paramsOf(link)));

/** What a GET of the emailed link answers (Next answers a HEAD of a page by rendering it too). */
const openLink = async (link: URL) =>
  renderHtml(await ConfirmSignInPage({ searchParams: Promise.resolve(Object.fromEntries(link.searchParams)) }));

/** The page Auth.js sends a failed press to. */
const errorPage = async (location: string | null) =>
  renderHtml(
    await SignInErrorPage({
      searchParams: Promise.resolve(Object.fromEntries(new URL(location ?? "", ORIGIN).searchParams)),
    }),
  );

const signInButton = (html: string) => /<button[^>]*type="submit"[^>]*>Sign in<\/button>/.test(html);

describe("sign-in links", () => {
  it("emails our confirm page, not the callback; opening it changes nothing; the button signs in once", async () => {
    const email = address();
    expect(await requestLink(email, uniqueIp())).toContain("/verify-request");
    const link = await lastLinkTo(email);
    expect(link.pathname).toBe("/login/confirm");
    expect(link.searchParams.get("token")).toMatch(/^[0-9a-f]{64}$/);
    const mail = await db.localEmail.findFirstOrThrow({ where: { to: email } });
    expect(mail.html).toContain(link.pathname);
    expect(mail.text).toContain("works once, for 24 hours");

    // A scanner opens the link (the confirm page reads the token, and a HEAD of the raw
    // callback is refused by Auth.js): the token is still there afterwards.
    const secret = await authSecret();
    expect(await inspectSignInLink(paramsOf(link), secret)).toBe("valid");
    expect(await inspectSignInLink(paramsOf(link), secret)).toBe("valid");

    const first = await pressSignIn(link);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`${ORIGIN}/dashboard`);
    expect(first.headers.getSetCookie().join("\n")).toMatch(/authjs\.session-token=/);

    const user = await db.user.findUniqueOrThrow({
      where: { email },
      include: { preferences: true, channels: true, sessions: true },
    });
    expect(user.emailVerified).not.toBeNull();
    expect(user.preferences).not.toBeNull();
    expect(user.channels).toMatchObject([{ type: "email", target: email }]);
    expect(user.sessions).toHaveLength(1);

    // Used: the same button again is refused, and the confirm page says so.
    const again = await pressSignIn(link);
    expect(again.headers.get("location")).toBe(`${ORIGIN}/login/error?error=Verification`);
    expect(await inspectSignInLink(paramsOf(link), secret)).toBe("used");
  });

  it("a link a scanner fetched (HEAD, then GET) still signs in on the first real press", async () => {
    const email = address();
    await requestLink(email, uniqueIp());
    const link = await lastLinkTo(email);
    const stored = await db.verificationToken.findMany({ where: { identifier: email } });
    for (let i = 0; i < 2; i++) {
      const html = await openLink(link);
      expect(signInButton(html)).toBe(true);
      expect(html).toContain(`action="${callbackActionPath(paramsOf(link)).replace(/&/g, "&amp;")}"`);
      expect(html).not.toMatch(/<script[^>]*>[^<]*submit\(/);
    }
    expect(await db.verificationToken.findMany({ where: { identifier: email } })).toEqual(stored);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();

    const press = await pressSignIn(link);
    expect(press.headers.get("location")).toBe(`${ORIGIN}/dashboard`);
    expect(press.headers.getSetCookie().join("\n")).toMatch(/authjs\.session-token=/);

    // Reused: the press lands on the plain error page, and the link's page says it was used.
    const again = await pressSignIn(link);
    const failed = await errorPage(again.headers.get("location"));
    expect(failed).toContain("This sign-in link can no longer be used");
    expect(failed).toContain("Email me a sign-in link");
    const reopened = await openLink(link);
    expect(reopened).toContain("This sign-in link has already been used");
    expect(signInButton(reopened)).toBe(false);
  });

  it("an expired link is refused and the confirm page says it expired", async () => {
    const email = address();
    await requestLink(email, uniqueIp());
    const link = await lastLinkTo(email);
    await db.verificationToken.updateMany({
      where: { identifier: email },
      data: { expires: new Date(Date.now() - 1000) },
    });
    expect(await inspectSignInLink(paramsOf(link), await authSecret())).toBe("expired");
    const opened = await openLink(link);
    expect(opened).toContain("This sign-in link has expired");
    expect(signInButton(opened)).toBe(false);
    const res = await pressSignIn(link);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/login/error?error=Verification`);
    expect(await errorPage(res.headers.get("location"))).toContain("This sign-in link can no longer be used");
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("a malformed link is recognised without a lookup", async () => {
    const secret = await authSecret();
    expect(await inspectSignInLink({}, secret)).toBe("malformed");
    expect(await inspectSignInLink({ token: "abc", email: "a@b.c" }, secret)).toBe("malformed");
    expect(await inspectSignInLink({ token: "f".repeat(64), email: "nobody" }, secret)).toBe("malformed");
    expect(await inspectSignInLink({ token: "f".repeat(64), email: "a@b.c" }, secret)).toBe("used");
  });

  it("never redirects to another origin after signing in", async () => {
    const email = address();
    await requestLink(email, uniqueIp(), "https://evil.example/steal");
    const link = await lastLinkTo(email);
    expect(link.searchParams.get("callbackUrl")).toBe(`${ORIGIN}/`);
    const res = await pressSignIn(link);
    expect(new URL(res.headers.get("location") ?? "").origin).toBe(ORIGIN);
  });
});

describe("sign-in rate limits", () => {
  it(`allows ${SIGN_IN_PER_ADDRESS.limit} links per address, then answers the same for known and unknown addresses`, async () => {
    const known = address();
    const unknown = address();
    await db.user.create({ data: { email: known } });
    const answers: Record<string, string[]> = { [known]: [], [unknown]: [] };
    for (const email of [known, unknown]) {
      for (let i = 0; i <= SIGN_IN_PER_ADDRESS.limit; i++) answers[email]?.push(await requestLink(email, uniqueIp()));
    }
    for (const email of [known, unknown]) {
      const list = answers[email] ?? [];
      expect(list.slice(0, -1).every((l) => l.includes("/verify-request"))).toBe(true);
      expect(list.at(-1)).toBe(`${ORIGIN}/login?error=RateLimited`);
      expect(await db.localEmail.count({ where: { to: email } })).toBe(SIGN_IN_PER_ADDRESS.limit);
    }
    expect(answers[known]).toEqual(answers[unknown]);
  });

  it("holds when the requests for one address arrive all at once", async () => {
    const email = address();
    const answers = await Promise.all(
      Array.from({ length: SIGN_IN_PER_ADDRESS.limit * 3 }, () => requestLink(email, uniqueIp())),
    );
    expect(answers.filter((a) => a.includes("/verify-request"))).toHaveLength(SIGN_IN_PER_ADDRESS.limit);
    expect(await db.localEmail.count({ where: { to: email } })).toBe(SIGN_IN_PER_ADDRESS.limit);
  });

  it(`allows ${SIGN_IN_PER_IP.limit} links per client address`, async () => {
    const ip = uniqueIp();
    const results = [];
    for (let i = 0; i <= SIGN_IN_PER_IP.limit; i++) results.push(await requestLink(address(), ip));
    expect(results.filter((r) => r.includes("/verify-request"))).toHaveLength(SIGN_IN_PER_IP.limit);
    expect(results.at(-1)).toBe(`${ORIGIN}/login?error=RateLimited`);
    // Another client is not affected.
    expect(await requestLink(address(), uniqueIp())).toContain("/verify-request");
  });
});
