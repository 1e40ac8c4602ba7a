import net from "node:net";

/**
 * A TCP proxy (node:net) between the app and a real server, to simulate a network outage:
 * `cut()` drops every open connection and black-holes new ones (they connect, and hear nothing,
 * as behind a dead router); `restore()` forwards again, including the connections held meanwhile.
 */
export interface TcpProxy {
  port: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let cut = false;
  const open = new Set<net.Socket>();
  const held: net.Socket[] = [];

  const forward = (client: net.Socket) => {
    const upstream = net.connect(targetPort, targetHost);
    open.add(upstream);
    upstream.on("close", () => open.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
  };

  const server = net.createServer((client) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    client.on("error", () => undefined);
    if (cut) {
      client.pause();
      held.push(client);
    } else {
      forward(client);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    cut() {
      cut = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      cut = false;
      for (const client of held.splice(0)) if (!client.destroyed) forward(client);
    },
    close() {
      for (const socket of [...open, ...held]) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
