/**
 * Answers are written together at the end of the event loop's turn (src/server/http.ts,
 * ResponseBatch): each connection still gets its own answers, whole and in the order it asked.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { postHead, rawClient, startHttp } from "./raw-client.js";

const GUARD = { timeout: 60_000 };
const request = (body: string) => postHead(Buffer.byteLength(body)) + body;

/** The answers' first body elements and echoed action names, in the order received. */
function answers(text: string): string[] {
  return [...text.matchAll(/\r\n\r\n(?:<\?xml[^>]*>\n)?<([A-Za-z]+)|The action ([^ ]+) is not valid/g)].map((m) => m[1] ?? m[2]!);
}

describe("answers written in batches", () => {
  it("batch: requests pipelined on one connection are answered in order, each whole", GUARD, async () => {
    await using http = await startHttp();
    const client = await rawClient(
      http.url,
      request("Action=GetCallerIdentity&Version=2011-06-15") + request("Action=Nope&Version=2011-06-15") + request("Action=DescribeClusters&Version=2012-12-01"),
    );
    const text = await client.until(/DescribeClustersResponse>$/);
    assert.deepEqual(answers(text), ["GetCallerIdentityResponse", "ErrorResponse", "Nope", "DescribeClustersResponse"]);
    assert.deepEqual(text.match(/HTTP\/1\.1 \d{3} /g), ["HTTP/1.1 200 ", "HTTP/1.1 400 ", "HTTP/1.1 200 "]);
    client.socket.destroy();
  });

  it("batch: a burst on 40 connections at once: every connection gets its own answer", GUARD, async () => {
    await using http = await startHttp();
    const clients = await Promise.all(Array.from({ length: 40 }, (_, i) => rawClient(http.url, request(`Action=Probe${i}&Version=2011-06-15`))));
    for (const [i, client] of clients.entries()) {
      const text = await client.until(/<\/ErrorResponse>$/);
      assert.deepEqual(answers(text), ["ErrorResponse", `Probe${i}`], text);
      client.socket.destroy();
    }
  });
});
