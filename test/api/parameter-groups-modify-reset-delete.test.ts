import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateClusterParameterGroupCommand,
  DeleteClusterParameterGroupCommand,
  DescribeClusterParameterGroupsCommand,
  DescribeClusterParametersCommand,
  ModifyClusterParameterGroupCommand,
  ResetClusterParameterGroupCommand,
  type Parameter,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer, type Clients } from "../helpers.js";

const UPDATED =
  "Your parameter group has been updated. If you changed only dynamic parameters, associated clusters are being modified now. " +
  "If you changed static parameters, all updates, including dynamic parameters, will be applied when you reboot the associated clusters.";

const create = (name: string) => new CreateClusterParameterGroupCommand({ ParameterGroupName: name, ParameterGroupFamily: "redshift-1.0", Description: "d" });
const modify = (name: string, Parameters: Parameter[]) => new ModifyClusterParameterGroupCommand({ ParameterGroupName: name, Parameters });
async function userValues(c: Clients, name: string): Promise<Record<string, string | undefined>> {
  const out = await c.redshift.send(new DescribeClusterParametersCommand({ ParameterGroupName: name, Source: "user" }));
  const values: Record<string, string | undefined> = {};
  for (const p of out.Parameters ?? []) values[p.ParameterName!] = p.ParameterValue;
  return values;
}

describe("ModifyClusterParameterGroup", () => {
  it("ModifyClusterParameterGroup: sets values (later ones win) and answers the group name with AWS's status message", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("Tuned"));
    const out = await c.redshift.send(
      modify("TUNED", [
        { ParameterName: "statement_timeout", ParameterValue: "60000" },
        { ParameterName: "max_concurrency_scaling_clusters", ParameterValue: "3", ApplyType: "dynamic" },
        { ParameterName: "wlm_json_configuration", ParameterValue: '[{"query_concurrency":5},{"auto_wlm":false}]' },
        { ParameterName: "statement_timeout", ParameterValue: "0" },
      ]),
    );
    assert.equal(out.ParameterGroupName, "tuned");
    assert.equal(out.ParameterGroupStatus, UPDATED);
    assert.deepEqual(await userValues(c, "tuned"), {
      max_concurrency_scaling_clusters: "3",
      statement_timeout: "0",
      wlm_json_configuration: '[{"query_concurrency":5},{"auto_wlm":false}]',
    });
    await c.redshift.send(modify("tuned", [{ ParameterName: "datestyle", ParameterValue: "ISO, DMY" }]));
    assert.equal((await userValues(c, "tuned")).datestyle, "ISO, DMY");
    assert.equal((await userValues(c, "tuned")).statement_timeout, "0");
  });

  it("ModifyClusterParameterGroup: accepts exactly 20 parameters; 21 or none is InvalidParameterValue", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("p"));
    const twenty = Array.from({ length: 20 }, (_, i) => ({ ParameterName: "query_group", ParameterValue: `q${i}` }));
    await c.redshift.send(modify("p", twenty));
    assert.equal((await userValues(c, "p")).query_group, "q19");
    await expectAwsError(c.redshift.send(modify("p", [...twenty, { ParameterName: "query_group", ParameterValue: "x" }])), "InvalidParameterValue", 400);
    await expectAwsError(c.redshift.send(modify("p", [])), "InvalidParameterValue", 400);
  });

  it("ModifyClusterParameterGroup: unknown or foreign group ClusterParameterGroupNotFound (404); the default group InvalidClusterParameterGroupState", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const p = [{ ParameterName: "require_ssl", ParameterValue: "true" }];
    await expectAwsError(c.redshift.send(modify("nope", p)), "ClusterParameterGroupNotFoundFault", 404);
    await clientsFor(rs.url, GRANTEE).redshift.send(create("theirs"));
    await expectAwsError(c.redshift.send(modify("theirs", p)), "ClusterParameterGroupNotFoundFault", 404);
    const err = await expectAwsError(c.redshift.send(modify("default.redshift-1.0", p)), "InvalidClusterParameterGroupStateFault", 400);
    assert.match(err.message, /default/);
  });

  it("ModifyClusterParameterGroup: an unknown parameter, a missing value, or a value of the wrong type or outside the allowed values is InvalidParameterValue and changes nothing", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("p"));
    const bad: Parameter[] = [
      { ParameterName: "no_such_parameter", ParameterValue: "1" },
      { ParameterName: "require_ssl" },
      { ParameterValue: "1" },
      { ParameterName: "require_ssl", ParameterValue: "yes" },
      { ParameterName: "statement_timeout", ParameterValue: "abc" },
      { ParameterName: "statement_timeout", ParameterValue: "50" },
      { ParameterName: "statement_timeout", ParameterValue: "2147483648" },
      { ParameterName: "max_concurrency_scaling_clusters", ParameterValue: "11" },
      { ParameterName: "extra_float_digits", ParameterValue: "3" },
      { ParameterName: "wlm_json_configuration", ParameterValue: "{not json" },
      { ParameterName: "wlm_json_configuration", ParameterValue: '{"auto_wlm":true}' },
      { ParameterName: "wlm_json_configuration", ParameterValue: `[{"name":"${"x".repeat(8000)}"}]` },
    ];
    for (const parameter of bad) {
      await expectAwsError(c.redshift.send(modify("p", [{ ParameterName: "query_group", ParameterValue: "first" }, parameter])), "InvalidParameterValue", 400);
    }
    assert.deepEqual(await userValues(c, "p"), {});
    await c.redshift.send(modify("p", [{ ParameterName: "extra_float_digits", ParameterValue: "-15" }, { ParameterName: "statement_timeout", ParameterValue: "100" }]));
  });

  it("ModifyClusterParameterGroup: the wire request is Parameters.Parameter.N", async () => {
    await using rs = await startServer({ defaultAccount: GRANTOR });
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("raw"));
    const res = await rawPost(
      rs.url,
      "Action=ModifyClusterParameterGroup&Version=2012-12-01&ParameterGroupName=raw&Parameters.Parameter.1.ParameterName=query_group&Parameters.Parameter.1.ParameterValue=wire",
    );
    assert.equal(res.status, 200);
    assert.match(res.text, /<ModifyClusterParameterGroupResult><ParameterGroupName>raw<\/ParameterGroupName><ParameterGroupStatus>/);
    assert.equal((await userValues(c, "raw")).query_group, "wire");
  });
});

describe("ResetClusterParameterGroup", () => {
  it("ResetClusterParameterGroup: named parameters go back to their defaults, the others stay", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("p"));
    await c.redshift.send(modify("p", [{ ParameterName: "require_ssl", ParameterValue: "true" }, { ParameterName: "query_group", ParameterValue: "q" }]));
    const out = await c.redshift.send(new ResetClusterParameterGroupCommand({ ParameterGroupName: "P", Parameters: [{ ParameterName: "require_ssl" }] }));
    assert.deepEqual({ name: out.ParameterGroupName, status: out.ParameterGroupStatus }, { name: "p", status: UPDATED });
    assert.deepEqual(await userValues(c, "p"), { query_group: "q" });
  });

  it("ResetClusterParameterGroup: ResetAllParameters, or no member at all, resets every parameter", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("p"));
    await c.redshift.send(modify("p", [{ ParameterName: "require_ssl", ParameterValue: "true" }]));
    await c.redshift.send(new ResetClusterParameterGroupCommand({ ParameterGroupName: "p", ResetAllParameters: true }));
    assert.deepEqual(await userValues(c, "p"), {});
    await c.redshift.send(modify("p", [{ ParameterName: "query_group", ParameterValue: "q" }]));
    await c.redshift.send(new ResetClusterParameterGroupCommand({ ParameterGroupName: "p" }));
    assert.deepEqual(await userValues(c, "p"), {});
  });

  it("ResetClusterParameterGroup: errors in order — ResetAllParameters with Parameters InvalidParameterCombination, false without Parameters or more than 20 InvalidParameterValue, unknown group 404, default group InvalidClusterParameterGroupState, unknown parameter InvalidParameterValue", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("p"));
    const reset = (input: Partial<ConstructorParameters<typeof ResetClusterParameterGroupCommand>[0]>) =>
      c.redshift.send(new ResetClusterParameterGroupCommand({ ParameterGroupName: "p", ...input }));
    await expectAwsError(reset({ ParameterGroupName: "nope", ResetAllParameters: true, Parameters: [{ ParameterName: "require_ssl" }] }), "InvalidParameterCombination", 400);
    await expectAwsError(reset({ ParameterGroupName: "nope", ResetAllParameters: false }), "InvalidParameterValue", 400);
    const many = Array.from({ length: 21 }, () => ({ ParameterName: "require_ssl" }));
    await expectAwsError(reset({ ParameterGroupName: "nope", Parameters: many }), "InvalidParameterValue", 400);
    await expectAwsError(reset({ ParameterGroupName: "nope" }), "ClusterParameterGroupNotFoundFault", 404);
    await expectAwsError(reset({ ParameterGroupName: "default.redshift-1.0", Parameters: [{ ParameterName: "bogus" }] }), "InvalidClusterParameterGroupStateFault", 400);
    await expectAwsError(reset({ Parameters: [{ ParameterName: "bogus" }] }), "InvalidParameterValue", 400);
  });
});

describe("DeleteClusterParameterGroup", () => {
  it("DeleteClusterParameterGroup: removes the group (any case of its name) and frees its name and its quota slot; the answer has no result members", async () => {
    await using rs = await startServer({ quotas: { "parameter-groups-per-account": 1 }, defaultAccount: GRANTOR });
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("gone"));
    await c.redshift.send(new DeleteClusterParameterGroupCommand({ ParameterGroupName: "GONE" }));
    await expectAwsError(c.redshift.send(new DescribeClusterParameterGroupsCommand({ ParameterGroupName: "gone" })), "ClusterParameterGroupNotFoundFault", 404);
    await c.redshift.send(create("gone"));
    const res = await rawPost(rs.url, "Action=DeleteClusterParameterGroup&Version=2012-12-01&ParameterGroupName=gone");
    assert.equal(res.status, 200);
    assert.match(res.text, /^<DeleteClusterParameterGroupResponse[^>]*><ResponseMetadata><RequestId>[^<]+<\/RequestId><\/ResponseMetadata><\/DeleteClusterParameterGroupResponse>$/);
  });

  it("DeleteClusterParameterGroup: unknown or foreign group ClusterParameterGroupNotFound (404); the default group InvalidClusterParameterGroupState", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const del = (name: string) => new DeleteClusterParameterGroupCommand({ ParameterGroupName: name });
    await expectAwsError(c.redshift.send(del("nope")), "ClusterParameterGroupNotFoundFault", 404);
    await clientsFor(rs.url, GRANTEE).redshift.send(create("theirs"));
    await expectAwsError(c.redshift.send(del("theirs")), "ClusterParameterGroupNotFoundFault", 404);
    await expectAwsError(c.redshift.send(del("default.redshift-1.0")), "InvalidClusterParameterGroupStateFault", 400);
    await expectAwsError(c.redshift.send(del("Default.Redshift-1.0")), "InvalidClusterParameterGroupStateFault", 400);
  });
});
