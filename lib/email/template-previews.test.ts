import { describe, expect, it } from "vitest";
import { TEMPLATE_PREVIEWS, isTemplatePreviewName, renderTemplatePreview } from "@/lib/email/template-previews";
import { alertPreview, maintenancePreview } from "@/lib/email/templates/previews";

const names = Object.keys(TEMPLATE_PREVIEWS).filter(isTemplatePreviewName);

describe("every email template, rendered from recorded incidents", () => {
  it.each(names)("%s has a subject, an HTML part and a plain-text part that says the same", async (name) => {
    const email = await renderTemplatePreview(name);
    expect(email.subject.length).toBeGreaterThan(10);
    expect(email.html).toMatch(/^<!DOCTYPE html/i);
    expect(email.text.trim().length).toBeGreaterThan(40);
    // Plain-text clients get words and addresses, never markup or the placeholders links start as.
    expect(email.text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(email.html + email.text).not.toContain("links.invalid");
  });

  it("alert subjects name the vendor and what happened", async () => {
    const created = await renderTemplatePreview("alert-created");
    const title = alertPreview.incidents[0]?.title ?? "";
    expect(created.subject).toBe(`GitHub: ${title} (${alertPreview.incidents[0]?.impact}), investigating`);
    expect(created.text).toContain(title);
    expect(created.text).toContain("Actions");

    const resolved = await renderTemplatePreview("alert-resolved");
    expect(resolved.subject).toMatch(/^GitHub: .+resolved/);

    const maintenance = await renderTemplatePreview("maintenance");
    expect(maintenance.subject).toContain("Claude:");
    expect(maintenance.text).toContain(maintenancePreview.maintenances[0]?.title ?? "?");
  });

  it("alerts and digests carry the recipient's preferences link in both parts", async () => {
    for (const name of ["alert-created", "digest"] as const) {
      const email = await renderTemplatePreview(name);
      expect(email.html).toContain("/notifications/preview");
      expect(email.text).toContain("/notifications/preview");
    }
  });
});
