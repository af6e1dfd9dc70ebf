import type * as NextCache from "next/cache";
import { type ReactNode, createElement } from "react";
import { renderToReadableStream } from "react-dom/server";
import { Providers } from "@/app/providers";

/**
 * The browser side of a request to our pages, actions and route handlers, for tests that call
 * them directly: the session cookie Next would hand to `headers()` / `cookies()`. Test files
 * route "next/headers" here with
 *
 *   vi.mock("next/headers", () => import("@/test/support/request-context").then((m) => m.nextHeaders));
 *
 * and "next/cache" to `nextCache` (Next's data cache and refresh() exist only inside its server).
 */
let cookieHeader = "";

/** Everything after this call runs as the holder of this session (null: signed out). */
export function actAs(sessionToken: string | null): void {
  cookieHeader = sessionToken ? `authjs.session-token=${sessionToken}` : "";
}

const parsed = () =>
  cookieHeader
    .split(";")
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const [name, ...rest] = c.split("=");
      return { name: name ?? "", value: rest.join("=") };
    });

export const nextHeaders = {
  headers: async () => new Headers(cookieHeader ? { cookie: cookieHeader } : {}),
  cookies: async () => ({
    get: (name: string) => parsed().find((c) => c.name === name),
    getAll: () => parsed(),
    has: (name: string) => parsed().some((c) => c.name === name),
    set: () => undefined,
    delete: () => undefined,
  }),
};

export async function nextCache(original: () => Promise<unknown>) {
  return {
    ...((await original()) as typeof NextCache),
    unstable_cache:
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      (...args: A) =>
        fn(...args),
    refresh: () => undefined,
  };
}

/** A server component's element tree as the HTML a browser would get (client islands included). */
export async function renderHtml(tree: ReactNode): Promise<string> {
  const stream = await renderToReadableStream(createElement(Providers, null, tree));
  await stream.allReady;
  return new Response(stream).text();
}
