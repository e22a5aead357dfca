/**
 * A machine with only Node and npm passes `npm test`: the tests that drive external programs (AWS CLI,
 * python3 + boto3, Terraform) skip with one line naming what is missing, unless CI requires them
 * (REDSHIFT_LOCAL_E2E_REQUIRE, test/e2e/tools.ts).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { REPO_ROOT } from "./spawn.js";
import { findOnPath, requiredTools, skipUnlessRequired, toolMissing } from "./tools.js";

const TOOL_TESTS = ["test/e2e/awscli.test.ts", "test/e2e/boto3.test.ts", "test/e2e/slow/terraform.test.ts"];

/** A PATH directory holding nothing but `node`. */
function nodeOnlyPath(): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(join(tmpdir(), "rl-node-only-"));
  symlinkSync(process.execPath, join(dir, "node"));
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

async function runTests(files: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), "--test", "--test-reporter=tap", ...files], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (out += d));
  const [code] = (await once(child, "close")) as [number | null];
  return { code, out };
}

/** The environment minus `names` (NODE_TEST_CONTEXT would make the child report to this runner instead of printing). */
function envWithout(names: readonly string[], extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!names.includes(k)) env[k] = v;
  return { ...env, ...extra };
}

describe("external tools", () => {
  it("tools: findOnPath finds an executable file on PATH and ignores directories, non-executables and empty entries", () => {
    using path = nodeOnlyPath();
    writeFileSync(join(path.dir, "plain"), "not executable");
    chmodSync(join(path.dir, "plain"), 0o644);
    assert.equal(findOnPath("node", `::${path.dir}`), join(path.dir, "node"));
    assert.equal(findOnPath("plain", path.dir), undefined);
    assert.equal(findOnPath("aws", path.dir), undefined);
    assert.equal(findOnPath(".", path.dir), undefined, "a directory is not a program");
  });

  it("tools: a missing tool is a skip reason, unless REDSHIFT_LOCAL_E2E_REQUIRE lists it (CI), then loading the test file fails naming it", () => {
    assert.deepEqual([...requiredTools({ REDSHIFT_LOCAL_E2E_REQUIRE: " aws, boto3 ,," })], ["aws", "boto3"]);
    assert.equal(skipUnlessRequired("never-required-tool", undefined), undefined);
    assert.equal(skipUnlessRequired("never-required-tool", "x not found", {}), "x not found");
    assert.equal(skipUnlessRequired("aws", undefined, { REDSHIFT_LOCAL_E2E_REQUIRE: "aws" }), undefined, "a present tool is never an error");
    assert.throws(() => skipUnlessRequired("aws", "`aws` was not found", { REDSHIFT_LOCAL_E2E_REQUIRE: "aws,boto3" }), /`aws` was not found \(REDSHIFT_LOCAL_E2E_REQUIRE lists aws, so this is a failure, not a skip\)/);
    assert.equal(toolMissing("node", "install Node.js"), undefined, "node runs this test, so it is on PATH");
    assert.equal(toolMissing("redshift-local-no-such-tool", "apt-get install it"), "redshift-local-no-such-tool not found on PATH (apt-get install it)");
  });

  it(
    "tools: with only node on PATH, the AWS CLI, boto3 and Terraform tests skip with one line naming the missing tool, and pass",
    { timeout: 10 * 60_000 }, // guards a hung child only; nothing here measures time
    async () => {
      using path = nodeOnlyPath();
      const env = envWithout(["NODE_TEST_CONTEXT", "REDSHIFT_LOCAL_E2E_REQUIRE", "TERRAFORM_BIN"], {
        PATH: path.dir,
        REDSHIFT_LOCAL_SYSTEM_AWS: "", // a machine with only Node has no Debian awscli either
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      });
      const { code, out } = await runTests(TOOL_TESTS, env);
      assert.equal(code, 0, `the tool tests failed without their tools:\n${out}`);
      const skips = out.split("\n").filter((line) => / # SKIP /.test(line));
      assert.ok(skips.some((l) => /AWS CLI.*# SKIP .*`aws` was not found/.test(l)), `no skip line naming aws:\n${out}`);
      assert.ok(skips.some((l) => /boto3 # SKIP python3 not found on PATH/.test(l)), `no skip line naming python3:\n${out}`);
      assert.ok(skips.some((l) => /Terraform.*# SKIP terraform is not installed/.test(l)), `no skip line naming terraform:\n${out}`);
      assert.match(out, /^# fail 0$/m);
    },
  );
});
