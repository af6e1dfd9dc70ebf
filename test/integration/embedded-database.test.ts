import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedDatabase, findRunningEmbedded, startEmbeddedDatabase } from "@/lib/db/embedded";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vw-embedded-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function client(db: EmbeddedDatabase, name = "test") {
  const c = new pg.Client({ connectionString: db.url, application_name: name });
  await c.connect();
  return c;
}

describe("embedded database", () => {
  it("keeps its data across a stop and a start, and advertises itself while running", async () => {
    let db = await startEmbeddedDatabase({ dataDir: dir, advertise: true });
    expect(await findRunningEmbedded(dir)).toEqual({ url: db.url, pid: process.pid });
    let c = await client(db);
    await c.query("create table kept (v text)");
    await c.query("insert into kept values ('still here')");
    await c.end();
    await db.stop();
    expect(await findRunningEmbedded(dir)).toBeNull();

    db = await startEmbeddedDatabase({ dataDir: dir });
    c = await client(db);
    expect((await c.query("select v from kept")).rows).toEqual([{ v: "still here" }]);
    await c.end();
    await db.stop();
  });

  it("isolates one client's open transaction from another client's statements", async () => {
    const db = await startEmbeddedDatabase({ dataDir: null });
    const a = await client(db, "a");
    const b = await client(db, "b");
    await a.query("create table t (v int)");
    await a.query("begin");
    await a.query("insert into t values (1)");
    // b must wait for a's transaction rather than run inside it.
    const bRead = b.query("select count(*)::int as n from t");
    await new Promise((r) => setTimeout(r, 100));
    await a.query("rollback");
    expect((await bRead).rows[0]).toEqual({ n: 0 });
    // Extended-protocol statements from both, interleaved, each get their own results.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).query("select $1::int as i", [i])),
    );
    expect(results.map((r) => r.rows[0].i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(db.queryStats()).toMatchObject({ a: expect.any(Number), b: expect.any(Number) });
    await a.end();
    await b.end();
    await db.stop();
  });

  it("rolls back the transaction of a client that disappears mid-way", async () => {
    const db = await startEmbeddedDatabase({ dataDir: null });
    const a = await client(db, "a");
    await a.query("create table u (v int)");
    await a.query("begin");
    await a.query("insert into u values (1)");
    a.on("error", () => undefined); // the test kills the connection on purpose
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const b = await client(db, "b");
    expect((await b.query("select count(*)::int as n from u")).rows[0]).toEqual({ n: 0 });
    await b.end();
    await db.stop();
  });
});
