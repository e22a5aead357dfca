/**
 * Transport test tools: a raw TCP client that sends exactly the bytes given (partial heads, short
 * bodies) and never closes its own side unless told to, and the real HTTP adapter over an
 * in-memory App, so a test can watch the server's own count of open connections.
 */
import { once } from "node:events";
import type { Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { DEFAULT_TRANSPORT, createHttpServer, type TransportOptions } from "../../src/server/http.js";
import { testApp } from "../fixtures/app.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";

export interface RawClient {
  readonly socket: Socket;
  /** Everything received so far. */
  text(): string;
  /** Resolves when the server has ended the connection (its FIN), or the socket closed. */
  readonly ended: Promise<void>;
  /** Resolves once the received text matches. */
  until(pattern: RegExp): Promise<string>;
}

export async function rawClient(url: string, bytes: string | Buffer = ""): Promise<RawClient> {
  const { hostname, port } = new URL(url);
  // allowHalfOpen: the client does not answer the server's FIN with its own, so a server that only
  // ends its side keeps its socket (the FIN-WAIT-2 leak) and tests can see it.
  const socket = connect({ host: hostname, port: Number(port), allowHalfOpen: true });
  await once(socket, "connect");
  let received = "";
  const waiters: Array<() => void> = [];
  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };
  socket.setEncoding("utf8");
  socket.on("data", (d: string) => {
    received += d;
    wake();
  });
  socket.on("error", () => {});
  socket.on("close", wake);
  const ended = new Promise<void>((resolve) => {
    socket.once("end", resolve);
    socket.once("close", resolve);
  });
  if (bytes.length > 0) socket.write(bytes);
  return {
    socket,
    text: () => received,
    ended,
    async until(pattern) {
      while (!pattern.test(received)) {
        if (socket.destroyed) throw new Error(`connection closed before ${pattern}: ${JSON.stringify(received)}`);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
      return received;
    },
  };
}

/** The head of a form POST declaring `contentLength` bytes. */
export function postHead(contentLength: number, extra = ""): string {
  return `POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${contentLength}\r\n${extra}\r\n`;
}

export interface HttpUnderTest {
  readonly server: Server;
  readonly url: string;
  /** Resolves once the server holds no connection at all (polled; no time limit of its own). */
  drained(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** The real HTTP adapter over an in-memory, silent App. */
export async function startHttp(transport: Partial<TransportOptions> = {}): Promise<HttpUnderTest> {
  const store = new SqliteStore();
  const app = testApp(store);
  const server = createHttpServer(app, { ...DEFAULT_TRANSPORT, ...transport });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const count = () => new Promise<number>((resolve, reject) => server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async drained() {
      while ((await count()) > 0) await new Promise((r) => setTimeout(r, 10));
    },
    async [Symbol.asyncDispose]() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}
