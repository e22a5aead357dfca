/**
 * Stopping one HTTP server within a bounded grace period (the library's close(), and so SIGTERM and
 * SIGINT): stop accepting; close at once every connection with nothing to finish (idle keep-alive
 * connections, and those whose request head has not fully arrived); let requests whose head has
 * arrived finish, their connections closing after the response; and past the grace period
 * force-close whatever remains, so one stalled client can never hold the process.
 *
 * Why a request whose head has arrived counts as in flight even while its body is still coming:
 * the server has accepted it (a client that sent `Expect: 100-continue` was told to send the body),
 * so a client uploading at a normal pace gets its answer; one that stalls is bounded by the grace
 * period. A connection without a complete head has promised nothing and is closed at once.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** Default grace period: long enough for any real request, short enough for process managers. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export interface ShutdownResult {
  /** Connections still open at the end of the grace period, closed by force. */
  readonly forced: number;
}

/** The last response started on a connection (node:http answers a connection's requests in order). */
const LATEST = Symbol("redshift-local latest response");
type TrackedSocket = Socket & { [LATEST]?: ServerResponse | undefined };

/** Starts tracking the server's connections; call the returned function once to stop it. */
export function trackConnections(server: Server): (graceMs: number) => Promise<ShutdownResult> {
  // Open connections → requests received on them (at least the head) whose response has not ended.
  // Responses are not kept in a collection of their own: adding and deleting each request's
  // response in a long-lived Set made V8 promote every request's objects to the old generation
  // (15–18 % of the server's CPU went to garbage collection under load). Each connection
  // remembers its latest response instead, as node:http itself does.
  const sockets = new Map<TrackedSocket, number>();
  let stopping = false;

  server.on("connection", (socket: Socket) => {
    if (stopping) return void socket.destroy();
    sockets.set(socket, 0);
    socket.once("close", () => sockets.delete(socket));
  });
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket as TrackedSocket;
    const open = sockets.get(socket);
    if (open !== undefined) sockets.set(socket, open + 1);
    socket[LATEST] = res;
    if (stopping) res.setHeader("Connection", "close");
    res.once("close", () => {
      if (socket[LATEST] === res) socket[LATEST] = undefined;
      const requests = sockets.get(socket);
      if (requests === undefined) return;
      sockets.set(socket, requests - 1);
      // A response whose headers went out before the stop kept its connection alive: end it now.
      if (stopping && requests === 1 && !socket.writableEnded) socket.end(() => socket.destroy());
    });
  });

  return async (graceMs) => {
    stopping = true;
    // A connection's earlier pipelined responses keep it open for the later ones; its latest
    // response closes it (and one answered already is ended after it, above).
    for (const socket of sockets.keys()) {
      const res = socket[LATEST];
      if (res !== undefined && !res.headersSent) res.setHeader("Connection", "close");
    }
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Nothing to finish on these: no request, or a request head that has not fully arrived.
    for (const [socket, requests] of sockets) if (requests === 0) socket.destroy();
    let forced = 0;
    const timer = setTimeout(() => {
      forced = sockets.size;
      server.closeAllConnections();
      for (const socket of sockets.keys()) socket.destroy();
    }, graceMs);
    await closed;
    clearTimeout(timer);
    return { forced };
  };
}
