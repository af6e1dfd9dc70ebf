import { UserError } from "@/lib/errors";
import { runMain } from "@/lib/cli/main";

const USAGE = `usage: vendorwatch <command>
  check <status-page-url> [--provider P] [--endpoint URL] [--json]   read a status page once, store nothing
  vendors add <status-page-url> [--name N] [--slug S] [--provider P] [--endpoint URL] [--json]
  poll --once [--vendor <slug>] [--json]                              poll what is due (or one vendor) once
  poll                                                                poll continuously (a worker without the web app)`;

await runMain(async () => {
  // Logs go to stderr: stdout is the command's output (`--json` prints exactly one object).
  const { configureLog } = await import("@/lib/log");
  configureLog({ stream: process.stderr });
  const [command, ...rest] = process.argv.slice(2);
  if (command === "check") {
    // Reads a page and prints it: needs no database.
    const { checkCommand } = await import("@/lib/cli/check");
    return checkCommand(rest);
  }
  if (command === "vendors" && rest[0] === "add") {
    const { openDatabase } = await import("@/lib/runtime/database");
    const { vendorsAddCommand } = await import("@/lib/cli/vendors-add");
    const database = await openDatabase();
    try {
      return await vendorsAddCommand(rest.slice(1));
    } finally {
      await database.close();
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
  if (!command || command === "help" || command === "--help") {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  throw new UserError(`unknown command "${command}": run \`npm run vendorwatch -- help\``, 2);
});
