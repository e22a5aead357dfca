/**
 * Real Terraform recovers from AWS misbehaving: the README's Terraform example is applied while
 * the first two `DescribeEndpointAccess` calls — the provider's endpoint waiter polling the new
 * endpoint — are throttled. The provider's SDK retries them, the waiter sees the endpoint `active`,
 * and the apply succeeds; the server's log and /health show the two injected throttles.
 *
 * Takes about a minute and a half (the provider waits 30 s before polling a new endpoint, and as long
 * before polling a deleted one). Terraform and the provider are found by ./terraform-harness.ts;
 * when either is missing the test is skipped with a message naming what is missing.
 */
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DescribeEndpointAccessCommand } from "@aws-sdk/client-redshift";
import { GRANTEE, clientsFor, startServer } from "../../helpers.js";
import { REPO_ROOT } from "../spawn.js";
import { missing, workspace } from "./terraform-harness.js";

/** The ```hcl block of README.md's "### Terraform" section, pointed at `url`. */
function readmeExample(url: string): string {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Terraform\n"));
  const m = /```hcl\n([\s\S]*?)```/.exec(section);
  assert.ok(m, "README.md has a ```hcl block under ### Terraform");
  assert.ok(m[1]!.includes('"http://127.0.0.1:4566"'), "the example names the README endpoint");
  return m[1]!.replaceAll('"http://127.0.0.1:4566"', JSON.stringify(url));
}

interface LogLine {
  msg?: string;
  action?: string;
  code?: string;
  rule?: string;
}

describe("Terraform (hashicorp/aws) under fault injection", () => {
  it("Terraform: apply recovers from throttled DescribeEndpointAccess calls during the endpoint waiter; destroy", { skip: missing, timeout: 15 * 60_000 }, async () => {
    const lines: LogLine[] = [];
    await using rs = await startServer({
      faults: [{ id: "throttle-waiter", service: "redshift", operation: "DescribeEndpointAccess", error: "ThrottlingException", count: 2 }],
      logLevel: "info",
      logSink: (line) => lines.push(JSON.parse(line) as LogLine),
    });
    const { dir, write, tf } = workspace("rl-terraform-faults-");
    try {
      write(readmeExample(rs.url));
      await tf(["init", "-input=false"], 0, "init");
      await tf(["apply", "-auto-approve", "-input=false"], 0, "apply");

      const throttled = lines.filter((l) => l.msg === "request" && l.action === "DescribeEndpointAccess" && l.code === "ThrottlingException");
      assert.equal(throttled.length, 2, "the provider met two throttled DescribeEndpointAccess calls");
      assert.equal(lines.filter((l) => l.msg === "fault injected" && l.rule === "throttle-waiter").length, 2);
      const health = (await (await fetch(`${rs.url}/_redshift-local/health`)).json()) as { faults: unknown };
      assert.deepEqual(health.faults, { fired: 2, rules: { "throttle-waiter": 2 } });
      const endpoints = await clientsFor(rs.url, GRANTEE).redshift.send(new DescribeEndpointAccessCommand({}));
      assert.deepEqual(endpoints.EndpointAccessList?.map((e) => e.EndpointStatus), ["active"]);

      await tf(["destroy", "-auto-approve", "-input=false"], 0, "destroy");
      assert.deepEqual((await clientsFor(rs.url, GRANTEE).redshift.send(new DescribeEndpointAccessCommand({}))).EndpointAccessList, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
