import net from "node:net";

/**
 * A TCP proxy between the app and its PostgreSQL, for tests that need a real outage (`down()`
 * drops every connection and refuses new ones until `up()`) or want to count the statements a
 * piece of code sends (PostgreSQL frontend messages by type: Q simple query, P parse).
 */
export interface TcpProxy {
  port: number;
  /** The database URL through the proxy. */
  url: string;
  down(): void;
  up(): void;
  /** Frontend messages seen since the last reset, by type letter. */
  messages(): Record<string, number>;
  resetCounts(): void;
  close(): Promise<void>;
}

function countMessages(counts: Map<string, number>) {
  let buffer: Buffer = Buffer.alloc(0);
  let started = false;
  return (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        // An SSL request is answered "N" and followed by the real startup message.
        if (buffer.readInt32BE(4) !== 80877103) started = true;
        buffer = buffer.subarray(length);
        continue;
      }
      if (buffer.length < 5) return;
      const length = buffer.readInt32BE(1) + 1;
      if (buffer.length < length) return;
      const type = String.fromCharCode(buffer[0] ?? 0);
      counts.set(type, (counts.get(type) ?? 0) + 1);
      buffer = buffer.subarray(length);
    }
  };
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  const counts = new Map<string, number>();
  let isDown = false;
  const server = net.createServer((client) => {
    if (isDown) {
      client.destroy();
      return;
    }
    const upstream = net.connect({ host: target.hostname, port: Number(target.port || 5432) });
    sockets.add(client).add(upstream);
    const count = countMessages(counts);
    client.on("data", (d: Buffer) => {
      count(d);
      upstream.write(d);
    });
    upstream.on("data", (d: Buffer) => client.write(d));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    port,
    url: url.toString(),
    down() {
      isDown = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    up() {
      isDown = false;
    },
    messages: () => Object.fromEntries(counts),
    resetCounts: () => counts.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
