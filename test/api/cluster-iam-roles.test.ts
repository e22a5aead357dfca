import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ModifyClusterIamRolesCommand, PauseClusterCommand, type ModifyClusterIamRolesCommandInput } from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer, type Clients } from "../helpers.js";
import { clockedServer, createCluster, describeCluster } from "../fixtures/clusters-world.js";

const role = (name: string, account = GRANTOR) => `arn:aws:iam::${account}:role/${name}`;
const modify = (c: Clients, input: Partial<ModifyClusterIamRolesCommandInput>) =>
  c.redshift.send(new ModifyClusterIamRolesCommand({ ClusterIdentifier: "roles", ...input }));
const rolesOf = async (c: Clients, id = "roles") => (await describeCluster(c, id)).IamRoles!.map((r) => [r.IamRoleArn, r.ApplyStatus]);

describe("ModifyClusterIamRoles", () => {
  describe("behaviour", () => {
    it("ModifyClusterIamRoles: added roles are `adding` while the cluster is modifying, then `in-sync` when cluster-iam-roles completes", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-iam-roles": 30_000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "roles", { IamRoles: [role("First")] });
      const out = (await modify(c, { AddIamRoles: [role("Copy"), role("path/to/Unload")] })).Cluster!;
      assert.equal(out.ClusterStatus, "modifying");
      assert.deepEqual(out.IamRoles!.map((r) => [r.IamRoleArn, r.ApplyStatus]), [
        [role("First"), "in-sync"],
        [role("Copy"), "adding"],
        [role("path/to/Unload"), "adding"],
      ]);
      clock.advance(29_999);
      assert.equal((await describeCluster(c, "roles")).ClusterStatus, "modifying");
      clock.advance(1);
      const settled = await describeCluster(c, "roles");
      assert.equal(settled.ClusterStatus, "available");
      assert.deepEqual(settled.IamRoles!.map((r) => r.ApplyStatus), ["in-sync", "in-sync", "in-sync"]);
    });

    it("ModifyClusterIamRoles: removed roles are `removing`, then gone; removing the default role clears DefaultIamRoleArn", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-iam-roles": 10_000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "roles", { IamRoles: [role("A"), role("B")], DefaultIamRoleArn: role("A") });
      const out = (await modify(c, { RemoveIamRoles: [role("A")] })).Cluster!;
      assert.deepEqual(out.IamRoles!.map((r) => [r.IamRoleArn, r.ApplyStatus]), [
        [role("A"), "removing"],
        [role("B"), "in-sync"],
      ]);
      assert.equal(out.DefaultIamRoleArn, undefined);
      clock.advance(10_000);
      assert.deepEqual(await rolesOf(c), [[role("B"), "in-sync"]]);
    });

    it("ModifyClusterIamRoles: with zero delays the response shows the change and the next read the settled roles", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "roles");
      const out = (await modify(c, { AddIamRoles: [role("X")], DefaultIamRoleArn: role("X") })).Cluster!;
      assert.deepEqual(out.IamRoles, [{ IamRoleArn: role("X"), ApplyStatus: "adding" }]);
      assert.equal(out.DefaultIamRoleArn, role("X"));
      const read = await describeCluster(c, "roles");
      assert.equal(read.ClusterStatus, "available");
      assert.deepEqual(read.IamRoles, [{ IamRoleArn: role("X"), ApplyStatus: "in-sync" }]);
      assert.equal(read.DefaultIamRoleArn, role("X"));
    });

    it("ModifyClusterIamRoles: only a new default role applies at once, without a transition; adding a role the cluster has changes nothing", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "roles", { IamRoles: [role("A"), role("B")] });
      const out = (await modify(c, { DefaultIamRoleArn: role("B"), AddIamRoles: [role("A")] })).Cluster!;
      assert.equal(out.ClusterStatus, "available");
      assert.equal(out.DefaultIamRoleArn, role("B"));
      assert.deepEqual(out.IamRoles!.map((r) => r.ApplyStatus), ["in-sync", "in-sync"]);
    });

    it("ModifyClusterIamRoles: roles of another account and of a role path are accepted; the China partition needs aws-cn ARNs", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "roles");
      await modify(c, { AddIamRoles: [role("Shared", GRANTEE), role("service-role/Redshift+Copy=1,2.3@4_5-6")] });
      assert.equal((await rolesOf(c)).length, 2);
      const cn = clientsFor(rs.url, GRANTOR, "cn-north-1");
      await createCluster(cn, "roles");
      await expectAwsError(modify(cn, { AddIamRoles: [role("X")] }), "InvalidParameterValue", 400);
      await modify(cn, { AddIamRoles: [`arn:aws-cn:iam::${GRANTOR}:role/X`] });
      assert.equal((await rolesOf(cn)).length, 1);
    });

    it("ModifyClusterIamRoles: the XML is <ModifyClusterIamRolesResult><Cluster> with <IamRoles><ClusterIamRole>", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      await createCluster(clientsFor(rs.url, GRANTOR), "roles");
      const arn = encodeURIComponent(role("Xml"));
      const res = await rawPost(rs.url, `Action=ModifyClusterIamRoles&Version=2012-12-01&ClusterIdentifier=roles&AddIamRoles.IamRoleArn.1=${arn}`);
      assert.equal(res.status, 200);
      assert.match(res.text, /<ModifyClusterIamRolesResult><Cluster>/);
      assert.match(res.text, /<IamRoles><ClusterIamRole><IamRoleArn>arn:aws:iam::111111111111:role\/Xml<\/IamRoleArn><ApplyStatus>adding<\/ApplyStatus><\/ClusterIamRole><\/IamRoles>/);
    });
  });

  describe("errors", () => {
    it("ModifyClusterIamRoles: a malformed role ARN → InvalidParameterValue naming the parameter, before the cluster is looked up", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "roles");
      const bad = ["not-an-arn", "arn:aws:iam::12345:role/X", "arn:aws:iam::111111111111:user/X", "arn:aws:s3:::bucket", `arn:aws:iam::${GRANTOR}:role/${"n".repeat(65)}`];
      for (const arn of bad) {
        const err = await expectAwsError(modify(c, { AddIamRoles: [arn] }), "InvalidParameterValue", 400);
        assert.match(err.message, /AddIamRoles/);
      }
      await expectAwsError(modify(c, { RemoveIamRoles: ["nope"] }), "InvalidParameterValue", 400);
      await expectAwsError(modify(c, { DefaultIamRoleArn: "nope" }), "InvalidParameterValue", 400);
      await expectAwsError(modify(c, { ClusterIdentifier: "missing", AddIamRoles: ["nope"] }), "InvalidParameterValue", 400);
    });

    it("ModifyClusterIamRoles: a role both added and removed, or a default role the cluster does not have → InvalidParameterCombination", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "roles", { IamRoles: [role("A")] });
      await expectAwsError(modify(c, { AddIamRoles: [role("B")], RemoveIamRoles: [role("B")] }), "InvalidParameterCombination", 400);
      await expectAwsError(modify(c, { DefaultIamRoleArn: role("Other") }), "InvalidParameterCombination", 400);
      assert.deepEqual(await rolesOf(c), [[role("A"), "in-sync"]], "nothing changed");
    });

    it("ModifyClusterIamRoles: removing every role while naming the default as DefaultIamRoleArn (as Terraform deletes) clears the default", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "roles", { IamRoles: [role("A"), role("B")], DefaultIamRoleArn: role("A") });
      const out = (await modify(c, { RemoveIamRoles: [role("A"), role("B")], DefaultIamRoleArn: role("A") })).Cluster!;
      assert.equal(out.DefaultIamRoleArn, undefined);
      assert.deepEqual(await rolesOf(c), []);
    });

    it("ModifyClusterIamRoles: removing a role the cluster does not have → InvalidParameterValue", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "roles", { IamRoles: [role("A")] });
      const err = await expectAwsError(modify(c, { RemoveIamRoles: [role("B")] }), "InvalidParameterValue", 400);
      assert.match(err.message, /not associated/);
    });

    it("ModifyClusterIamRoles: more than 50 roles (iam-roles-per-cluster) → InvalidParameterValue naming the quota; --quota overrides it", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "roles", { IamRoles: Array.from({ length: 50 }, (_, i) => role(`R${i}`)) });
      const err = await expectAwsError(modify(c, { AddIamRoles: [role("One-too-many")] }), "InvalidParameterValue", 400);
      assert.match(err.message, /iam-roles-per-cluster/);
      await modify(c, { AddIamRoles: [role("Swap")], RemoveIamRoles: [role("R0")] });
      await using small = await startServer({ quotas: { "iam-roles-per-cluster": 2 } });
      const s = clientsFor(small.url, GRANTOR);
      await expectAwsError(createCluster(s, "roles", { IamRoles: [role("A"), role("B"), role("C")] }), "InvalidParameterValue", 400);
      await createCluster(s, "roles", { IamRoles: [role("A"), role("B")] });
      await expectAwsError(modify(s, { AddIamRoles: [role("C")] }), "InvalidParameterValue", 400);
    });

    it("ModifyClusterIamRoles: an unknown cluster or another account's → ClusterNotFound", async () => {
      await using rs = await startServer();
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "roles");
      await expectAwsError(modify(c, { ClusterIdentifier: "missing", AddIamRoles: [role("A")] }), "ClusterNotFoundFault", 404);
      await expectAwsError(modify(clientsFor(rs.url, GRANTEE), { AddIamRoles: [role("A", GRANTEE)] }), "ClusterNotFoundFault", 404);
      assert.deepEqual(await rolesOf(c), []);
    });

    it("ModifyClusterIamRoles: a cluster that is not available (creating, mid-change, paused) → InvalidClusterState", async () => {
      const { rs, clock } = await clockedServer({ delays: { "cluster-create": 10_000, "cluster-iam-roles": 10_000 } });
      await using _rs = rs;
      const c = clientsFor(rs.url, GRANTOR);
      await createCluster(c, "roles");
      await expectAwsError(modify(c, { AddIamRoles: [role("A")] }), "InvalidClusterStateFault", 400);
      clock.advance(10_000);
      await modify(c, { AddIamRoles: [role("A")] });
      await expectAwsError(modify(c, { AddIamRoles: [role("B")] }), "InvalidClusterStateFault", 400);
      clock.advance(10_000);
      await c.redshift.send(new PauseClusterCommand({ ClusterIdentifier: "roles" }));
      await expectAwsError(modify(c, { AddIamRoles: [role("B")] }), "InvalidClusterStateFault", 400);
    });

    it("ModifyClusterIamRoles: without ClusterIdentifier → MissingParameter", async () => {
      await using rs = await startServer({ defaultAccount: GRANTOR });
      const res = await rawPost(rs.url, "Action=ModifyClusterIamRoles&Version=2012-12-01");
      assert.equal(res.status, 400);
      assert.match(res.text, /<Code>MissingParameter<\/Code>/);
    });
  });
});

describe("CreateCluster IAM roles", () => {
  it("CreateCluster: role ARNs are checked against the region's partition; DefaultIamRoleArn must be among IamRoles", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(createCluster(c, "bad", { IamRoles: [`arn:aws-cn:iam::${GRANTOR}:role/X`] }), "InvalidParameterValue", 400);
    await expectAwsError(createCluster(c, "bad", { IamRoles: [role("A")], DefaultIamRoleArn: role("B") }), "InvalidParameterCombination", 400);
    const ok = await createCluster(c, "ok", { IamRoles: [role("A"), role("A")], DefaultIamRoleArn: role("A") });
    assert.deepEqual(ok.IamRoles, [{ IamRoleArn: role("A"), ApplyStatus: "in-sync" }]);
  });
});
