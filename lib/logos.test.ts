import { describe, expect, it } from "vitest";
import { avatarHue, findLogo, initials, initialsAvatarSvg } from "@/lib/logos";

describe("logos", () => {
  it("prefers an apple-touch-icon, then the largest icon, and keeps https only", () => {
    const html = `<head>
      <link rel="shortcut icon" href="/favicon.ico">
      <link rel="icon" type="image/png" sizes="32x32" href="https://cdn.example.com/icon-32.png">
      <link rel="icon" sizes="192x192" href='/icon-192.png'>
      <link rel="apple-touch-icon" href="http://insecure.example.com/touch.png">
      <link rel="stylesheet" href="/app.css">
    </head>`;
    expect(findLogo(html, "https://status.example.com/")).toBe("https://status.example.com/icon-192.png");
    expect(findLogo(`<link href="/touch.png" rel="apple-touch-icon">${html}`, "https://status.example.com/x/")).toBe(
      "https://status.example.com/touch.png",
    );
    expect(findLogo("<html><body>no icons</body></html>", "https://status.example.com")).toBeNull();
  });

  it("makes an initials avatar with a stable colour and escaped text", () => {
    expect(initials("Amazon Web Services")).toBe("AW");
    expect(initials("1Password")).toBe("1");
    expect(initials("***")).toBe("?");
    expect(avatarHue("Stripe")).toBe(avatarHue("stripe"));
    const svg = initialsAvatarSvg('A&B "Cloud"');
    expect(svg).toContain(">AB</text>");
    expect(svg).toContain('aria-label="A&amp;B &quot;Cloud&quot;"');
    expect(svg).not.toMatch(/[^=]"Cloud"/);
  });
});
