import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateClusterParameterGroupCommand,
  DescribeClusterParametersCommand,
  DescribeDefaultClusterParametersCommand,
  ModifyClusterParameterGroupCommand,
  type Parameter,
} from "@aws-sdk/client-redshift";
import { GRANTEE, GRANTOR, clientsFor, expectAwsError, rawPost, startServer } from "../helpers.js";

const NAMES = [
  "auto_analyze",
  "auto_mv",
  "datestyle",
  "enable_case_sensitive_identifier",
  "enable_user_activity_logging",
  "extra_float_digits",
  "max_concurrency_scaling_clusters",
  "max_cursor_result_set_size",
  "query_group",
  "require_ssl",
  "search_path",
  "statement_timeout",
  "use_fips_ssl",
  "wlm_json_configuration",
];

const create = (name: string) => new CreateClusterParameterGroupCommand({ ParameterGroupName: name, ParameterGroupFamily: "redshift-1.0", Description: "d" });
const byName = (params: Parameter[] | undefined) => new Map((params ?? []).map((p) => [p.ParameterName!, p]));

describe("DescribeDefaultClusterParameters", () => {
  it("DescribeDefaultClusterParameters: redshift-1.0 lists AWS's parameters with defaults, types, allowed values and apply types", async () => {
    await using rs = await startServer();
    const out = await clientsFor(rs.url, GRANTOR).redshift.send(new DescribeDefaultClusterParametersCommand({ ParameterGroupFamily: "redshift-1.0" }));
    const d = out.DefaultClusterParameters!;
    assert.equal(d.ParameterGroupFamily, "redshift-1.0");
    assert.equal(d.Marker, undefined);
    assert.deepEqual(d.Parameters!.map((p) => p.ParameterName), NAMES);
    const p = byName(d.Parameters);
    assert.deepEqual(p.get("require_ssl"), {
      ParameterName: "require_ssl",
      ParameterValue: "false",
      Description: "require ssl for all databaseconnections",
      Source: "engine-default",
      DataType: "boolean",
      AllowedValues: "true,false",
      ApplyType: "static",
      IsModifiable: true,
    });
    assert.equal(p.get("datestyle")!.ParameterValue, "ISO, MDY");
    assert.equal(p.get("search_path")!.ParameterValue, "$user, public");
    assert.equal(p.get("wlm_json_configuration")!.ParameterValue, '[{"auto_wlm":true}]');
    assert.equal(p.get("statement_timeout")!.AllowedValues, "0,100-2147483647");
    assert.equal(p.get("max_concurrency_scaling_clusters")!.ApplyType, "dynamic");
    assert.equal(p.get("extra_float_digits")!.AllowedValues, "-15-2");
    assert.ok(d.Parameters!.every((x) => x.Source === "engine-default"));
  });

  it("DescribeDefaultClusterParameters: the smallest page (MaxRecords 20) holds the whole family, so no Marker", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const first = (await c.redshift.send(new DescribeDefaultClusterParametersCommand({ ParameterGroupFamily: "redshift-1.0", MaxRecords: 20 }))).DefaultClusterParameters!;
    assert.equal(first.Parameters!.length, 14);
    assert.equal(first.Marker, undefined);
  });

  it("DescribeDefaultClusterParameters: an unknown family is InvalidParameterValue; MaxRecords outside 20–100 and a foreign Marker too", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await expectAwsError(c.redshift.send(new DescribeDefaultClusterParametersCommand({ ParameterGroupFamily: "postgres16" })), "InvalidParameterValue", 400);
    await expectAwsError(c.redshift.send(new DescribeDefaultClusterParametersCommand({ ParameterGroupFamily: "redshift-1.0", MaxRecords: 101 })), "InvalidParameterValue", 400);
    await expectAwsError(c.redshift.send(new DescribeDefaultClusterParametersCommand({ ParameterGroupFamily: "redshift-1.0", Marker: "x" })), "InvalidParameterValue", 400);
    const res = await rawPost(rs.url, "Action=DescribeDefaultClusterParameters&Version=2012-12-01");
    assert.equal(res.status, 400);
    assert.match(res.text, /MissingParameter|MissingAuthenticationToken/);
  });
});

describe("DescribeClusterParameters", () => {
  it("DescribeClusterParameters: a new group has every parameter at its default (Source engine-default)", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("fresh"));
    const out = await c.redshift.send(new DescribeClusterParametersCommand({ ParameterGroupName: "fresh" }));
    assert.deepEqual(out.Parameters!.map((p) => p.ParameterName), NAMES);
    assert.ok(out.Parameters!.every((p) => p.Source === "engine-default"));
  });

  it("DescribeClusterParameters: values set by Modify are Source user, the value exactly as given; Source filters", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("tuned"));
    await c.redshift.send(
      new ModifyClusterParameterGroupCommand({
        ParameterGroupName: "tuned",
        Parameters: [
          { ParameterName: "require_ssl", ParameterValue: "TRUE" },
          { ParameterName: "query_group", ParameterValue: "etl" },
        ],
      }),
    );
    const all = byName((await c.redshift.send(new DescribeClusterParametersCommand({ ParameterGroupName: "TUNED" }))).Parameters);
    assert.equal(all.get("require_ssl")!.ParameterValue, "TRUE");
    assert.equal(all.get("require_ssl")!.Source, "user");
    assert.equal(all.get("auto_analyze")!.Source, "engine-default");
    const user = await c.redshift.send(new DescribeClusterParametersCommand({ ParameterGroupName: "tuned", Source: "user" }));
    assert.deepEqual(user.Parameters!.map((p) => [p.ParameterName, p.ParameterValue]), [
      ["query_group", "etl"],
      ["require_ssl", "TRUE"],
    ]);
    const defaults = await c.redshift.send(new DescribeClusterParametersCommand({ ParameterGroupName: "tuned", Source: "engine-default" }));
    assert.equal(defaults.Parameters!.length, NAMES.length - 2);
  });

  it("DescribeClusterParameters: the default group answers the family's defaults; Source user is empty", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    const out = await c.redshift.send(new DescribeClusterParametersCommand({ ParameterGroupName: "default.redshift-1.0" }));
    assert.equal(out.Parameters!.length, NAMES.length);
    const user = await c.redshift.send(new DescribeClusterParametersCommand({ ParameterGroupName: "default.redshift-1.0", Source: "user" }));
    assert.deepEqual(user.Parameters, []);
  });

  it("DescribeClusterParameters: errors — bad Source or MaxRecords or Marker InvalidParameterValue, unknown or foreign group ClusterParameterGroupNotFound (404)", async () => {
    await using rs = await startServer();
    const c = clientsFor(rs.url, GRANTOR);
    await c.redshift.send(create("mine"));
    await expectAwsError(c.redshift.send(new DescribeClusterParametersCommand({ ParameterGroupName: "mine", Source: "system" })), "InvalidParameterValue", 400);
    await expectAwsError(c.redshift.send(new DescribeClusterParametersCommand({ ParameterGroupName: "mine", MaxRecords: 5 })), "InvalidParameterValue", 400);
    await expectAwsError(c.redshift.send(new DescribeClusterParametersCommand({ ParameterGroupName: "mine", Marker: "rl1.e30" })), "InvalidParameterValue", 400);
    await expectAwsError(c.redshift.send(new DescribeClusterParametersCommand({ ParameterGroupName: "nope" })), "ClusterParameterGroupNotFoundFault", 404);
    await expectAwsError(clientsFor(rs.url, GRANTEE).redshift.send(new DescribeClusterParametersCommand({ ParameterGroupName: "mine" })), "ClusterParameterGroupNotFoundFault", 404);
  });
});
