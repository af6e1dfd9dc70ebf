// Screenshot harness only (not committed): a Statuspage vendor with a Markdown postmortem.
import { startFixtureServer } from "@/test/fixture-server";
import { stagePayloads, COMPONENTS } from "@/test/support/statuspage-script";

const body = `## Incident details
The ChargeOver team follows an agile software development lifecycle for rolling out new features and updates. Our typical continuous integration/continuous deployment roll-outs look something like this:

* Developers make changes
* Code review by other developers
* Automated security, linting, and security testing is performed
* Automated deploy of new updates to production environment

ChargeOver uses \`Docker\` containers and a redundant set of \`Docker Swarm\` nodes for production deployments. On \`July 19th at 10:24am CT\` we reviewed and deployed an update which caused the deployment of \`Docker\` container images to silently fail.

## Root cause
A single extra space \\(a single errant spacebar press!\\) was accidentally added to the very beginning of a \`docker-compose\` \`YAML\` file, which caused the \`docker-compose\` file to be invalid \`YAML\` syntax.

## Remediation plan
* We have already deployed multiple checks to ensure that invalid \`YAML\` syntax cannot pass automated tests.
* Our team will work to improve the very generic \`503 Service Unavailable\` message, directing affected customers to [https://status.chargeover.com](https://status.chargeover.com) where they can see real-time updates.

<script>alert("xss")</script> [a bad link](javascript:alert(1)) <img src=x onerror="alert(2)">`;

const day = 86_400_000;
const started = new Date(Date.now() - 2 * day);
const iso = (ms: number) => new Date(ms).toISOString();
const component = COMPONENTS[0] as { id: string; name: string };
const incident = {
  id: "pm0000000001",
  name: "ChargeOver unavailable after a deployment",
  status: "postmortem",
  impact: "major",
  created_at: iso(started.getTime()),
  started_at: iso(started.getTime()),
  updated_at: iso(started.getTime() + 3 * 3600_000),
  resolved_at: iso(started.getTime() + 45 * 60_000),
  shortlink: "https://stspg.io/example",
  components: [{ id: component.id, name: component.name, status: "operational" }],
  incident_updates: [
    { id: "u3", status: "postmortem", body, created_at: iso(started.getTime() + 3 * 3600_000), display_at: iso(started.getTime() + 3 * 3600_000) },
    { id: "u2", status: "resolved", body: "All services are **operational** again.<br />A postmortem will follow.", created_at: iso(started.getTime() + 45 * 60_000), display_at: iso(started.getTime() + 45 * 60_000) },
    { id: "u1", status: "investigating", body: "We are investigating a `503 Service Unavailable` error.", created_at: iso(started.getTime()), display_at: iso(started.getTime()) },
  ],
};
const srv = await startFixtureServer();
const p = stagePayloads({});
srv.set("/co/api/v2/summary.json", { body: p.summary });
srv.set("/co/api/v2/incidents.json", { body: JSON.stringify({ page: JSON.parse(p.incidents).page, incidents: [incident] }) });
srv.set("/co/api/v2/scheduled-maintenances.json", { body: p.maintenances });
srv.set("/fresh/api/v2/summary.json", { body: p.summary });
console.log(srv.url);
setInterval(() => {}, 1 << 30);
