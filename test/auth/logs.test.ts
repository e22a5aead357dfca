/**
 * Logs never contain secret keys or signatures, even at debug level and for failed
 * authentications. Every line the server writes is captured through `logSink`.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { ManualClock, loadCredentialsFile } from "../../src/index.js";
import { GRANTOR, rawPost, startServer } from "../helpers.js";
import { AKID, FORM, SECRET, presignUrl, send, sign } from "../wire/signing.js";

describe("logs and secrets", () => {
  it("logs: no line contains the secret key or a signature, at debug level, in open and strict mode", async () => {
    for (const auth of ["open", "strict"] as const) {
      const lines: string[] = [];
      const clock = new ManualClock(Date.now());
      const rs = await startServer({
        auth,
        clock,
        credentials: [{ accessKeyId: AKID, secretAccessKey: SECRET, accountId: GRANTOR }],
        logLevel: "debug",
        logSink: (line) => lines.push(line),
      });
      const signatures: string[] = [];
      const remember = (authorization: string | readonly string[] | undefined) => {
        const sig = /Signature=([0-9a-f]{64})/.exec(String(authorization))?.[1];
        if (sig) signatures.push(sig);
      };
      try {
        const signingDate = new Date(clock.now());
        // Served, wrong secret, unknown key, expired, malformed, presigned, unsigned.
        const sdk = new STSClient({ endpoint: rs.url, region: "us-east-1", credentials: { accessKeyId: AKID, secretAccessKey: SECRET }, maxAttempts: 1 });
        sdk.middlewareStack.add((next) => async (args) => {
          const result = await next(args);
          remember((args.request as { headers: Record<string, string> }).headers.authorization);
          return result;
        }, { step: "finalizeRequest", priority: "low" });
        await sdk.send(new GetCallerIdentityCommand({}));
        const body = "Action=GetCallerIdentity&Version=2011-06-15";
        for (const opts of [
          { service: "sts", signingDate },
          { service: "sts", signingDate, key: { accessKeyId: AKID, secretAccessKey: "wrong-secret" } },
          { service: "sts", signingDate, key: { accessKeyId: "AKIAUNKNOWN", secretAccessKey: SECRET } },
          { service: "sts", signingDate: new Date(clock.now() - 3_600_000) },
        ]) {
          const signed = await sign(rs.url, { method: "POST", headers: { "content-type": FORM }, body }, opts);
          remember(signed.headers?.authorization);
          assert.ok((await send(rs.url, signed)).status < 500);
        }
        await rawPost(rs.url, body, { authorization: `AWS4-HMAC-SHA256 Credential=${AKID}/x, Signature=${"ab".repeat(32)}`, "x-amz-date": "20240501T123456Z" });
        signatures.push("ab".repeat(32));
        const url = await presignUrl(rs.url, { Action: "GetCallerIdentity", Version: "2011-06-15" }, { service: "sts", signingDate, expiresIn: 60 });
        signatures.push(/X-Amz-Signature=([0-9a-f]{64})/.exec(url)![1]!);
        assert.equal((await fetch(url)).status, 200);
        await rawPost(rs.url, body);
      } finally {
        await rs.close();
      }

      assert.equal(signatures.length, 7, "every signature sent was captured to look for");
      const requestLines = lines.filter((l) => (JSON.parse(l) as { msg: string }).msg === "request");
      assert.ok(requestLines.length >= 7, `${auth}: every request was logged at debug level (got ${requestLines.length})`);
      for (const line of lines) {
        assert.ok(!line.includes(SECRET), `${auth}: a log line contains the secret: ${line}`);
        assert.ok(!line.includes("wrong-secret"), `${auth}: a log line contains a caller's secret: ${line}`);
        for (const sig of signatures) assert.ok(!line.includes(sig), `${auth}: a log line contains a signature: ${line}`);
        assert.doesNotMatch(line, /Signature=|X-Amz-Signature/i, `${auth}: a log line carries signature material`);
      }
    }
  });

  it("logs: a malformed --credentials file is reported without quoting its text (which holds secret keys)", () => {
    const dir = mkdtempSync(join(tmpdir(), "rl-creds-"));
    try {
      for (const text of [
        `[{"accessKeyId":"${AKID}","secretAccessKey":${SECRET},"accountId":"${GRANTOR}"}]`,
        `[{"accessKeyId":"${AKID}","secretAccessKey":"${SECRET}" "accountId":"${GRANTOR}"}]`,
        `[{"accessKeyId":"${AKID}","secretAccessKey":"${SECRET}"`,
      ]) {
        const file = join(dir, "credentials.json");
        writeFileSync(file, text);
        assert.throws(
          () => loadCredentialsFile(file),
          (err: Error) => {
            assert.match(err.message, /is not valid JSON/);
            for (const piece of [SECRET, SECRET.slice(0, 8), SECRET.slice(-8)]) assert.ok(!err.message.includes(piece), `the message quotes the file: ${err.message}`);
            return true;
          },
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
