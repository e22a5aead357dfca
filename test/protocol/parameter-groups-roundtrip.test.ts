/**
 * The cluster parameter group shape tables proved against the official SDK, both ways, without a
 * server: each request the SDK serializes decodes (and validates) to the command's input, and every
 * output member we declare parses back (`<ParameterGroups><ClusterParameterGroup>`,
 * `<Parameters><Parameter>`, `<DefaultClusterParameters>`, `<Tags><Tag>`).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateClusterParameterGroupCommand,
  DeleteClusterParameterGroupCommand,
  DescribeClusterParameterGroupsCommand,
  DescribeClusterParametersCommand,
  DescribeDefaultClusterParametersCommand,
  ModifyClusterParameterGroupCommand,
  RedshiftClient,
  ResetClusterParameterGroupCommand,
} from "@aws-sdk/client-redshift";
import { groupParameters, storedGroupView } from "../../src/domain/parameter-groups/rules.js";
import { redshift } from "../../src/services/redshift/index.js";
import { ClusterParameterGroupShape, ParameterShape, parameterGroupToWire, parameterToWire } from "../../src/services/redshift/parameter-groups/shapes.js";
import { assertPopulated, plain, roundTrip as sharedRoundTrip } from "./roundtrip.js";

async function roundTrip(name: string, command: { input: object }, output: Record<string, unknown> | undefined): Promise<unknown> {
  return (await sharedRoundTrip(RedshiftClient, redshift, name, command, output)).parsed;
}

const VIEW = storedGroupView({
  account: "111111111111",
  region: "us-east-1",
  id: "etl-params",
  createdAt: 1,
  family: "redshift-1.0",
  description: "ETL <tuned> & \"quoted\"",
  values: { require_ssl: "true", search_path: "$user, etl" },
  tags: [
    { Key: "env", Value: "prod" },
    { Key: "team", Value: "" },
  ],
});
const GROUP = parameterGroupToWire(VIEW);
const PARAMS = groupParameters(VIEW).map(parameterToWire);

describe("Cluster parameter group shapes round-trip through @aws-sdk/client-redshift", () => {
  it("the fixtures populate every member the ClusterParameterGroup and Parameter shapes declare", () => {
    assertPopulated(ClusterParameterGroupShape, GROUP, "ClusterParameterGroup");
    assertPopulated(ParameterShape, PARAMS.find((p) => p.ParameterName === "require_ssl"), "Parameter");
  });

  it("CreateClusterParameterGroup: Tags.Tag.N decode; the group comes back whole", async () => {
    const parsed = await roundTrip(
      "CreateClusterParameterGroup",
      new CreateClusterParameterGroupCommand({
        ParameterGroupName: "etl-params",
        ParameterGroupFamily: "redshift-1.0",
        Description: "ETL & more",
        Tags: [{ Key: "env", Value: "prod" }],
      }),
      { ClusterParameterGroup: GROUP },
    );
    assert.deepEqual(parsed, plain({ ClusterParameterGroup: GROUP }));
  });

  it("DescribeClusterParameterGroups: filters decode; <ParameterGroups><ClusterParameterGroup> and the Marker parse", async () => {
    const out = { Marker: "rl1.next", ParameterGroups: [GROUP, { ...GROUP, ParameterGroupName: "second", Tags: [] }] };
    const parsed = await roundTrip(
      "DescribeClusterParameterGroups",
      new DescribeClusterParameterGroupsCommand({ ParameterGroupName: "etl-params", MaxRecords: 20, Marker: "rl1.x", TagKeys: ["env"], TagValues: ["prod", "dev"] }),
      out,
    );
    assert.deepEqual(parsed, plain(out));
    assert.deepEqual(await roundTrip("DescribeClusterParameterGroups", new DescribeClusterParameterGroupsCommand({}), { ParameterGroups: [] }), { ParameterGroups: [] });
  });

  it("ModifyClusterParameterGroup / ResetClusterParameterGroup: Parameters.Parameter.N with every member decode; the name and status parse", async () => {
    const out = { ParameterGroupName: "etl-params", ParameterGroupStatus: "Your parameter group has been updated." };
    const full = {
      ParameterName: "wlm_json_configuration",
      ParameterValue: '[{"auto_wlm":true}]',
      Description: "d",
      Source: "user",
      DataType: "string",
      AllowedValues: "x",
      ApplyType: "dynamic" as const,
      IsModifiable: true,
      MinimumEngineVersion: "1.0",
    };
    const modified = await roundTrip(
      "ModifyClusterParameterGroup",
      new ModifyClusterParameterGroupCommand({ ParameterGroupName: "etl-params", Parameters: [full, { ParameterName: "query_group", ParameterValue: "a b&c=d" }] }),
      out,
    );
    assert.deepEqual(modified, out);
    const reset = await roundTrip(
      "ResetClusterParameterGroup",
      new ResetClusterParameterGroupCommand({ ParameterGroupName: "etl-params", ResetAllParameters: false, Parameters: [{ ParameterName: "require_ssl" }] }),
      out,
    );
    assert.deepEqual(reset, out);
  });

  it("DeleteClusterParameterGroup: the request decodes; the answer has no members", async () => {
    assert.deepEqual(await roundTrip("DeleteClusterParameterGroup", new DeleteClusterParameterGroupCommand({ ParameterGroupName: "etl-params" }), undefined), {});
  });

  it("DescribeClusterParameters: the request decodes; <Parameters><Parameter> with every member and the Marker parse", async () => {
    const out = { Parameters: PARAMS, Marker: "rl1.m" };
    const parsed = await roundTrip(
      "DescribeClusterParameters",
      new DescribeClusterParametersCommand({ ParameterGroupName: "etl-params", Source: "user", MaxRecords: 20, Marker: "rl1.x" }),
      out,
    );
    assert.deepEqual(parsed, plain(out));
  });

  it("DescribeDefaultClusterParameters: the request decodes; <DefaultClusterParameters> with its family, marker and parameters parses", async () => {
    const out = { DefaultClusterParameters: { ParameterGroupFamily: "redshift-1.0", Marker: "rl1.m", Parameters: PARAMS } };
    const parsed = await roundTrip(
      "DescribeDefaultClusterParameters",
      new DescribeDefaultClusterParametersCommand({ ParameterGroupFamily: "redshift-1.0", MaxRecords: 20, Marker: "rl1.x" }),
      out,
    );
    assert.deepEqual(parsed, plain(out));
  });
});
