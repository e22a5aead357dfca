/**
 * Client mistakes on the wire (docs/wire-protocol.md, Errors): each gets an AWS-style XML error in the routed
 * service's envelope with a 4xx status (501 for known-but-unimplemented operations) — never a 5xx
 * for the client's fault, never HTML, never an empty body.
 */
import assert from "node:assert/strict";
import { connect } from "node:net";
import { describe, it } from "node:test";
import { rawPost, startServer } from "../helpers.js";
import { errorCode, send, type RawResponse } from "./signing.js";

const REDSHIFT_ENVELOPE = /^<ErrorResponse xmlns="http:\/\/redshift\.amazonaws\.com\/doc\/2012-12-01\/"><Error><Type>(Sender|Receiver)<\/Type><Code>[^<]+<\/Code><Message>[^<]*<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/;
const EC2_ENVELOPE = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>[^<]+<\/Code><Message>[^<]*<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/;

function message(xml: string): string {
  return /<Message>([^<]*)<\/Message>/.exec(xml)?.[1] ?? "";
}

/** Asserts an AWS XML error: status, code, and a well-formed envelope with the request id of the header. */
function assertAwsError(res: { status: number; text: string; headers: Headers | RawResponse["headers"] }, status: number, code: string, envelope: RegExp): void {
  assert.equal(res.status, status, res.text);
  assert.equal(errorCode(res.text), code, res.text);
  assert.match(res.text, envelope);
  const header = res.headers instanceof Headers ? res.headers.get("x-amzn-requestid") : res.headers["x-amzn-requestid"];
  assert.ok(typeof header === "string" && header.length > 0, "x-amzn-RequestId header");
  assert.ok(res.text.includes(`${header}</Request`), "the body carries the header's request id");
}

describe("wire: unknown and unimplemented actions", () => {
  it("wire: an unknown Redshift Action is 400 InvalidAction in the awsQuery envelope", async () => {
    await using rs = await startServer();
    const res = await rawPost(rs.url, "Action=DescribeUnicorns&Version=2012-12-01");
    assertAwsError(res, 400, "InvalidAction", REDSHIFT_ENVELOPE);
    assert.match(res.text, /<Type>Sender<\/Type>/);
    assert.match(message(res.text), /DescribeUnicorns/);
  });

  it("wire: an unknown EC2 Action is 400 InvalidAction in EC2's envelope", async () => {
    await using rs = await startServer();
    assertAwsError(await rawPost(rs.url, "Action=DescribeUnicorns&Version=2016-11-15"), 400, "InvalidAction", EC2_ENVELOPE);
  });

  it("wire: an Action of another service's API is InvalidAction, not that service's operation", async () => {
    await using rs = await startServer();
    assertAwsError(await rawPost(rs.url, "Action=RunInstances&Version=2012-12-01"), 400, "InvalidAction", REDSHIFT_ENVELOPE);
  });

  it("wire: a known but unimplemented Redshift operation is 501 NotImplemented naming it, in the awsQuery envelope", async () => {
    await using rs = await startServer();
    const res = await rawPost(rs.url, "Action=CreateHsmClientCertificate&Version=2012-12-01&HsmClientCertificateIdentifier=h");
    assertAwsError(res, 501, "NotImplemented", REDSHIFT_ENVELOPE);
    assert.match(message(res.text), /CreateHsmClientCertificate/);
  });

  it("wire: a known but unimplemented EC2 operation is 501 NotImplemented naming it, in EC2's <Response><Errors> envelope", async () => {
    await using rs = await startServer();
    const res = await rawPost(rs.url, "Action=RunInstances&Version=2016-11-15&ImageId=ami-1&MinCount=1&MaxCount=1");
    assertAwsError(res, 501, "NotImplemented", EC2_ENVELOPE);
    assert.match(message(res.text), /RunInstances/);
  });

  it("wire: a request without Action is 400 MissingAction", async () => {
    await using rs = await startServer();
    assertAwsError(await rawPost(rs.url, "Version=2012-12-01"), 400, "MissingAction", REDSHIFT_ENVELOPE);
    assertAwsError(await rawPost(rs.url, "Version=2016-11-15&Action="), 400, "MissingAction", EC2_ENVELOPE);
  });

  it("wire: an unsupported Version is 400 NoSuchVersion", async () => {
    await using rs = await startServer();
    const res = await rawPost(rs.url, "Action=DescribeClusters&Version=2099-01-01");
    assert.equal(res.status, 400);
    assert.equal(errorCode(res.text), "NoSuchVersion");
  });
});

describe("wire: malformed requests", () => {
  it("wire: a body over 1 MiB is 413 with an AWS-style XML error", async () => {
    await using rs = await startServer();
    const body = "Action=DescribeClusters&Version=2012-12-01&ClusterIdentifier=" + "a".repeat(1024 * 1024);
    const res = await rawPost(rs.url, body);
    assertAwsError(res, 413, "RequestEntityTooLarge", REDSHIFT_ENVELOPE);
  });

  it("wire: a body of exactly 1 MiB is not refused as too large", async () => {
    await using rs = await startServer();
    const prefix = "Action=GetCallerIdentity&Version=2011-06-15&Pad=";
    const res = await rawPost(rs.url, prefix + "a".repeat(1024 * 1024 - prefix.length));
    assert.equal(res.status, 200, res.text.slice(0, 300));
  });

  it("wire: an invalid percent-escape in the body is 400", async () => {
    await using rs = await startServer();
    for (const body of ["Action=DescribeClusters&Version=2012-12-01&ClusterIdentifier=%ZZ", "Action=DescribeClusters&Version=2012-12-01&ClusterIdentifier=100%", "Action=DescribeClusters&Version=2012-12-01&Cluster%GIdentifier=x"]) {
      const res = await rawPost(rs.url, body);
      assert.equal(res.status, 400, `${body}: ${res.text}`);
      assert.equal(errorCode(res.text), "MalformedQueryString");
      assert.match(res.text, /^<ErrorResponse /);
    }
  });

  it("wire: an invalid percent-escape in the URL query string is 400", async () => {
    await using rs = await startServer();
    const res = await fetch(`${rs.url}/?Action=DescribeClusters&Version=2012-12-01&ClusterIdentifier=%ZZ`);
    const text = await res.text();
    assert.equal(res.status, 400, text);
    assert.equal(errorCode(text), "MalformedQueryString");
  });

  it("wire: percent-escapes that are not UTF-8, or raw bytes that are not UTF-8, are 400", async () => {
    await using rs = await startServer();
    const escaped = await rawPost(rs.url, "Action=DescribeClusters&Version=2012-12-01&ClusterIdentifier=%FF%FE");
    assert.equal(escaped.status, 400, escaped.text);
    assert.equal(errorCode(escaped.text), "MalformedQueryString");
    const rawBytes = Buffer.concat([Buffer.from("Action=DescribeClusters&Version=2012-12-01&ClusterIdentifier="), Buffer.from([0xc3, 0x28])]);
    const raw = await send(rs.url, { headers: { "content-type": "application/x-www-form-urlencoded" }, body: rawBytes });
    assert.equal(raw.status, 400, raw.text);
    assert.equal(errorCode(raw.text), "MalformedQueryString");
  });

  it("wire: a '+' and a %20 both decode to a space, and %2B to a plus", async () => {
    await using rs = await startServer();
    const res = await rawPost(rs.url, "Action=Describe+Clusters&Version=2012-12-01");
    assert.equal(errorCode(res.text), "InvalidAction");
    assert.match(message(res.text), /Describe Clusters/);
    const plus = await rawPost(rs.url, "Action=Describe%2BClusters&Version=2012-12-01");
    assert.match(message(plus.text), /Describe\+Clusters/);
  });
});

describe("wire: never a 5xx, HTML or an empty body for a client's mistake", () => {
  const MISTAKES: [string, RequestInit & { path?: string }][] = [
    ["an empty POST", { method: "POST", body: "" }],
    ["a GET of /", { method: "GET" }],
    ["a PUT with a form body", { method: "PUT", body: "Action=DescribeClusters&Version=2012-12-01" }],
    ["a DELETE", { method: "DELETE" }],
    ["a JSON body", { method: "POST", body: '{"Action":"DescribeClusters"}', headers: { "content-type": "application/json" } }],
    ["binary garbage", { method: "POST", body: new Uint8Array([0, 1, 2, 255, 254, 10, 13]) }],
    ["a bare '=' and '&' soup", { method: "POST", body: "=&&=&Action&Version" }],
    ["an Action full of markup", { method: "POST", body: "Action=%3Cscript%3E&Version=2012-12-01" }],
    ["a non-numeric MaxRecords", { method: "POST", body: "Action=DescribeClusters&Version=2012-12-01&MaxRecords=lots" }],
    ["a huge MaxRecords", { method: "POST", body: "Action=DescribeClusters&Version=2012-12-01&MaxRecords=99999999999999999999999" }],
    ["an unknown path", { method: "POST", path: "/some/where/else?x=1", body: "Action=Nope&Version=2016-11-15" }],
    ["a garbage Authorization header", { method: "POST", body: "Action=DescribeClusters&Version=2012-12-01", headers: { authorization: "Bearer abc" } }],
    ["an Authorization header with no fields", { method: "POST", body: "Action=DescribeClusters&Version=2012-12-01", headers: { authorization: "AWS4-HMAC-SHA256" } }],
    ["a presigned query with garbage values", { method: "GET", path: "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=x&X-Amz-Date=y&X-Amz-Expires=z&X-Amz-Signature=w&X-Amz-SignedHeaders=host" }],
  ];

  it("wire: a PUT, DELETE or PATCH is 405 MethodNotAllowed (query APIs are GET or POST only)", async () => {
    await using rs = await startServer();
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const res = await fetch(rs.url + "/", { method, headers: { "content-type": "application/x-www-form-urlencoded" }, body: "Action=DescribeClusters&Version=2012-12-01" });
      const text = await res.text();
      assert.equal(res.status, 405, `${method}: ${text}`);
      assert.equal(errorCode(text), "MethodNotAllowed");
      assert.match(text, REDSHIFT_ENVELOPE);
    }
  });

  it("wire: an absurd list index is ignored like an unknown parameter, not a crash", async () => {
    await using rs = await startServer();
    const res = await rawPost(rs.url, "Action=DescribeClusters&Version=2012-12-01&TagKeys.TagKey.99999999999999999999=x&TagKeys.TagKey.0=y");
    assert.equal(res.status, 200, res.text);
    assert.match(res.text, /^<DescribeClustersResponse /);
  });

  for (const [what, init] of MISTAKES) {
    it(`wire: ${what} gets a 4xx (or 501) AWS XML error with a request id`, async () => {
      await using rs = await startServer();
      const res = await fetch(rs.url + (init.path ?? "/"), { ...init, headers: { "content-type": "application/x-www-form-urlencoded", ...(init.headers as Record<string, string> | undefined) } });
      const text = await res.text();
      assert.ok(res.status >= 400 && res.status < 500 || res.status === 501, `${what}: status ${res.status}: ${text}`);
      assert.ok(text.length > 0, "a body");
      assert.doesNotMatch(text, /<html|<!DOCTYPE/i);
      assert.match(res.headers.get("content-type") ?? "", /^text\/xml/);
      assert.ok(errorCode(text), `an error <Code>: ${text}`);
      assert.ok(res.headers.get("x-amzn-requestid"));
    });
  }
});

describe("wire: requests node:http cannot parse", () => {
  /** Writes raw bytes on a fresh connection and returns everything the server sends before closing. */
  function rawExchange(url: string, data: string): Promise<string> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write(data));
      let out = "";
      socket.setEncoding("utf8").on("data", (d: string) => (out += d));
      socket.on("close", () => resolve(out));
      socket.on("error", reject);
    });
  }

  const CASES: [string, string, number, string][] = [
    ["a request line that is not HTTP", "GARBAGE\r\n\r\n", 400, "MalformedHTTPRequest"],
    ["a non-numeric Content-Length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400, "MalformedHTTPRequest"],
    ["a URL and headers over 16 KiB", `GET /?Action=DescribeClusters&Version=2012-12-01&Pad=${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431, "RequestHeaderSectionTooLarge"],
  ];
  for (const [what, data, status, code] of CASES) {
    it(`wire: ${what} gets ${status} ${code} as an AWS XML error with a request id, and the connection closes`, async () => {
      const lines: string[] = [];
      await using rs = await startServer({ logLevel: "info", logSink: (line) => lines.push(line) });
      const answer = await rawExchange(rs.url, data);
      const [head = "", body = ""] = answer.split("\r\n\r\n");
      assert.match(head, new RegExp(`^HTTP/1\\.1 ${status} `), answer);
      const id = /\r\nx-amzn-RequestId: ([0-9a-f-]{36})\r\n/i.exec(head)?.[1];
      assert.ok(id, `x-amzn-RequestId header: ${head}`);
      assert.match(head, /\r\nConnection: close/i);
      assert.match(body, REDSHIFT_ENVELOPE);
      assert.equal(errorCode(body), code);
      assert.ok(body.includes(`<RequestId>${id}</RequestId>`));
      assert.equal(Number(/\r\nContent-Length: (\d+)/i.exec(head)?.[1]), Buffer.byteLength(body));
      // Logged once, with the same request id, status and code.
      const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l["requestId"] === id);
      assert.equal(logged.length, 1, lines.join("\n"));
      assert.equal(logged[0]!["level"], "info");
      assert.equal(logged[0]!["status"], status);
      assert.equal(logged[0]!["code"], code);
      // The server is still serving.
      assert.equal((await rawPost(rs.url, "Action=GetCallerIdentity&Version=2011-06-15")).status, 200);
    });
  }
});
