import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { PollOutcome, Prisma } from "@/lib/generated/prisma/client";

/** One poll's row of history (the console's poll history and its figures read these). */
export interface PollRunRecord {
  vendorId: string;
  startedAt: Date;
  /** From the poll's start until its result was known (before the result is written). */
  durationMs: number;
  outcome: PollOutcome;
  httpStatus: number | null;
  bytes: number | null;
  changeCount: number;
  error: string | null;
}

/**
 * Many polls' runs in one INSERT, the rows as one JSON parameter (no bind-parameter limit however
 * many a flush holds). A vendor deleted since its poll has no history to keep: its rows are skipped.
 */
export async function insertPollRuns(runs: PollRunRecord[]): Promise<void> {
  if (!runs.length) return;
  await db.$executeRawUnsafe(
    `INSERT INTO "PollRun" (id, "vendorId", "startedAt", "durationMs", outcome, "httpStatus", bytes, "changeCount", error)
     SELECT x.id, x."vendorId", x."startedAt" AT TIME ZONE 'UTC', x."durationMs", x.outcome::"PollOutcome",
            x."httpStatus", x.bytes, x."changeCount", x.error
     FROM json_to_recordset($1::json) AS x(id text, "vendorId" text, "startedAt" timestamptz, "durationMs" int,
          outcome text, "httpStatus" int, bytes int, "changeCount" int, error text)
     JOIN "Vendor" v ON v.id = x."vendorId"`,
    JSON.stringify(runs.map((r) => ({ id: randomUUID(), ...r }))),
  );
}

/** A changed poll's run, written in its commit transaction. */
export async function createPollRun(tx: Prisma.TransactionClient, run: PollRunRecord): Promise<void> {
  await tx.pollRun.create({ data: run });
}
