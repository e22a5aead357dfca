/**
 * AuthorizeSnapshotAccess / RevokeSnapshotAccess and what each side sees, through the SDK with three
 * accounts: the owner (GRANTOR), the grantee, and a stranger that was never granted anything.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AuthorizeSnapshotAccessCommand,
  CreateClusterSnapshotCommand,
  DeleteClusterSnapshotCommand,
  DescribeClustersCommand,
  RevokeSnapshotAccessCommand,
  type AuthorizeSnapshotAccessCommandInput,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, STRANGER, expectAwsError } from "../helpers.js";
import { SNAPSHOT_ARN, restore, share, sharingWorld, visible } from "../fixtures/sharing-world.js";

const authorize = (input: Partial<AuthorizeSnapshotAccessCommandInput>) => new AuthorizeSnapshotAccessCommand(input as AuthorizeSnapshotAccessCommandInput);
const revoke = (input: Partial<AuthorizeSnapshotAccessCommandInput>) => new RevokeSnapshotAccessCommand(input as AuthorizeSnapshotAccessCommandInput);

describe("AuthorizeSnapshotAccess", () => {
  it("AuthorizeSnapshotAccess: the owner shares a snapshot; AccountsWithRestoreAccess lists the accounts in grant order", async () => {
    await using w = await sharingWorld();
    const first = await share(w);
    assert.deepEqual(first.AccountsWithRestoreAccess, [{ AccountId: GRANTEE }]);
    assert.equal(first.OwnerAccount, GRANTOR);
    const second = await share(w, STRANGER);
    assert.deepEqual(second.AccountsWithRestoreAccess?.map((a) => a.AccountId), [GRANTEE, STRANGER]);
    const [described] = await visible(w.owner, { SnapshotIdentifier: "snap" });
    assert.deepEqual(described?.AccountsWithRestoreAccess?.map((a) => a.AccountId), [GRANTEE, STRANGER]);
  });

  it("AuthorizeSnapshotAccess: by SnapshotArn, with a matching SnapshotClusterIdentifier", async () => {
    await using w = await sharingWorld();
    const out = await w.owner.redshift.send(authorize({ SnapshotArn: SNAPSHOT_ARN, SnapshotClusterIdentifier: "source", AccountWithRestoreAccess: GRANTEE }));
    assert.equal(out.Snapshot?.SnapshotIdentifier, "snap");
    assert.deepEqual(out.Snapshot?.AccountsWithRestoreAccess, [{ AccountId: GRANTEE }]);
  });

  it("AuthorizeSnapshotAccess: sharing with AWS Support reports the account as its alias", async () => {
    await using w = await sharingWorld();
    const out = await share(w, "amazon-redshift-support");
    assert.deepEqual(out.AccountsWithRestoreAccess, [{ AccountAlias: "amazon-redshift-support" }]);
  });

  it("AuthorizeSnapshotAccess: parameter errors come first, in order", async () => {
    await using w = await sharingWorld();
    const send = (input: Partial<AuthorizeSnapshotAccessCommandInput>) => w.owner.redshift.send(authorize(input));
    assert.match((await expectAwsError(send({ SnapshotIdentifier: "nope" }), "MissingParameter", 400)).message, /AccountWithRestoreAccess/);
    assert.match((await expectAwsError(send({ SnapshotIdentifier: "nope", AccountWithRestoreAccess: "12345" }), "InvalidParameterValue", 400)).message, /AccountWithRestoreAccess/);
    await expectAwsError(send({ SnapshotIdentifier: "snap", SnapshotArn: SNAPSHOT_ARN, AccountWithRestoreAccess: GRANTEE }), "InvalidParameterCombination", 400);
    await expectAwsError(send({ AccountWithRestoreAccess: GRANTEE }), "MissingParameter", 400);
    await expectAwsError(send({ SnapshotArn: "snap", AccountWithRestoreAccess: GRANTEE }), "InvalidParameterValue", 400);
  });

  it("AuthorizeSnapshotAccess: an unknown snapshot, another cluster's, or another account's is ClusterSnapshotNotFound naming it", async () => {
    await using w = await sharingWorld();
    const err = await expectAwsError(w.owner.redshift.send(authorize({ SnapshotIdentifier: "nope", AccountWithRestoreAccess: GRANTEE })), "ClusterSnapshotNotFoundFault", 404);
    assert.match(err.message, /nope/);
    await expectAwsError(
      w.owner.redshift.send(authorize({ SnapshotIdentifier: "snap", SnapshotClusterIdentifier: "other", AccountWithRestoreAccess: GRANTEE })),
      "ClusterSnapshotNotFoundFault",
      404,
    );
    await share(w);
    // The grantee cannot pass the snapshot on.
    await expectAwsError(w.grantee.redshift.send(authorize({ SnapshotArn: SNAPSHOT_ARN, AccountWithRestoreAccess: STRANGER })), "ClusterSnapshotNotFoundFault", 404);
    await expectAwsError(w.grantee.redshift.send(authorize({ SnapshotIdentifier: "snap", AccountWithRestoreAccess: STRANGER })), "ClusterSnapshotNotFoundFault", 404);
  });

  it("AuthorizeSnapshotAccess: a snapshot still being created is InvalidClusterSnapshotState", async () => {
    await using w = await sharingWorld({ delays: { "snapshot-create": 60_000 } });
    await w.owner.redshift.send(new CreateClusterSnapshotCommand({ SnapshotIdentifier: "late", ClusterIdentifier: "source" }));
    await expectAwsError(w.owner.redshift.send(authorize({ SnapshotIdentifier: "late", AccountWithRestoreAccess: GRANTEE })), "InvalidClusterSnapshotStateFault", 400);
    w.clock.advance(60_000);
    await share(w, GRANTEE, "late");
  });

  it("AuthorizeSnapshotAccess: the owner's own account is refused (it needs no grant)", async () => {
    await using w = await sharingWorld();
    await expectAwsError(w.owner.redshift.send(authorize({ SnapshotIdentifier: "snap", AccountWithRestoreAccess: GRANTOR })), "InvalidParameterValue", 400);
  });

  it("AuthorizeSnapshotAccess: the same account twice is AuthorizationAlreadyExists", async () => {
    await using w = await sharingWorld();
    await share(w);
    await expectAwsError(share(w), "AuthorizationAlreadyExistsFault", 400);
  });

  it("AuthorizeSnapshotAccess: past accounts-per-snapshot is AuthorizationQuotaExceeded; a revoke frees a place", async () => {
    await using w = await sharingWorld({ quotas: { "accounts-per-snapshot": 2 } });
    await share(w, GRANTEE);
    await share(w, STRANGER);
    const err = await expectAwsError(share(w, "444444444444"), "AuthorizationQuotaExceededFault", 400);
    assert.match(err.message, /accounts-per-snapshot/);
    await w.owner.redshift.send(revoke({ SnapshotIdentifier: "snap", AccountWithRestoreAccess: STRANGER }));
    await share(w, "444444444444");
  });
});

describe("RevokeSnapshotAccess", () => {
  it("RevokeSnapshotAccess: removes the account from AccountsWithRestoreAccess (absent when none is left)", async () => {
    await using w = await sharingWorld();
    await share(w);
    const out = await w.owner.redshift.send(revoke({ SnapshotIdentifier: "snap", AccountWithRestoreAccess: GRANTEE }));
    assert.equal(out.Snapshot?.AccountsWithRestoreAccess, undefined);
    const [described] = await visible(w.owner, { SnapshotIdentifier: "snap" });
    assert.equal(described?.AccountsWithRestoreAccess, undefined);
  });

  it("RevokeSnapshotAccess: an account without a grant is AuthorizationNotFound; an unknown snapshot ClusterSnapshotNotFound", async () => {
    await using w = await sharingWorld();
    await expectAwsError(w.owner.redshift.send(revoke({ SnapshotIdentifier: "snap", AccountWithRestoreAccess: GRANTEE })), "AuthorizationNotFoundFault", 404);
    await expectAwsError(w.owner.redshift.send(revoke({ SnapshotIdentifier: "nope", AccountWithRestoreAccess: GRANTEE })), "ClusterSnapshotNotFoundFault", 404);
    await expectAwsError(w.owner.redshift.send(revoke({ AccountWithRestoreAccess: GRANTEE })), "MissingParameter", 400);
  });

  it("RevokeSnapshotAccess: a grantee naming the owner's snapshot is AccessToSnapshotDenied; a stranger learns nothing", async () => {
    await using w = await sharingWorld();
    await share(w);
    await expectAwsError(w.grantee.redshift.send(revoke({ SnapshotArn: SNAPSHOT_ARN, AccountWithRestoreAccess: GRANTEE })), "AccessToSnapshotDeniedFault", 400);
    await expectAwsError(w.stranger.redshift.send(revoke({ SnapshotArn: SNAPSHOT_ARN, AccountWithRestoreAccess: GRANTEE })), "ClusterSnapshotNotFoundFault", 404);
    const [still] = await visible(w.owner, { SnapshotIdentifier: "snap" });
    assert.deepEqual(still?.AccountsWithRestoreAccess, [{ AccountId: GRANTEE }]);
  });
});

describe("the grantee's view of a shared snapshot", () => {
  it("sharing: the grantee lists the owner's shared snapshots with OwnerAccount, without the owner's access list", async () => {
    await using w = await sharingWorld();
    await share(w);
    await share(w, STRANGER);
    const seen = await visible(w.grantee, { OwnerAccount: GRANTOR });
    assert.deepEqual(seen.map((s) => s.SnapshotIdentifier), ["snap"]);
    assert.equal(seen[0]?.OwnerAccount, GRANTOR);
    assert.equal(seen[0]?.AccountsWithRestoreAccess, undefined, "visible only to the snapshot owner");
    assert.equal(seen[0]?.SnapshotArn, SNAPSHOT_ARN);
    const [byId] = await visible(w.grantee, { OwnerAccount: GRANTOR, SnapshotIdentifier: "snap" });
    assert.equal(byId?.ClusterIdentifier, "source");
  });

  it("sharing: without OwnerAccount the grantee lists only its own snapshots (AWS's default)", async () => {
    await using w = await sharingWorld();
    await share(w);
    assert.deepEqual(await visible(w.grantee), []);
  });

  it("sharing: a stranger sees nothing, and naming the snapshot is ClusterSnapshotNotFound", async () => {
    await using w = await sharingWorld();
    await share(w);
    assert.deepEqual(await visible(w.stranger, { OwnerAccount: GRANTOR }), []);
    const err = await expectAwsError(visible(w.stranger, { OwnerAccount: GRANTOR, SnapshotIdentifier: "snap" }), "ClusterSnapshotNotFoundFault", 404);
    assert.match(err.message, /snap/);
    await expectAwsError(visible(w.stranger, { SnapshotArn: SNAPSHOT_ARN }), "ClusterSnapshotNotFoundFault", 404);
    await expectAwsError(w.stranger.redshift.send(restore({ OwnerAccount: GRANTOR })), "ClusterSnapshotNotFoundFault", 404);
  });

  it("sharing: after a revoke the grantee neither sees nor restores the snapshot; a cluster it already restored stays", async () => {
    await using w = await sharingWorld();
    await share(w);
    await w.grantee.redshift.send(restore({ ClusterIdentifier: "mine", OwnerAccount: GRANTOR }));
    await w.owner.redshift.send(revoke({ SnapshotIdentifier: "snap", AccountWithRestoreAccess: GRANTEE }));
    assert.deepEqual(await visible(w.grantee, { OwnerAccount: GRANTOR }), []);
    await expectAwsError(w.grantee.redshift.send(restore({ ClusterIdentifier: "again", OwnerAccount: GRANTOR })), "ClusterSnapshotNotFoundFault", 404);
    const clusters = await w.grantee.redshift.send(new DescribeClustersCommand({}));
    assert.deepEqual(clusters.Clusters?.map((c) => [c.ClusterIdentifier, c.ClusterStatus]), [["mine", "available"]]);
  });

  it("sharing: /_redshift-local/state shows who may restore each snapshot (the grants and the snapshot's list)", async () => {
    await using w = await sharingWorld();
    await share(w);
    const state = (await (await fetch(`${w.rs.url}/_redshift-local/state`)).json()) as {
      snapshotGrants: { account: string; snapshotId: string; grantee: string }[];
      snapshots: { account: string; id: string; accountsWithRestoreAccess: string[] }[];
    };
    assert.deepEqual(
      state.snapshotGrants.map((g) => [g.account, g.snapshotId, g.grantee]),
      [[GRANTOR, "snap", GRANTEE]],
    );
    assert.deepEqual(state.snapshots.find((s) => s.account === GRANTOR && s.id === "snap")?.accountsWithRestoreAccess, [GRANTEE]);
  });

  it("sharing: a shared snapshot cannot be deleted until every account is revoked", async () => {
    await using w = await sharingWorld();
    await share(w);
    const err = await expectAwsError(w.owner.redshift.send(new DeleteClusterSnapshotCommand({ SnapshotIdentifier: "snap" })), "InvalidClusterSnapshotStateFault", 400);
    assert.match(err.message, /revoke/i);
    await w.owner.redshift.send(revoke({ SnapshotIdentifier: "snap", AccountWithRestoreAccess: GRANTEE }));
    await w.owner.redshift.send(new DeleteClusterSnapshotCommand({ SnapshotIdentifier: "snap" }));
    assert.deepEqual(await visible(w.owner, { SnapshotType: "manual" }), []);
  });
});
