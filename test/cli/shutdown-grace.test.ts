/**
 * `--shutdown-grace DURATION` / REDSHIFT_LOCAL_SHUTDOWN_GRACE → the library's `shutdownGraceMs`
 * (its behaviour is tested in test/server/shutdown.test.ts and test/e2e/shutdown.test.ts).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCli } from "../../src/cli/parse.js";
import { usageError } from "./parse-helpers.js";

function grace(argv: string[], env: Record<string, string> = {}): number | undefined {
  const cmd = parseCli(argv, env);
  assert.equal(cmd.kind, "start", cmd.kind === "error" ? cmd.message : cmd.kind);
  return cmd.kind === "start" ? cmd.options.shutdownGraceMs : undefined;
}

describe("parseCli: --shutdown-grace", () => {
  it("parseCli: --shutdown-grace takes a duration; unset leaves the library's default (10 s)", () => {
    assert.equal(grace([]), undefined);
    assert.equal(grace(["--shutdown-grace", "30s"]), 30_000);
    assert.equal(grace(["--shutdown-grace=500ms"]), 500);
    assert.equal(grace(["--shutdown-grace", "0"]), 0);
    assert.equal(grace(["--shutdown-grace", "2m"]), 120_000);
  });

  it("parseCli: REDSHIFT_LOCAL_SHUTDOWN_GRACE is honoured and the flag wins over it", () => {
    assert.equal(grace([], { REDSHIFT_LOCAL_SHUTDOWN_GRACE: "1s" }), 1000);
    assert.equal(grace(["--shutdown-grace", "2s"], { REDSHIFT_LOCAL_SHUTDOWN_GRACE: "1s" }), 2000);
    assert.equal(grace([], { REDSHIFT_LOCAL_SHUTDOWN_GRACE: "" }), undefined);
  });

  it("parseCli: a bad or too long --shutdown-grace is refused, naming its source", () => {
    assert.match(usageError(["--shutdown-grace", "soon"]), /^--shutdown-grace 'soon': invalid duration/);
    assert.match(usageError(["--shutdown-grace=-1s"]), /^--shutdown-grace '-1s': invalid duration/);
    assert.match(usageError([], { REDSHIFT_LOCAL_SHUTDOWN_GRACE: "10 minutes" }), /^REDSHIFT_LOCAL_SHUTDOWN_GRACE '10 minutes'/);
    assert.match(usageError(["--shutdown-grace", "1000h"]), /too long/);
  });
});
