import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GetClusterCredentialsCommand, GetClusterCredentialsWithIAMCommand, PauseClusterCommand } from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer } from "../helpers.js";
import { START, clockedServer, createCluster } from "../fixtures/clusters-world.js";

describe("GetClusterCredentials", () => {
  describe("behaviour", () => {
    it("GetClusterCredentials: answers IAM:<DbUser>, a fresh random password, and an expiration 900 s after now by default", async () => {
      const { rs } = await clockedServer();
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      const first = await c.redshift.send(new GetClusterCredentialsCommand({ ClusterIdentifier: "WH", DbUser: "Analyst" }));
      assert.equal(first.DbUser, "IAM:Analyst");
      assert.equal(first.Expiration?.getTime(), START + 900_000);
      assert.match(first.DbPassword ?? "", /^[A-Za-z0-9+/=]{64}$/);
      const second = await c.redshift.send(new GetClusterCredentialsCommand({ ClusterIdentifier: "wh", DbUser: "Analyst" }));
      assert.notEqual(second.DbPassword, first.DbPassword);
    });

    it("GetClusterCredentials: AutoCreate answers IAMA:<DbUser>; DurationSeconds, DbName and DbGroups are honoured on the injected clock", async () => {
      const { rs, clock } = await clockedServer();
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      clock.advance(5000);
      const out = await c.redshift.send(
        new GetClusterCredentialsCommand({ ClusterIdentifier: "wh", DbUser: "etl_user", DbName: "dev", AutoCreate: true, DurationSeconds: 3600, DbGroups: ["loaders", "readers"] }),
      );
      assert.equal(out.DbUser, "IAMA:etl_user");
      assert.equal(out.Expiration?.getTime(), START + 5000 + 3_600_000);
      const explicitFalse = await c.redshift.send(new GetClusterCredentialsCommand({ ClusterIdentifier: "wh", DbUser: "etl_user", AutoCreate: false }));
      assert.equal(explicitFalse.DbUser, "IAM:etl_user");
    });

    it("GetClusterCredentials: the password never appears in the server's log", async () => {
      const lines: string[] = [];
      await using rs = await startServer({ logLevel: "debug", logSink: (line: string) => lines.push(line) });
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      const out = await c.redshift.send(new GetClusterCredentialsCommand({ ClusterIdentifier: "wh", DbUser: "a" }));
      assert.ok(lines.length > 0, "the server logged its requests");
      assert.ok(!lines.some((l) => l.includes(out.DbPassword!)));
    });
  });

  describe("errors, in order", () => {
    it("GetClusterCredentials: DbUser is required (MissingParameter)", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      const res = await rawPost(rs.url, "Action=GetClusterCredentials&Version=2012-12-01&ClusterIdentifier=wh");
      assert.equal(res.status, 400);
      assert.match(res.text, /<Code>MissingParameter<\/Code>/);
    });

    it("GetClusterCredentials: DurationSeconds outside 900–3600 is InvalidParameterValue, before the cluster is looked up", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      for (const DurationSeconds of [899, 3601, 0]) {
        const err = await expectAwsError(c.redshift.send(new GetClusterCredentialsCommand({ ClusterIdentifier: "none", DbUser: "a", DurationSeconds })), "InvalidParameterValue", 400);
        assert.match(err.message, /DurationSeconds/);
      }
    });

    it("GetClusterCredentials: DbUser, DbName and DbGroups follow AWS's naming rules (InvalidParameterValue)", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      const bad = [
        { DbUser: "1user" },
        { DbUser: "a:b" },
        { DbUser: "a/b" },
        { DbUser: "x".repeat(65) },
        { DbUser: "PUBLIC" },
        { DbUser: "select" },
        { DbUser: "ok", DbName: "9db" },
        { DbUser: "ok", DbName: "table" },
        { DbUser: "ok", DbGroups: ["Readers"] },
        { DbUser: "ok", DbGroups: ["readers", "a:b"] },
      ];
      for (const input of bad) {
        await expectAwsError(c.redshift.send(new GetClusterCredentialsCommand({ ClusterIdentifier: "none", ...input })), "InvalidParameterValue", 400);
      }
      // Every character AWS lists is accepted: the lookup then fails on the missing cluster.
      await expectAwsError(
        c.redshift.send(new GetClusterCredentialsCommand({ ClusterIdentifier: "none", DbUser: "Ab9_+.@-", DbName: "Dev_1", DbGroups: ["g9_+.@-"] })),
        "ClusterNotFoundFault",
        404,
      );
    });

    it("GetClusterCredentials: neither ClusterIdentifier nor CustomDomainName is MissingParameter; an unassociated custom domain is ClusterNotFound", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await expectAwsError(c.redshift.send(new GetClusterCredentialsCommand({ DbUser: "a" })), "MissingParameter", 400);
      await expectAwsError(c.redshift.send(new GetClusterCredentialsCommand({ DbUser: "a", CustomDomainName: "db.example.com" })), "ClusterNotFoundFault", 404);
    });

    it("GetClusterCredentials: another account's cluster is ClusterNotFound", async () => {
      await using rs = await startServer();
      await createCluster(clientsFor(rs.url, GRANTOR), "wh");
      const other = clientsFor(rs.url, GRANTEE);
      await expectAwsError(other.redshift.send(new GetClusterCredentialsCommand({ ClusterIdentifier: "wh", DbUser: "a" })), "ClusterNotFoundFault", 404);
      await expectAwsError(other.redshift.send(new GetClusterCredentialsWithIAMCommand({ ClusterIdentifier: "wh" })), "ClusterNotFoundFault", 404);
    });

    it("GetClusterCredentials: a cluster that is creating or paused is UnsupportedOperation", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-create": 60_000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "wh");
      const err = await expectAwsError(c.redshift.send(new GetClusterCredentialsCommand({ ClusterIdentifier: "wh", DbUser: "a" })), "UnsupportedOperationFault", 400);
      assert.match(err.message, /creating/);
      await expectAwsError(c.redshift.send(new GetClusterCredentialsWithIAMCommand({ ClusterIdentifier: "wh" })), "UnsupportedOperationFault", 400);
      clock.advance(60_000);
      await c.redshift.send(new PauseClusterCommand({ ClusterIdentifier: "wh" }));
      clock.advance(3_600_000);
      await expectAwsError(c.redshift.send(new GetClusterCredentialsCommand({ ClusterIdentifier: "wh", DbUser: "a" })), "UnsupportedOperationFault", 400);
    });
  });
});

describe("GetClusterCredentialsWithIAM", () => {
  it("GetClusterCredentialsWithIAM: the user is the caller's identity (the account root), with an expiration and a refresh time on the injected clock", async () => {
    const { rs, clock } = await clockedServer();
    await using _rs = rs;
    const c = clientsFor(rs.url, GRANTOR);
    await createCluster(c, "wh");
    clock.advance(1000);
    const out = await c.redshift.send(new GetClusterCredentialsWithIAMCommand({ ClusterIdentifier: "wh", DbName: "dev" }));
    assert.equal(out.DbUser, "IAM:root");
    assert.match(out.DbPassword ?? "", /^[A-Za-z0-9+/=]{64}$/);
    assert.equal(out.Expiration?.getTime(), START + 1000 + 900_000);
    assert.equal(out.NextRefreshTime?.getTime(), START + 1000 + 450_000);
    const long = await c.redshift.send(new GetClusterCredentialsWithIAMCommand({ ClusterIdentifier: "wh", DurationSeconds: 3600 }));
    assert.equal(long.Expiration?.getTime(), START + 1000 + 3_600_000);
  });

  it("GetClusterCredentialsWithIAM: DurationSeconds and DbName are checked before the cluster is looked up", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(c.redshift.send(new GetClusterCredentialsWithIAMCommand({ ClusterIdentifier: "none", DurationSeconds: 600 })), "InvalidParameterValue", 400);
    await expectAwsError(c.redshift.send(new GetClusterCredentialsWithIAMCommand({ ClusterIdentifier: "none", DbName: "_x" })), "InvalidParameterValue", 400);
    await expectAwsError(c.redshift.send(new GetClusterCredentialsWithIAMCommand({ ClusterIdentifier: "none" })), "ClusterNotFoundFault", 404);
    await expectAwsError(c.redshift.send(new GetClusterCredentialsWithIAMCommand({})), "MissingParameter", 400);
  });
});
