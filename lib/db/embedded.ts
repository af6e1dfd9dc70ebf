import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

/**
 * The embedded default database: PGlite (Postgres compiled to WebAssembly) persisted on disk
 * and served over the Postgres wire protocol on loopback, so the app, the scheduler and the
 * CLI use the very same pg driver adapter and SQL as on a real PostgreSQL.
 *
 * PGlite has one session. Several clients share it safely because each client's messages are
 * run as whole batches (up to Sync or a simple Query) under one lock, and a client that leaves
 * a batch inside a transaction keeps the lock until it commits or rolls back. Interleaving at
 * message level, as a naive multiplexer does, would mix one client's unnamed statement into
 * another's transaction.
 */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  dataDir: string | null;
  /** Query batches served so far, by the client's application_name. */
  queryStats(): Record<string, number>;
  /**
   * A consistent copy of the database files (a gzipped tar PGlite can load again), taken between
   * clients' batches and outside any open transaction, so it is what a clean shutdown would leave.
   */
  snapshot(): Promise<Buffer>;
  stop(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const BATCH_ENDS = new Set(["S", "Q", "H"]);

class Lock {
  private owner: symbol | null = null;
  private waiters: Array<{ id: symbol; resume: () => void }> = [];

  async acquire(id: symbol): Promise<void> {
    if (this.owner === id) return;
    if (this.owner === null) {
      this.owner = id;
      return;
    }
    await new Promise<void>((resume) => this.waiters.push({ id, resume }));
  }

  release(id: symbol): void {
    if (this.owner !== id) return;
    const next = this.waiters.shift();
    this.owner = next?.id ?? null;
    next?.resume();
  }
}

/** Startup message parameters (user, database, application_name, ...). */
function startupParams(message: Buffer): Record<string, string> {
  const parts = message.subarray(8).toString("utf8").split("\0");
  const params: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i]) params[parts[i] as string] = parts[i + 1] ?? "";
  return params;
}

/** Query batches run per application_name: lets tests and benchmarks prove a cached page queried nothing. */
export type QueryStats = Map<string, number>;

function serveClient(db: PGlite, lock: Lock, socket: net.Socket, isClosed: () => boolean, stats: QueryStats): void {
  const id = Symbol("client");
  let application = "unknown";
  let buffer: Buffer = Buffer.alloc(0);
  let started = false;
  let batch: Buffer[] = [];
  let chain = Promise.resolve();
  socket.setNoDelay(true);

  const run = async (messages: Buffer[]) => {
    await lock.acquire(id);
    try {
      for (const message of messages) {
        await db.execProtocolRawStream(new Uint8Array(message), {
          onRawData: (chunk) => {
            if (chunk.length && socket.writable) socket.write(Buffer.from(chunk));
          },
        });
      }
    } finally {
      if (isClosed() || !db.isInTransaction()) lock.release(id);
    }
  };

  const onData = (data: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, data]) : data;
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (code === SSL_REQUEST) socket.write("N");
        else if (code === CANCEL_REQUEST) socket.end();
        else if (code === PROTOCOL_3) {
          started = true;
          application = startupParams(message).application_name || "unknown";
          const copy = Buffer.from(message);
          chain = chain.then(() => run([copy]));
        } else socket.destroy();
        continue;
      }
      if (buffer.length < 5) return;
      const length = buffer.readInt32BE(1) + 1;
      if (buffer.length < length) return;
      const type = String.fromCharCode(buffer[0] ?? 0);
      const message = Buffer.from(buffer.subarray(0, length));
      buffer = buffer.subarray(length);
      if (type === "X") {
        socket.end();
        return;
      }
      batch.push(message);
      if (BATCH_ENDS.has(type)) {
        stats.set(application, (stats.get(application) ?? 0) + 1);
        const messages = batch;
        batch = [];
        chain = chain.then(() => run(messages)).catch(() => void socket.destroy());
      }
    }
  };

  socket.on("data", onData);
  socket.on("error", () => socket.destroy());
  socket.on("close", () => {
    // A client that vanished mid-transaction must not leave the shared session inside it.
    chain = chain.then(async () => {
      await lock.acquire(id);
      try {
        if (!isClosed() && db.isInTransaction()) await db.exec("ROLLBACK");
      } finally {
        lock.release(id);
      }
    });
  });
}

/** Marker file that lets a second process (the CLI) find a running embedded server. */
function markerPath(dataDir: string) {
  return path.join(dataDir, "embedded-server.json");
}

export async function findRunningEmbedded(dataDir: string): Promise<{ url: string; pid: number } | null> {
  const marker = await readFile(markerPath(dataDir), "utf8").catch(() => null);
  if (!marker) return null;
  const { port, pid } = JSON.parse(marker) as { port: number; pid: number };
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const reachable = await new Promise<boolean>((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on("error", () => resolve(false));
  });
  return reachable ? { url: embeddedUrl(port), pid } : null;
}

function embeddedUrl(port: number) {
  return `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/** `dataDir: null` keeps the database in memory (tests, scratch databases for schema diffs). */
export async function startEmbeddedDatabase(opts: {
  dataDir: string | null;
  port?: number;
  advertise?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = opts.dataDir === null ? null : path.resolve(opts.dataDir);
  let db: PGlite;
  if (dataDir) {
    const pgDir = path.join(dataDir, "pglite");
    await mkdir(pgDir, { recursive: true });
    db = await PGlite.create({ dataDir: pgDir });
  } else {
    db = await PGlite.create();
  }
  const lock = new Lock();
  const sockets = new Set<net.Socket>();
  const stats: QueryStats = new Map();
  let closed = false;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    serveClient(db, lock, socket, () => closed, stats);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("embedded database did not bind a TCP port");
  const port = address.port;
  const advertise = opts.advertise && dataDir ? markerPath(dataDir) : null;
  if (advertise) await writeFile(advertise, JSON.stringify({ port, pid: process.pid }));
  return {
    url: embeddedUrl(port),
    port,
    dataDir,
    queryStats: () => Object.fromEntries(stats),
    async snapshot() {
      const id = Symbol("snapshot");
      await lock.acquire(id);
      try {
        const dump = await db.dumpDataDir("gzip");
        return Buffer.from(await dump.arrayBuffer());
      } finally {
        lock.release(id);
      }
    },
    async stop() {
      if (advertise) await rm(advertise, { force: true });
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await serverClosed;
      closed = true;
      await db.close();
    },
  };
}
