/**
 * `--auth strict` without a key refuses to start (exit 2; the library rejects with a RangeError),
 * and `--allowed-host` (repeatable; env comma-separated) reaches the library's `allowedHosts`.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseCli } from "../../src/cli/parse.js";
import { usageError } from "./parse-helpers.js";
import { startRedshiftLocal } from "../../src/index.js";
import { runCli } from "../e2e/spawn.js";

describe("--auth strict needs credentials", () => {
  it("parseCli: --auth strict without --credentials is refused, naming both (flag or variable)", () => {
    assert.match(usageError(["--auth", "strict"]), /^--auth strict needs --credentials FILE/);
    assert.match(usageError([], { REDSHIFT_LOCAL_AUTH: "strict" }), /^REDSHIFT_LOCAL_AUTH strict needs --credentials FILE/);
    assert.equal(parseCli(["--auth", "strict"], { REDSHIFT_LOCAL_CREDENTIALS: "c.json" }).kind, "start");
  });

  it("library: auth strict without credentials (none, or an empty list) rejects with a RangeError", async () => {
    for (const credentials of [undefined, []]) {
      await assert.rejects(
        startRedshiftLocal({ auth: "strict", logLevel: "silent", ...(credentials ? { credentials } : {}) }),
        (err: Error) => err instanceof RangeError && /strict.*credentials/.test(err.message),
      );
    }
  });

  it("cli: --auth strict without --credentials, or with an empty credentials file, exits 2 with a clear message", async () => {
    const missing = await runCli(["--auth", "strict", "--in-memory", "--port", "0"]);
    assert.equal(missing.code, 2, missing.stderr);
    assert.match(missing.stderr, /--auth strict needs --credentials FILE/);
    assert.equal(missing.stdout, "", "it never listened");
    const dir = mkdtempSync(join(tmpdir(), "rl-strict-"));
    try {
      const file = join(dir, "credentials.json");
      writeFileSync(file, "[]");
      const empty = await runCli(["--auth", "strict", "--credentials", file, "--in-memory", "--port", "0"]);
      assert.equal(empty.code, 2, empty.stderr);
      assert.match(empty.stderr, /--auth strict needs at least one key/);
      assert.equal(empty.stdout, "");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("--allowed-host", () => {
  it("parseCli: --allowed-host is repeatable and REDSHIFT_LOCAL_ALLOWED_HOST is comma-separated; both reach allowedHosts", () => {
    const both = parseCli(["--allowed-host", "rl.internal", "--allowed-host=[::1]"], { REDSHIFT_LOCAL_ALLOWED_HOST: "redshift-local, Example.com" });
    assert.equal(both.kind, "start");
    assert.deepEqual((both as { options: { allowedHosts?: string[] } }).options.allowedHosts, ["redshift-local", "Example.com", "rl.internal", "[::1]"]);
    const none = parseCli([], {});
    assert.equal((none as { options: { allowedHosts?: string[] } }).options.allowedHosts, undefined);
  });

  it("parseCli: an --allowed-host with a port, scheme or path is refused", () => {
    for (const bad of ["rl.internal:4566", "http://rl.internal", "rl/x", "a b"]) {
      assert.match(usageError(["--allowed-host", bad]), /is not a host name or IP address/, bad);
    }
    assert.match(usageError([], { REDSHIFT_LOCAL_ALLOWED_HOST: "ok,http://x" }), /^REDSHIFT_LOCAL_ALLOWED_HOST 'http:\/\/x'/);
  });
});
