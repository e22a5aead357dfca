/**
 * SIGTERM/SIGINT end to end: the real `redshift-local` process exits 0 even while clients hold
 * half-sent requests (a partial head, or a short body), within its --shutdown-grace. The waits
 * have generous guards only; no test asserts on time.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { postHead, rawClient } from "../server/raw-client.js";
import { startCli } from "./spawn.js";

const BASE = ["--port", "0", "--in-memory"];
const GUARD = { timeout: 120_000 };
const CALLER = "Action=GetCallerIdentity&Version=2011-06-15";

describe("redshift-local shutdown", () => {
  it("CLI: SIGTERM while a client holds a half-sent request head exits 0 (the connection is closed at once)", GUARD, async () => {
    // A grace period far beyond the guard: exiting at all proves the half-sent head was not waited for.
    await using rs = await startCli([...BASE, "--shutdown-grace", "1h"]);
    const client = await rawClient(rs.url, "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Ty");
    assert.equal(await rs.stop("SIGTERM"), 0, rs.stderr());
    await client.ended;
    assert.match(rs.stderr(), /"msg":"stopped"/);
  });

  it("CLI: SIGINT while a client holds a short body exits 0 once --shutdown-grace has passed", GUARD, async () => {
    await using rs = await startCli(BASE, { env: { REDSHIFT_LOCAL_SHUTDOWN_GRACE: "200ms" } });
    const client = await rawClient(rs.url, postHead(CALLER.length, "Expect: 100-continue\r\n"));
    await client.until(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
    client.socket.write(CALLER.slice(0, 10));
    assert.equal(await rs.stop("SIGINT"), 0, rs.stderr());
    await client.ended;
    assert.match(rs.stderr(), /"level":"warn".*closed by force.*"shutdownGraceMs":200/);
    assert.match(rs.stderr(), /"msg":"stopped"/);
  });
});
