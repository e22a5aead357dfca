/**
 * Start-up tells the truth, through the real command: a data directory that is a file or on procfs,
 * or a corrupted database, ends the process with exit 1 and one `redshift-local: …` line naming the
 * path and the cause (never "listening" followed by 500s, never a hang). While serving, a data
 * directory deleted under the server is reported by /health and refuses writes with 503; another
 * process holding the database's write lock delays writes (then 400 Throttling), never reads.
 */
import assert from "node:assert/strict";
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { CreateVpcCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { startRedshiftLocal } from "../../src/index.js";
import { SQLITE_FILE, SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { GRANTOR, clientsFor, expectAwsError } from "../helpers.js";
import { runCli, startCli } from "./spawn.js";

let root: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), "rl-startup-e2e-"));
});
after(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
const freshDir = (): string => join(root, `data-${++n}`);

async function refusedStart(args: string[], message: RegExp): Promise<void> {
  const { code, stdout, stderr } = await runCli(["--port", "0", ...args]);
  assert.equal(code, 1, stderr);
  assert.equal(stdout, "", "never listening");
  const lines = stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, `one line: ${stderr}`);
  assert.match(lines[0]!, message);
}

describe("start-up", { timeout: 120_000 }, () => {
  it("start-up: --data-dir naming a regular file exits 1 with 'is not a directory', naming it", async () => {
    const path = join(root, "a-file");
    writeFileSync(path, "x");
    await refusedStart(["--data-dir", path], new RegExp(`^redshift-local: could not start: the data directory ${path} is not a directory$`));
  });

  it("start-up: --data-dir on procfs exits 1 at once with 'cannot create', instead of spinning and ignoring SIGTERM", async () => {
    await refusedStart(["--data-dir", "/proc/x"], /^redshift-local: could not start: cannot create the data directory \/proc\/x: /);
  });

  it("start-up: a database corrupted past its header exits 1 with 'is corrupted', naming the file", async () => {
    const dir = freshDir();
    const store = new SqliteStore({ dataDir: dir });
    await store.transact(async (tx) => {
      for (let i = 0; i < 100; i++) await tx.vpcs.insert({ account: GRANTOR, region: "us-east-1", id: `vpc-${i}`, createdAt: i, cidrBlock: "10.0.0.0/16", isDefault: false, tags: [] });
    });
    await store.close();
    const file = join(dir, SQLITE_FILE);
    const size = statSync(file).size;
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(size - 100, 0x33), 0, size - 100, 100);
    closeSync(fd);
    await refusedStart(["--data-dir", dir], new RegExp(`^redshift-local: could not start: the database ${file} is corrupted: `));
  });

  it("start-up: the library's startRedshiftLocal rejects with the same error", async () => {
    const path = join(root, "another-file");
    writeFileSync(path, "x");
    await assert.rejects(startRedshiftLocal({ store: { kind: "sqlite", dataDir: path }, logLevel: "silent" }), {
      message: `the data directory ${path} is not a directory`,
    });
  });
});

describe("while serving", { timeout: 120_000 }, () => {
  it("data dir deleted while running: /health answers 503 degraded naming the problem, writes answer 503 ServiceUnavailable, reads still answer", async () => {
    const dir = freshDir();
    await using rs = await startCli(["--port", "0", "--data-dir", dir, "--log-level", "silent"]);
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    await ec2.send(new CreateVpcCommand({ CidrBlock: "10.1.0.0/16" }));
    assert.equal((await fetch(`${rs.url}/_redshift-local/health`)).status, 200);
    rmSync(dir, { recursive: true, force: true });
    const health = await fetch(`${rs.url}/_redshift-local/health`);
    assert.equal(health.status, 503);
    const body = (await health.json()) as { status: string; problem: string };
    assert.equal(body.status, "degraded");
    assert.match(body.problem, new RegExp(`${join(dir, SQLITE_FILE)} was removed or replaced.*Restart redshift-local`));
    const error = await expectAwsError(ec2.send(new CreateVpcCommand({ CidrBlock: "10.2.0.0/16" })), "ServiceUnavailable", 503);
    assert.match(error.message, /was removed or replaced/);
    assert.equal((await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length, 2, "the default VPC and the one created before");
    assert.equal((await fetch(`${rs.url}/_redshift-local/state`)).status, 200, "/state is a read");
    const reset = await fetch(`${rs.url}/_redshift-local/reset`, { method: "POST" });
    assert.equal(reset.status, 503);
    assert.equal(((await reset.json()) as { error: string }).error, "ServiceUnavailable");
  });

  it("two processes: while another process holds BEGIN IMMEDIATE on the database, the server answers reads, and writes with 400 Throttling past ~5 s, then works", async () => {
    const dir = freshDir();
    await using rs = await startCli(["--port", "0", "--data-dir", dir, "--log-level", "silent"]);
    const { ec2 } = clientsFor(rs.url, GRANTOR);
    await ec2.send(new DescribeVpcsCommand({})); // the account's default network exists before the lock
    const other = new Database(join(dir, SQLITE_FILE));
    other.exec("BEGIN IMMEDIATE");
    try {
      assert.equal((await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length, 1);
      const error = await expectAwsError(ec2.send(new CreateVpcCommand({ CidrBlock: "10.3.0.0/16" })), "Throttling", 400);
      assert.match(error.message, /^Rate exceeded/);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    await ec2.send(new CreateVpcCommand({ CidrBlock: "10.3.0.0/16" }));
    assert.equal((await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length, 2);
  });
});
