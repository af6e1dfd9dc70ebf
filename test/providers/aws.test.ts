import { describe, expect, it } from "vitest";
import { parsePayload } from "@/lib/providers/index";
import { text } from "./helpers";

const aws = (file: string) => parsePayload("aws", text(`aws/${file}`));

describe("aws legacy data.json", () => {
  const s = aws("status-data-json-2022.json");
  it("86 archived events, resolved, epoch seconds to UTC", () => {
    expect(s.status).toBe("operational"); // current: []
    expect(s.incidents).toHaveLength(86);
    expect(s.incidents[0]).toMatchObject({
      id: "internetconnectivity-us-east-2_1624564393",
      title: "[RESOLVED] Internet Connectivity",
      status: "resolved",
      impact: "minor",
      startedAt: "2021-06-24T19:53:13.000Z",
      componentIds: ["internetconnectivity-us-east-2"],
    });
    expect(s.incidents.filter((i) => i.impact === "critical").map((i) => i.componentIds[0])).toEqual([
      "certificatemanager-us-east-1",
      "directconnect-ap-northeast-1",
      "management-console",
    ]);
  });
  it("every service an archived event names is an operational component", () => {
    const ids = new Set(s.components.map((c) => c.id));
    expect(s.incidents.every((i) => i.componentIds.every((id) => ids.has(id)))).toBe(true);
    expect(s.components.every((c) => c.status === "operational")).toBe(true);
    expect(s.components.find((c) => c.id === "management-console")?.name).toBe("AWS Management Console");
  });
});

describe("aws all.rss: many services in one feed", () => {
  it("an open event of one service is not masked by a newer resolved item of another", () => {
    // Newest item: RDS resolved (Feb 10). Older: Billing Console informational, never resolved.
    const s = aws("all-rss-excerpt-open-billing-2023-02.xml");
    expect(s.status).toBe("degraded");
    expect(s.components).toEqual([
      { id: "billingconsole", name: "billingconsole", group: null, status: "degraded" },
      { id: "rds-us-east-1", name: "rds-us-east-1", group: null, status: "operational" },
    ]);
    expect(s.incidents.map((i) => [i.id, i.status, i.componentIds])).toEqual([
      ["rds-us-east-1_1676072880", "resolved", ["rds-us-east-1"]],
      ["billingconsole_1675376364", "investigating", ["billingconsole"]],
    ]);
    expect(s.incidents[1]?.title).toBe(
      "Increased error rates when accessing Cost Explorer, Budgets, and Cost and Usage Reports",
    );
  });

  it("each item is filed under the service its own guid names", () => {
    const s = aws("all-rss-2021-12-27.xml");
    expect(s.status).toBe("operational");
    expect(s.incidents.map((i) => [i.id, i.componentIds[0], i.title])).toEqual([
      ["internetconnectivity-ap-south-1_1640371277", "internetconnectivity-ap-south-1", "Internet connectivity"],
      [
        "directoryservice-us-east-1_1640224660",
        "directoryservice-us-east-1",
        "Increased Error Rates with Directory Services AD Connector or Managed AD",
      ],
    ]);
    // "Informational message: [RESOLVED] …": the mark AWS adds after the fact closes the event.
    expect(s.incidents[0]).toMatchObject({ status: "resolved", resolvedAt: "2021-12-24T18:41:17.000Z" });
  });

  it("a root-cause summary after the resolution is an update of the same event", () => {
    const s = aws("all-rss-govcloud-2021-12-20.xml");
    expect(s.incidents).toHaveLength(1);
    expect(s.incidents[0]).toMatchObject({
      id: "internetconnectivity-us-gov-west-1_1639584617",
      status: "resolved",
      startedAt: "2021-12-15T16:10:17.000Z", // 08:10:17 PST
      resolvedAt: "2021-12-15T20:16:32.000Z", // 12:16:32 PST
    });
    expect(s.incidents[0]?.updates.map((u) => u.at)).toEqual(["2021-12-15T20:16:32.000Z", "2021-12-15T16:10:17.000Z"]);
  });
});

describe("aws per-service RSS", () => {
  it("EC2 N. Virginia: the Dec 2021 power event is one incident with 13 updates, not 13 incidents", () => {
    const s = aws("ec2-us-east-1-rss-2022-03.xml");
    expect(s.components).toEqual([
      { id: "ec2-us-east-1", name: "Amazon Elastic Compute Cloud (N. Virginia)", group: null, status: "operational" },
    ]);
    const [power, december7] = s.incidents;
    expect(power).toMatchObject({
      id: "ec2-us-east-1_1640176500",
      title: "API Error Rates",
      status: "resolved",
      impact: "minor",
      startedAt: "2021-12-22T12:35:00.000Z", // 04:35 PST
      resolvedAt: "2021-12-23T00:22:00.000Z", // 16:22 PST
    });
    expect(power?.updates).toHaveLength(13);
    // Every title carries [RESOLVED] after the fact; only the last update says it was over.
    expect(power?.updates.map((u) => u.status)).toEqual(["resolved", ...Array(12).fill("investigating")]);
    expect(december7).toMatchObject({ id: "ec2-us-east-1_1638895771", impact: "major", status: "resolved" });
    expect(december7?.updates).toHaveLength(2);
    expect(s.incidents).toHaveLength(new Set(s.incidents.map((i) => i.id)).size);
  });

  it("EC2 Tokyo (PDT dates, bilingual): items grouped into events by service and time gap", () => {
    const s = aws("ec2-ap-northeast-1-rss-2019-09.xml");
    expect(s.components).toEqual([
      { id: "ec2-ap-northeast-1", name: "Amazon Elastic Compute Cloud (Tokyo)", group: null, status: "operational" },
    ]);
    // Two "[RESOLVED] Increased API Error Rates" items 21 minutes apart (Apr 2016) are one event.
    expect(s.incidents.map((i) => [i.id, i.updates.length])).toEqual([
      ["ec2-ap-northeast-1_1566533912", 7],
      ["ec2-ap-northeast-1_1496642284", 1],
      ["ec2-ap-northeast-1_1467777096", 2],
      ["ec2-ap-northeast-1_1461170340", 2],
      ["ec2-ap-northeast-1_1435552650", 2],
      ["ec2-ap-northeast-1_1431704187", 1],
    ]);
    expect(s.incidents[0]).toMatchObject({
      title: "インスタンスの接続性について | Instance Availability",
      status: "resolved",
      impact: "major", // worst prefix: Service degradation
      startedAt: "2019-08-23T04:18:32.000Z", // Thu, 22 Aug 2019 21:18:32 PDT
      resolvedAt: "2019-08-23T11:18:35.000Z", // Fri, 23 Aug 2019 04:18:35 PDT
    });
    expect(s.incidents[1]?.title).toBe("APIのエラー率の増加 | API Increased API Error Rates");
  });

  it('Athena Oregon (2025): the newer "Service impact:" prefix is an open partial outage', () => {
    const s = aws("athena-us-west-2-rss-service-impact-2025-06.xml");
    expect(s.status).toBe("partial_outage");
    expect(s.components).toEqual([
      { id: "athena-us-west-2", name: "Amazon Athena (Oregon)", group: null, status: "partial_outage" },
    ]);
    expect(s.incidents[0]).toMatchObject({
      id: "athena-us-west-2_1749832722",
      title: "Increased Queue Processing Time",
      status: "investigating",
      impact: "major",
      resolvedAt: null,
    });
  });

  it("a feed with no items is operational with nothing to report", () => {
    const s = aws("connect-eu-west-2-rss-empty-2025-06.xml");
    expect(s).toEqual({ provider: "aws", status: "operational", components: [], incidents: [], maintenances: [] });
  });
});
