/**
 * The `redshift-local` command end to end (README "Command line"): a child process, its listening line, the
 * official SDKs against it, signals, exit codes, environment variables and `--seed`.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { CreateVpcCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { DescribeClustersCommand, DescribeEndpointAuthorizationCommand } from "@aws-sdk/client-redshift";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { FLAGS } from "../../src/cli/flags.js";
import { GRANTEE, GRANTOR, clientsFor } from "../helpers.js";
import { LISTENING, REPO_ROOT, hasBuiltCli, runCli, startCli } from "./spawn.js";

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string; bin: Record<string, string> };
const BASE = ["--port", "0", "--in-memory"];

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "rl-cli-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function stderrIsJsonLines(stderr: string): void {
  for (const line of stderr.split("\n").filter((l) => l !== "")) {
    const parsed = JSON.parse(line) as { level?: unknown; msg?: unknown };
    assert.equal(typeof parsed.level, "string", line);
    assert.equal(typeof parsed.msg, "string", line);
  }
}

async function accountOf(url: string, accessKeyId: string): Promise<string | undefined> {
  const sts = new STSClient({ endpoint: url, region: "us-east-1", credentials: { accessKeyId, secretAccessKey: "x" }, maxAttempts: 1 });
  return (await sts.send(new GetCallerIdentityCommand({}))).Account;
}

/** The CIDR blocks of an account's VPCs in a region (the default VPC included once created). */
async function vpcCidrs(url: string, account: string, region = "us-east-1"): Promise<string[]> {
  const out = await clientsFor(url, account, region).ec2.send(new DescribeVpcsCommand({}));
  return (out.Vpcs ?? []).map((v) => v.CidrBlock ?? "");
}

function connectionRefused(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise<boolean>((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

/** Resolves once a new TCP connection to the URL is refused (the server stopped accepting). */
async function untilRefused(url: string): Promise<void> {
  while (!(await connectionRefused(url))) await new Promise((r) => setImmediate(r));
}

describe("redshift-local CLI", () => {
  describe("start and stop", () => {
    it("CLI: prints exactly one listening line, serves the SDKs, and exits 0 on SIGTERM", async () => {
      await using rs = await startCli(BASE);
      assert.match(rs.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const { ec2 } = clientsFor(rs.url, GRANTOR);
      const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }));
      assert.match(vpc.Vpc?.VpcId ?? "", /^vpc-[0-9a-f]{17}$/);
      assert.equal(await accountOf(rs.url, GRANTEE), GRANTEE);
      const health = (await (await fetch(`${rs.url}/_redshift-local/health`)).json()) as { status: string; store: string; version: string };
      assert.deepEqual([health.status, health.store, health.version], ["ok", "memory", pkg.version]);

      assert.equal(await rs.stop("SIGTERM"), 0);
      assert.equal(rs.stdout().split("\n").filter((l) => l !== "").length, 1, `stdout: ${rs.stdout()}`);
      assert.match(rs.stdout().trim(), LISTENING);
      stderrIsJsonLines(rs.stderr());
      assert.match(rs.stderr(), /"msg":"stopped"/);
    });

    it("CLI: exits 0 on SIGINT", async () => {
      await using rs = await startCli(BASE);
      assert.equal(await accountOf(rs.url, GRANTOR), GRANTOR);
      assert.equal(await rs.stop("SIGINT"), 0);
    });

    it("CLI: SIGTERM lets an in-flight request finish, refuses new connections, then exits 0", async () => {
      await using rs = await startCli(BASE);
      const { hostname, port } = new URL(rs.url);
      const body = "Action=GetCallerIdentity&Version=2011-06-15";
      const req = request({
        host: hostname,
        port: Number(port),
        method: "POST",
        path: "/",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Expect: "100-continue" },
      });
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        req.on("response", (res) => {
          let text = "";
          res.setEncoding("utf8").on("data", (d: string) => (text += d));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on("error", reject);
      });
      req.flushHeaders();
      // "100 Continue" means the server has parsed the request: it is now in flight.
      await new Promise((resolve) => req.once("continue", resolve));
      req.write(body.slice(0, 10));
      rs.child.kill("SIGTERM");
      await untilRefused(rs.url);
      req.end(body.slice(10));
      const res = await response;
      assert.equal(res.status, 200, res.text);
      assert.match(res.text, /<Account>000000000000<\/Account>/);
      assert.equal(await rs.exited, 0);
    });

    it("CLI: --port with a port in use exits 1 with a clear message", async () => {
      await using first = await startCli(BASE);
      const { port } = new URL(first.url);
      const second = await runCli(["--port", port, "--in-memory"]);
      assert.equal(second.code, 1);
      assert.match(second.stderr, /redshift-local: could not start: .*EADDRINUSE/);
      assert.equal(second.stdout, "");
    });

    it("CLI: the built bin (dist/src/cli/main.js) starts, serves and stops the same way", async (t) => {
      if (!hasBuiltCli()) return t.skip("dist/ not built (npm run build)");
      assert.equal(pkg.bin["redshift-local"], "./dist/src/cli/main.js");
      const bin = readFileSync(join(REPO_ROOT, "dist/src/cli/main.js"), "utf8");
      assert.match(bin, /^#!\/usr\/bin\/env node\n/);
      // One module (npm run build bundles it): starting loads one file of the package, not ~260.
      assert.doesNotMatch(bin, /(?:\bfrom|\bimport)\s*\(?\s*["']\.{1,2}\//, "the bin imports no other file of the package");
      await using rs = await startCli(BASE, { built: true });
      assert.equal(await accountOf(rs.url, GRANTOR), GRANTOR);
      assert.equal(await rs.stop(), 0);
    });

    it("CLI: `npm start -- FLAGS` runs the same server, and SIGTERM to npm stops it with exit 0", async (t) => {
      if (!hasBuiltCli()) return t.skip("dist/ not built (npm run build)");
      await using rs = await startCli(BASE, { npmStart: true });
      assert.equal(await accountOf(rs.url, GRANTOR), GRANTOR);
      assert.equal(await rs.stop(), 0);
      assert.equal(await connectionRefused(rs.url), true, "the server process ended with npm instead of being orphaned");
    });
  });

  describe("help and version", () => {
    it("CLI: --help exits 0 and documents every flag and its environment variable", async () => {
      const { code, stdout, stderr } = await runCli(["--help"]);
      assert.equal(code, 0, stderr);
      for (const flag of [...FLAGS.map((f) => `--${f.name}`), "--help", "--version"]) assert.ok(stdout.includes(flag), `help lists ${flag}`);
      for (const f of FLAGS) assert.ok(stdout.includes(f.env), `help lists ${f.env}`);
      // The README's flags, each documented in its own entry together with its variable
      // (REDSHIFT_LOCAL_ + the flag in upper snake case), whatever the flag table says.
      const entries = stdout.split(/\n(?= {2}--)/);
      for (const flag of ["host", "port", "data-dir", "in-memory", "store", "auth", "credentials", "default-account", "seed", "delay", "quota", "log-level"]) {
        const entry = entries.find((e) => e.startsWith(`  --${flag} `) || e.startsWith(`  --${flag}\n`));
        assert.ok(entry, `help has an entry for --${flag}`);
        assert.match(entry, new RegExp(`\\benv REDSHIFT_LOCAL_${flag.toUpperCase().replace(/-/g, "_")}\\b`), `--${flag}'s entry names its variable: ${entry}`);
      }
    });

    it("CLI: --version prints the package version", async () => {
      const { code, stdout } = await runCli(["--version"]);
      assert.equal(code, 0);
      assert.equal(stdout.trim(), `redshift-local ${pkg.version}`);
    });
  });

  describe("bad flags", () => {
    const cases: [string, string[], RegExp][] = [
      ["an unknown flag", ["--bogus"], /unknown flag --bogus/],
      ["a port above 65535", ["--port", "65536"], /--port '65536' is not a port number/],
      ["a port that is not a number", ["--port", "http"], /is not a port number/],
      ["--data-dir with --in-memory", ["--data-dir", "x", "--in-memory"], /--data-dir and --in-memory cannot be used together/],
      ["a default account that is not 12 digits", ["--default-account", "1234"], /exactly 12 digits/],
      ["an unknown --delay transition", ["--delay", "cluster-explode=1s"], /unknown transition 'cluster-explode'/],
      ["an unknown --quota name", ["--quota", "widgets=3"], /unknown quota 'widgets'/],
      ["a bad log level", ["--log-level", "loud"], /--log-level 'loud' is not valid/],
      ["a bad --auth", ["--auth", "closed"], /use open or strict/],
      ["--store with --data-dir", ["--store", "postgres://rl@localhost/rl", "--data-dir", "x"], /--store and --data-dir cannot be used together/],
      ["a missing --seed file", ["--seed", "/nonexistent/seed.yaml"], /cannot read seed file \/nonexistent\/seed\.yaml/],
      ["a missing --credentials file", ["--credentials", "/nonexistent/creds.json"], /cannot read credentials file/],
    ];
    for (const [what, args, message] of cases) {
      it(`CLI: ${what} exits 2 with a clear message and prints nothing on stdout`, async () => {
        const { code, stdout, stderr } = await runCli(args, { cwd: dir });
        assert.equal(code, 2, stderr);
        assert.match(stderr, message);
        assert.match(stderr, /^redshift-local: /);
        assert.match(stderr, /redshift-local --help/);
        assert.equal(stdout, "");
      });
    }

    it("CLI: a bad environment variable exits 2 naming the variable", async () => {
      const { code, stderr } = await runCli([], { env: { REDSHIFT_LOCAL_PORT: "-3" }, cwd: dir });
      assert.equal(code, 2);
      assert.match(stderr, /REDSHIFT_LOCAL_PORT '-3' is not a port number/);
    });
  });

  describe("--seed", () => {
    const yamlSeed = `# a cluster owner's VPC, cluster and grant
- account: ${GRANTOR}
  region: us-east-1
  service: ec2
  action: CreateVpc
  params:
    CidrBlock: 10.1.0.0/16
    TagSpecifications:
      - ResourceType: vpc
        Tags:
          - { Key: Name, Value: seeded-yaml }
- service: sts
  action: GetCallerIdentity
- account: ${GRANTOR}
  service: redshift
  action: CreateCluster
  params:
    ClusterIdentifier: seeded
    NodeType: ra3.xlplus
    NumberOfNodes: 2
    MasterUsername: admin
    MasterUserPassword: Passw0rd1
- account: ${GRANTOR}
  service: redshift
  action: AuthorizeEndpointAccess
  params:
    ClusterIdentifier: seeded
    Account: "${GRANTEE}"
`;

    it("CLI: a YAML seed is applied through the operations before listening (VPC, cluster, grant)", async () => {
      const file = join(dir, "seed.yaml");
      writeFileSync(file, yamlSeed);
      await using rs = await startCli([...BASE, "--seed", file]);
      const grantor = clientsFor(rs.url, GRANTOR);
      const vpcs = await grantor.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: ["seeded-yaml"] }] }));
      assert.equal(vpcs.Vpcs?.length, 1);
      assert.equal(vpcs.Vpcs?.[0]?.CidrBlock, "10.1.0.0/16");
      const clusters = await grantor.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: "seeded" }));
      assert.equal(clusters.Clusters?.[0]?.ClusterStatus, "available");
      const grants = await clientsFor(rs.url, GRANTEE).redshift.send(new DescribeEndpointAuthorizationCommand({ Grantee: true }));
      assert.deepEqual(
        grants.EndpointAuthorizationList?.map((g) => [g.Grantor, g.Grantee, g.ClusterIdentifier, g.Status, g.AllowedAllVPCs]),
        [[GRANTOR, GRANTEE, "seeded", "Authorized", true]],
      );
      assert.match(rs.stderr(), /"msg":"seed applied","calls":4/);
    });

    it("CLI: a JSON seed is applied, with the default account and region for calls that omit them", async () => {
      const file = join(dir, "seed.json");
      writeFileSync(
        file,
        JSON.stringify([
          { account: GRANTEE, region: "eu-west-1", service: "ec2", action: "CreateVpc", params: { CidrBlock: "10.2.0.0/16" } },
          { service: "ec2", action: "CreateVpc", params: { CidrBlock: "10.3.0.0/16" } },
        ]),
      );
      await using rs = await startCli([...BASE, "--seed", file, "--default-account", "123456789012"]);
      assert.ok((await vpcCidrs(rs.url, GRANTEE, "eu-west-1")).includes("10.2.0.0/16"));
      assert.ok(!(await vpcCidrs(rs.url, GRANTEE, "us-east-1")).includes("10.2.0.0/16"), "state is partitioned by region");
      assert.ok((await vpcCidrs(rs.url, "123456789012", "us-east-1")).includes("10.3.0.0/16"));
    });

    it("CLI: a failing seed call exits 1 with the call's error, and leaves the store empty", async () => {
      const dataDir = join(dir, "failing-seed");
      const file = join(dir, "failing.yaml");
      writeFileSync(
        file,
        [
          `- { account: "${GRANTOR}", service: ec2, action: CreateVpc, params: { CidrBlock: 10.9.0.0/16 } }`,
          `- { account: "${GRANTOR}", service: ec2, action: DeleteVpc, params: { VpcId: vpc-0123456789abcdef0 } }`,
        ].join("\n"),
      );
      const { code, stdout, stderr } = await runCli(["--port", "0", "--data-dir", dataDir, "--seed", file]);
      assert.equal(code, 1, stderr);
      assert.equal(stdout, "", "never listened");
      assert.match(stderr, /redshift-local: could not start: seed call 2 \(ec2 DeleteVpc\) failed: InvalidVpcID\.NotFound: /);
      // The first call was undone: the next start with a fixed seed is not skipped as "not empty".
      await using rs = await startCli(["--port", "0", "--data-dir", dataDir, "--seed", join(dir, "seed.yaml")]);
      assert.ok(!(await vpcCidrs(rs.url, GRANTOR)).includes("10.9.0.0/16"));
      assert.match(rs.stderr(), /"msg":"seed applied"/);
    });

    it("CLI: a seed call that fails validation exits 1 with MissingParameter", async () => {
      const file = join(dir, "invalid.json");
      writeFileSync(file, JSON.stringify([{ account: GRANTOR, service: "redshift", action: "CreateCluster", params: { ClusterIdentifier: "x" } }]));
      const { code, stderr } = await runCli([...BASE, "--seed", file]);
      assert.equal(code, 1);
      assert.match(stderr, /seed call 1 \(redshift CreateCluster\) failed: MissingParameter: /);
    });

    it("CLI: a seed file that is not a list of calls exits 2", async () => {
      const file = join(dir, "not-calls.yaml");
      writeFileSync(file, "service: ec2\n");
      const { code, stderr } = await runCli([...BASE, "--seed", file]);
      assert.equal(code, 2);
      assert.match(stderr, /expected a list of \{ account, region, service, action, params \}/);
    });
  });

  describe("environment variables", () => {
    it("CLI: REDSHIFT_LOCAL_* variables are honoured", async () => {
      await using rs = await startCli([], {
        env: { REDSHIFT_LOCAL_PORT: "0", REDSHIFT_LOCAL_IN_MEMORY: "true", REDSHIFT_LOCAL_DEFAULT_ACCOUNT: "123456789012", REDSHIFT_LOCAL_LOG_LEVEL: "warn" },
        cwd: dir,
      });
      assert.equal(await accountOf(rs.url, "not-an-account"), "123456789012");
      assert.equal(await rs.stop(), 0);
      assert.equal(rs.stderr(), "", "log level warn hides the info lines");
    });

    it("CLI: flags win over the environment", async () => {
      await using rs = await startCli(["--port", "0", "--default-account", "210987654321", "--log-level", "info"], {
        env: { REDSHIFT_LOCAL_PORT: "1", REDSHIFT_LOCAL_IN_MEMORY: "1", REDSHIFT_LOCAL_DEFAULT_ACCOUNT: "123456789012", REDSHIFT_LOCAL_LOG_LEVEL: "silent" },
      });
      assert.equal(await accountOf(rs.url, "not-an-account"), "210987654321");
      assert.equal(await rs.stop(), 0);
      assert.match(rs.stderr(), /"msg":"listening"/);
    });

    it("CLI: REDSHIFT_LOCAL_CREDENTIALS and REDSHIFT_LOCAL_AUTH=strict are honoured", async () => {
      const creds = join(dir, "creds.json");
      writeFileSync(creds, JSON.stringify([{ accessKeyId: "AKIDCLI", secretAccessKey: "s3cret", accountId: GRANTEE }]));
      await using rs = await startCli(BASE, { env: { REDSHIFT_LOCAL_CREDENTIALS: creds, REDSHIFT_LOCAL_AUTH: "strict" } });
      assert.equal(await accountOf(rs.url, "AKIDCLI").catch(() => "refused"), "refused", "a wrong secret is refused");
      const sts = new STSClient({ endpoint: rs.url, region: "us-east-1", credentials: { accessKeyId: "AKIDCLI", secretAccessKey: "s3cret" }, maxAttempts: 1 });
      assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, GRANTEE);
      const health = (await (await fetch(`${rs.url}/_redshift-local/health`)).json()) as { auth: string };
      assert.equal(health.auth, "strict");
    });
  });
});
