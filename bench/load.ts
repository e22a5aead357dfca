/**
 * The load generator, run as its own process (pinned to its own core by run.ts): `connections`
 * keep-alive HTTP/1.1 connections, each sending its next request as soon as the previous response
 * is complete, for `seconds`. Requests are pre-built byte buffers (raw sockets, no client library in
 * the way), taken round-robin from a list so writes can target distinct resources. With several
 * `ports` (instances sharing one store), connection i goes to ports[i % ports.length]: a
 * round-robin load balancer in front of them, per connection as an L4 balancer does with keep-alive.
 *
 * Input (argv[2]): the path of a JSON file { host, ports: number[], connections, seconds, warmupSeconds, requests: string[] (base64) }.
 * Output (stdout): the line `measuring` when the warm-up ends, then JSON { requests, errors, statuses, rps, p50Ms, p99Ms, maxMs }.
 */
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";

interface LoadInput {
  host: string;
  ports: number[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
  requests: string[];
}

const input = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as LoadInput;
const requests = input.requests.map((r) => Buffer.from(r, "base64"));
let next = 0;
let measuring = false;
let stopped = false;
const latencies: number[] = [];
let completed = 0;
const statuses: Record<string, number> = {};

function runConnection(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, input.host);
    socket.setNoDelay(true);
    let buffer: Buffer = Buffer.alloc(0);
    let started = 0;
    const send = (): void => {
      if (stopped) {
        socket.end();
        resolve();
        return;
      }
      const req = requests[next++ % requests.length]!;
      started = performance.now();
      socket.write(req);
    };
    socket.on("connect", send);
    socket.on("error", reject);
    socket.on("data", (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd === -1) return;
        const head = buffer.subarray(0, headerEnd).toString("latin1");
        const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
        const length = m ? Number(m[1]) : 0;
        const total = headerEnd + 4 + length;
        if (buffer.length < total) return;
        const status = head.slice(9, 12);
        buffer = buffer.subarray(total);
        if (measuring) {
          latencies.push(performance.now() - started);
          completed++;
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
        send();
      }
    });
  });
}

const connections = Array.from({ length: input.connections }, (_, i) => runConnection(input.ports[i % input.ports.length]!));
setTimeout(() => {
  measuring = true;
  process.stdout.write("measuring\n");
  const begin = performance.now();
  setTimeout(() => {
    measuring = false;
    stopped = true;
    const elapsed = (performance.now() - begin) / 1000;
    void Promise.allSettled(connections).then(() => {
      latencies.sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
      const errors = Object.entries(statuses)
        .filter(([s]) => !s.startsWith("2"))
        .reduce((n, [, c]) => n + c, 0);
      process.stdout.write(
        JSON.stringify({ requests: completed, errors, statuses, rps: completed / elapsed, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) }) + "\n",
      );
      process.exit(0);
    });
  }, input.seconds * 1000);
}, input.warmupSeconds * 1000);
