/**
 * The HTTP transport under stalled and greedy clients (src/server/http.ts): a client too slow with
 * its request is answered 408 and its socket destroyed (not left half-closed), and the bytes held
 * for unfinished bodies across all connections are bounded (503 ServiceUnavailable past the
 * budget). No test asserts on time: timeouts are made short through the library options, and
 * waits are on events the server emits.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { GRANTOR, clientsFor, startServer } from "../helpers.js";
import { postHead, rawClient, startHttp } from "./raw-client.js";

const MiB = 1024 * 1024;
const CALLER = "Action=GetCallerIdentity&Version=2011-06-15";
const GUARD = { timeout: 60_000 };

function errorCode(text: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
}

describe("transport: stalled clients", () => {
  const short = { headersTimeoutMs: 200, requestTimeoutMs: 400 };

  // Each waits for the server's own connection count to reach zero: a server that only ended its
  // side (the old FIN-WAIT-2 leak) keeps the connection while the client stays, and the test fails.
  it("transport: a client that stalls in its request head gets 408 and the server destroys the socket", GUARD, async () => {
    await using http = await startHttp(short);
    const client = await rawClient(http.url, "POST / HTTP/1.1\r\nHost: localhost\r\nContent-");
    await client.ended;
    assert.match(client.text(), /^HTTP\/1\.1 408 Request Timeout\r\n/);
    assert.match(client.text(), /\r\nConnection: close\r\n/);
    assert.equal(errorCode(client.text()), "RequestTimeout");
    assert.match(client.text(), /<RequestId>[0-9a-f-]{36}<\/RequestId>/);
    await http.drained();
    assert.equal(client.socket.writableEnded, false, "the client never closed its own side");
  });

  it("transport: a client that sends a short body gets 408 and the server destroys the socket", GUARD, async () => {
    await using http = await startHttp(short);
    const client = await rawClient(http.url, postHead(CALLER.length) + CALLER.slice(0, 10));
    await client.ended;
    assert.match(client.text(), /^HTTP\/1\.1 408 /);
    assert.equal(errorCode(client.text()), "RequestTimeout");
    await http.drained();
  });

  it("transport: a client that connects and sends nothing is closed after the head timeout", GUARD, async () => {
    await using http = await startHttp(short);
    const client = await rawClient(http.url);
    await client.ended;
    await http.drained();
  });

  it("transport: many stalled clients all get their sockets destroyed, and the server still answers", GUARD, async () => {
    await using http = await startHttp(short);
    const clients = await Promise.all(Array.from({ length: 50 }, (_, i) => rawClient(http.url, i % 2 ? "GET / HTTP/1.1\r\n" : postHead(100) + "a=1")));
    for (const c of clients) await c.ended;
    await http.drained();
    assert.equal((await clientsFor(http.url, GRANTOR).sts.send(new GetCallerIdentityCommand({}))).Account, GRANTOR);
  });

  it("transport: the library's head and request timeouts answer 408 too", GUARD, async () => {
    await using rs = await startServer(short);
    const client = await rawClient(rs.url, "GET / HTTP/1.1\r\n");
    await client.ended;
    assert.match(client.text(), /^HTTP\/1\.1 408 /);
  });

  it("transport: the head and request timeouts are checked when the server starts", async () => {
    await assert.rejects(startServer({ headersTimeoutMs: 1000, requestTimeoutMs: 500 }), /headersTimeoutMs must not exceed requestTimeoutMs/);
    await assert.rejects(startServer({ headersTimeoutMs: 0 }), /headersTimeoutMs/);
    await assert.rejects(startServer({ bodyBufferLimitBytes: -1 }), /bodyBufferLimitBytes/);
    await assert.rejects(startServer({ shutdownGraceMs: 1.5 }), /shutdownGraceMs/);
  });
});

describe("transport: body buffer budget", () => {
  /** A server with a 3 MiB budget whose debug lines are kept (to wait for aborted bodies). */
  async function budgetServer() {
    const lines: string[] = [];
    const rs = await startServer({ bodyBufferLimitBytes: 3 * MiB, logLevel: "debug", logSink: (line) => lines.push(line) });
    const aborted = async (n: number) => {
      while (lines.filter((l) => l.includes("request aborted by the client")).length < n) await new Promise((r) => setTimeout(r, 5));
    };
    return { rs, lines, aborted };
  }

  it("transport: past the body budget a new body is refused at once with 503 ServiceUnavailable, and accepted again once bodies leave", GUARD, async () => {
    const { rs, lines, aborted } = await budgetServer();
    await using _ = rs;
    // Three bodies of 1 MiB declared, half sent each: the whole 3 MiB budget is reserved.
    const holders = [];
    for (let i = 0; i < 3; i++) {
      const c = await rawClient(rs.url, postHead(MiB) + "a=" + "x".repeat(MiB / 2));
      holders.push(c);
    }
    const fourth = await rawClient(rs.url, postHead(MiB) + "a=" + "x".repeat(1000));
    await fourth.ended;
    assert.match(fourth.text(), /^HTTP\/1\.1 503 Service Unavailable\r\n/);
    assert.match(fourth.text(), /\r\nConnection: close\r\n/);
    assert.equal(errorCode(fourth.text()), "ServiceUnavailable");
    assert.match(fourth.text(), /<Type>Receiver<\/Type>/);
    assert.match(fourth.text(), /<Message>The server is busy; retry the request later\.<\/Message>/);
    const id = /<RequestId>([0-9a-f-]{36})<\/RequestId>/.exec(fourth.text())?.[1];
    assert.ok(id);
    assert.match(fourth.text(), new RegExp(`x-amzn-RequestId: ${id}`));
    assert.ok(lines.some((l) => l.includes('"level":"warn"') && l.includes(id)), "the refusal is logged at warn with its request id");
    for (const h of holders) assert.equal(h.text(), "", "the bodies within the budget are still being received");
    // A body over the 1 MiB limit is drained, not kept, and needs no budget: 413 even now.
    const huge = await rawClient(rs.url, postHead(2 * MiB));
    huge.socket.write("p".repeat(2 * MiB));
    assert.match(await huge.until(/<\/ErrorResponse>/), /^HTTP\/1\.1 413 /);
    assert.equal(errorCode(huge.text()), "RequestEntityTooLarge");
    huge.socket.destroy();

    // The holders leave without finishing: their share comes back.
    for (const h of holders) h.socket.destroy();
    await aborted(3);
    const { sts } = clientsFor(rs.url, GRANTOR);
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, GRANTOR);
  });

  it("transport: of 40 stalled bodies of 1 MiB − 1 bytes, exactly as many as fit in the budget are held and every other one is refused", GUARD, async () => {
    // The memory attack, counted: however many connections, the bytes held never exceed the
    // budget (8 MiB here holds 8 such bodies; the default 64 MiB holds 64).
    const lines: string[] = [];
    const rs = await startServer({ bodyBufferLimitBytes: 8 * MiB, logLevel: "warn", logSink: (l) => lines.push(l) });
    await using _ = rs;
    const clients = await Promise.all(Array.from({ length: 40 }, () => rawClient(rs.url, postHead(MiB - 1) + "a=" + "x".repeat(64 * 1024))));
    const pause = () => new Promise((r) => setTimeout(r, 10));
    while (lines.filter((l) => l.includes("request refused")).length < 32) await pause();
    const refused = () => clients.filter((c) => /^HTTP\/1\.1 503 /.test(c.text()));
    while (refused().length < 32) await pause();
    await Promise.all(refused().map((c) => c.ended));
    // The server has answered a later request, so it has seen all 40 heads.
    assert.equal((await fetch(`${rs.url}/_redshift-local/health`)).status, 200);
    assert.equal(lines.filter((l) => l.includes("request refused")).length, 32);
    assert.equal(clients.filter((c) => c.text() === "" && !c.socket.destroyed).length, 8, "eight bodies are still being received");
    for (const c of clients) c.socket.destroy();
  });

  it("transport: a body that completes gives its share back, so budget-sized bodies in sequence are all answered", GUARD, async () => {
    const { rs } = await budgetServer();
    await using _ = rs;
    for (let i = 0; i < 8; i++) {
      const body = CALLER + "&Pad=" + "p".repeat(MiB - CALLER.length - 5);
      const c = await rawClient(rs.url, postHead(body.length) + body);
      assert.match(await c.until(/<\/GetCallerIdentityResponse>/), /^HTTP\/1\.1 200 /);
      c.socket.destroy();
    }
  });

  it("transport: a chunked body that outgrows the budget is refused with 503 and its connection closed", GUARD, async () => {
    const { rs } = await budgetServer();
    await using _ = rs;
    // 2 MiB + 768 KiB of the 3 MiB are reserved: 256 KiB are left.
    const holders = [];
    for (const size of [MiB, MiB, 768 * 1024]) holders.push(await rawClient(rs.url, postHead(size) + "a=1"));
    const chunk = "x".repeat(200 * 1024);
    const chunked = await rawClient(rs.url, "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n");
    // The first 200 KiB fit, the next do not (and 400 KiB are far below the 1 MiB body limit).
    for (let i = 0; i < 2; i++) chunked.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    await chunked.ended;
    assert.match(chunked.text(), /^HTTP\/1\.1 503 /);
    assert.equal(errorCode(chunked.text()), "ServiceUnavailable");
    for (const h of holders) h.socket.destroy();
  });
});
