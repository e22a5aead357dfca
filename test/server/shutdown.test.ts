/**
 * The library's close() (and so SIGTERM/SIGINT) under stalled clients (src/server/shutdown.ts):
 * idle connections and half-sent request heads are closed at once, a request whose head has
 * arrived may finish within the grace period, and whatever remains is closed by force after it.
 * No test asserts on durations: a huge grace period proves "at once" (close() could not resolve
 * otherwise before the test's guard), a tiny one proves the force-close.
 */
import assert from "node:assert/strict";
import { request } from "node:http";
import { describe, it } from "node:test";
import { startServer } from "../helpers.js";
import { postHead, rawClient } from "./raw-client.js";

const GUARD = { timeout: 60_000 };
/** Far longer than any test's guard: close() resolving at all proves it did not wait for it. */
const FOREVER_MS = 24 * 60 * 60 * 1000;
const CALLER = "Action=GetCallerIdentity&Version=2011-06-15";

describe("shutdown", () => {
  it("shutdown: close() closes a connection whose request head is half-sent at once and resolves", GUARD, async () => {
    const rs = await startServer({ shutdownGraceMs: FOREVER_MS });
    const client = await rawClient(rs.url, "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Le");
    await rs.close();
    await client.ended;
    assert.equal(client.text(), "", "nothing to answer: no request was received");
  });

  it("shutdown: close() closes idle keep-alive connections and silent connections at once", GUARD, async () => {
    const rs = await startServer({ shutdownGraceMs: FOREVER_MS });
    const idle = await rawClient(rs.url, postHead(CALLER.length) + CALLER);
    await idle.until(/<\/GetCallerIdentityResponse>/);
    assert.doesNotMatch(idle.text(), /Connection: close/i, "the connection was kept alive");
    const silent = await rawClient(rs.url);
    await rs.close();
    await Promise.all([idle.ended, silent.ended]);
  });

  it("shutdown: close() with a short body resolves once the grace period ends, closing the connection by force", GUARD, async () => {
    const lines: string[] = [];
    const rs = await startServer({ shutdownGraceMs: 50, logLevel: "warn", logSink: (l) => lines.push(l) });
    // "100 Continue" tells that the head was parsed: the request is being received, and stalls.
    const client = await rawClient(rs.url, postHead(CALLER.length, "Expect: 100-continue\r\n"));
    await client.until(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
    client.socket.write(CALLER.slice(0, 10));
    await rs.close();
    await client.ended;
    assert.ok(
      lines.some((l) => /"level":"warn".*closed by force/.test(l) && /"connections":1\b/.test(l)),
      `the force-close is logged: ${lines.join("\n")}`,
    );
  });

  it("shutdown: a request whose head has arrived still gets its answer when its body completes within the grace period", GUARD, async () => {
    const rs = await startServer({ shutdownGraceMs: FOREVER_MS });
    const { hostname, port } = new URL(rs.url);
    const req = request({
      host: hostname,
      port: Number(port),
      method: "POST",
      path: "/",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": CALLER.length, Expect: "100-continue" },
    });
    const response = new Promise<{ status: number; text: string; connection: string | undefined }>((resolve, reject) => {
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text, connection: res.headers.connection }));
      });
      req.on("error", reject);
    });
    req.flushHeaders();
    await new Promise((resolve) => req.once("continue", resolve));
    req.write(CALLER.slice(0, 10));
    const closing = rs.close();
    req.end(CALLER.slice(10));
    const res = await response;
    assert.equal(res.status, 200, res.text);
    assert.match(res.text, /<Account>000000000000<\/Account>/);
    assert.equal(res.connection, "close", "the answer closes its connection");
    await closing;
  });

  it("shutdown: close() is idempotent and the options are checked", GUARD, async () => {
    const rs = await startServer({ shutdownGraceMs: 0 });
    await Promise.all([rs.close(), rs.close()]);
    await rs.close();
    await assert.rejects(startServer({ shutdownGraceMs: -1 }), /shutdownGraceMs must be a whole number/);
  });
});
