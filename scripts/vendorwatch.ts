import { UserError } from "@/lib/errors";
import { runMain } from "@/lib/cli/main";

const USAGE = `usage: vendorwatch <command>
  check <status-page-url> [--provider P] [--endpoint URL] [--json]   read a status page once, store nothing
  vendors add <status-page-url> [--name N] [--slug S] [--provider P] [--endpoint URL] [--json]
  vendors import <file.csv|file.json> [--json]                        add or update vendors from a catalog file
  vendors export [--json]                                             print every vendor in the import format
  vendors verify [--all | --provider P] [--concurrency N] [--json]    re-detect providers, record what answered
  poll --once [--vendor <slug>] [--json]                              poll what is due (or one vendor) once
  poll                                                                poll continuously (a worker without the web app)
  prune [--json]                                                      apply the retention settings now
  backup [--output FILE]                                              copy the embedded database, consistently
  restore <backup.tar.gz> [--force]                                   restore it (with Vendorwatch stopped)`;

await runMain(async () => {
  // Logs go to stderr: stdout is the command's output (`--json` prints exactly one object). A
  // one-shot command reports what it did itself, so only warnings are logged unless LOG_LEVEL says
  // otherwise; a polling worker is a service and logs like one.
  const [command, ...rest] = process.argv.slice(2);
  const { env } = await import("@/env");
  const { configureLog } = await import("@/lib/log");
  const worker = command === "poll" && !rest.includes("--once");
  configureLog({ stream: process.stderr, level: env.LOG_LEVEL ?? (worker ? "info" : "warn") });
  if (command === "check") {
    // Reads a page and prints it: needs no database.
    const { checkCommand } = await import("@/lib/cli/check");
    return checkCommand(rest);
  }
  // Each takes its arguments and a way to open the database, so bad usage or a bad file is
  // reported before the database is even opened.
  type Open = () => Promise<unknown>;
  const vendorCommands = {
    add: async (args: string[], open: Open) => {
      await open();
      return (await import("@/lib/cli/vendors-add")).vendorsAddCommand(args);
    },
    import: async (args: string[], open: Open) =>
      (await import("@/lib/cli/vendors-import")).vendorsImportCommand(args, open),
    export: async (args: string[], open: Open) =>
      (await import("@/lib/cli/vendors-export")).vendorsExportCommand(args, open),
    verify: async (args: string[], open: Open) =>
      (await import("@/lib/cli/vendors-verify")).vendorsVerifyCommand(args, open),
  };
  if (command === "vendors") {
    const sub = rest[0] as keyof typeof vendorCommands | undefined;
    if (!sub || !Object.hasOwn(vendorCommands, sub))
      throw new UserError(`usage: vendorwatch vendors <${Object.keys(vendorCommands).join("|")}> ...`, 2);
    const { openDatabase } = await import("@/lib/runtime/database");
    let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
    try {
      return await vendorCommands[sub](rest.slice(1), async () => (database ??= await openDatabase()));
    } finally {
      await database?.close();
    }
  }
  if (command === "poll") {
    const { openDatabase } = await import("@/lib/runtime/database");
    const { pollCommand } = await import("@/lib/cli/poll");
    const database = await openDatabase();
    try {
      return await pollCommand(rest);
    } finally {
      await database.close();
    }
  }
  if (command === "backup" || command === "restore") {
    const { backupCommand, restoreCommand } = await import("@/lib/cli/backup");
    return command === "backup" ? backupCommand(rest) : restoreCommand(rest);
  }
  if (command === "prune") {
    const { openDatabase } = await import("@/lib/runtime/database");
    const { pruneCommand } = await import("@/lib/cli/prune");
    const database = await openDatabase();
    try {
      return await pruneCommand(rest);
    } finally {
      await database.close();
    }
  }
  if (!command || command === "help" || command === "--help") {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  throw new UserError(`unknown command "${command}": run \`npm run vendorwatch -- help\``, 2);
});
