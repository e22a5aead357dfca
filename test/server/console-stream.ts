/**
 * A server-sent-events reader for the console's stream: connects with node:http and hands out the
 * events as they arrive; `next(name, predicate)` waits for the first matching one (earlier and later
 * ones are kept for the next call).
 */
import { request, type IncomingMessage } from "node:http";

export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

export interface SseStream {
  readonly status: number;
  readonly headers: IncomingMessage["headers"];
  /** The first event named `event` (past or future) for which `accept` holds; consumed. */
  next(event: string, accept?: (data: unknown) => boolean): Promise<unknown>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

export function openStream(baseUrl: string, path = "/_redshift-local/events", headers: Record<string, string> = {}): Promise<SseStream> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname: url.hostname, port: url.port, path, method: "GET", headers: { accept: "text/event-stream", ...headers } }, (res) => {
      const events: SseEvent[] = [];
      const waiters: { event: string; accept: (data: unknown) => boolean; resolve: (data: unknown) => void }[] = [];
      let buffer = "";
      const deliver = () => {
        for (let w = 0; w < waiters.length; w++) {
          const waiter = waiters[w]!;
          const i = events.findIndex((e) => e.event === waiter.event && waiter.accept(JSON.parse(e.data)));
          if (i === -1) continue;
          const [e] = events.splice(i, 1);
          waiters.splice(w--, 1);
          waiter.resolve(JSON.parse(e!.data));
        }
      };
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = "message";
          const data: string[] = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("event: ")) event = line.slice(7);
            else if (line.startsWith("data: ")) data.push(line.slice(6));
          }
          if (data.length > 0) events.push({ event, data: data.join("\n") });
        }
        deliver();
      });
      const ended = new Promise<void>((done) => {
        res.once("end", done);
        res.once("close", done);
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        next: (event, accept = () => true) =>
          new Promise((done) => {
            waiters.push({ event, accept, resolve: done });
            deliver();
          }),
        ended,
        close: () => req.destroy(),
      });
    });
    req.on("error", reject);
    req.end();
  });
}

/** The records of `kind` in a model event. */
export function recordsOf(model: unknown, kind: string): Record<string, unknown>[] {
  const kinds = (model as { kinds: { kind: string; records: Record<string, unknown>[] }[] }).kinds;
  return kinds.find((k) => k.kind === kind)?.records ?? [];
}
