/**
 * The usage limit and authentication profile shape tables proved against the official SDK, both ways,
 * without a server: each request the SDK serializes decodes (and validates) to the command's input,
 * and every output member we declare parses back (`<UsageLimits><member>`, `<Tags><Tag>`,
 * `<AuthenticationProfiles><member>`).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateAuthenticationProfileCommand,
  CreateUsageLimitCommand,
  DeleteAuthenticationProfileCommand,
  DeleteUsageLimitCommand,
  DescribeAuthenticationProfilesCommand,
  DescribeUsageLimitsCommand,
  ModifyAuthenticationProfileCommand,
  ModifyUsageLimitCommand,
  RedshiftClient,
} from "@aws-sdk/client-redshift";
import { redshift } from "../../src/services/redshift/index.js";
import { AuthenticationProfileShape, profileToWire } from "../../src/services/redshift/authentication-profiles/shapes.js";
import { UsageLimitShape, usageLimitToWire } from "../../src/services/redshift/usage-limits/shapes.js";
import { assertPopulated, plain, roundTrip as sharedRoundTrip } from "./roundtrip.js";

async function roundTrip(name: string, command: { input: object }, output: Record<string, unknown> | undefined): Promise<unknown> {
  return (await sharedRoundTrip(RedshiftClient, redshift, name, command, output)).parsed;
}

const LIMIT = usageLimitToWire({
  account: "111111111111",
  region: "us-east-1",
  id: "rul-abc123def456",
  createdAt: 1,
  clusterId: "analytics",
  featureType: "spectrum",
  limitType: "data-scanned",
  amount: 2147483647,
  period: "weekly",
  breachAction: "emit-metric",
  tags: [
    { Key: "env", Value: "prod <&>" },
    { Key: "team", Value: "" },
  ],
});
const PROFILE = profileToWire({ name: "Example-Profile", content: '{"App_ID":"a<b>&\\"c\\"","AutoCreate":false}' });

describe("Usage limit and authentication profile shapes round-trip through @aws-sdk/client-redshift", () => {
  it("the fixtures populate every member the UsageLimit and AuthenticationProfile shapes declare", () => {
    assertPopulated(UsageLimitShape, LIMIT, "UsageLimit");
    assertPopulated(AuthenticationProfileShape, PROFILE, "AuthenticationProfile");
  });

  it("CreateUsageLimit: every member and Tags.Tag.N decode; the limit comes back whole", async () => {
    const parsed = await roundTrip(
      "CreateUsageLimit",
      new CreateUsageLimitCommand({
        ClusterIdentifier: "analytics",
        FeatureType: "spectrum",
        LimitType: "data-scanned",
        Amount: 2,
        Period: "weekly",
        BreachAction: "emit-metric",
        Tags: [{ Key: "env", Value: "prod" }],
      }),
      LIMIT,
    );
    assert.deepEqual(parsed, plain(LIMIT));
  });

  it("DescribeUsageLimits: filters decode; <UsageLimits><member> and the Marker parse", async () => {
    const out = { UsageLimits: [LIMIT, { ...LIMIT, UsageLimitId: "rul-second000000", Tags: [] }], Marker: "rl1.next" };
    const parsed = await roundTrip(
      "DescribeUsageLimits",
      new DescribeUsageLimitsCommand({
        UsageLimitId: "rul-abc123def456",
        ClusterIdentifier: "analytics",
        FeatureType: "concurrency-scaling",
        MaxRecords: 20,
        Marker: "rl1.x",
        TagKeys: ["env"],
        TagValues: ["prod", "dev"],
      }),
      out,
    );
    assert.deepEqual(parsed, plain(out));
    assert.deepEqual(await roundTrip("DescribeUsageLimits", new DescribeUsageLimitsCommand({}), { UsageLimits: [] }), { UsageLimits: [] });
  });

  it("ModifyUsageLimit / DeleteUsageLimit: the requests decode; the limit parses, the delete answer has no members", async () => {
    const parsed = await roundTrip("ModifyUsageLimit", new ModifyUsageLimitCommand({ UsageLimitId: "rul-abc123def456", Amount: 5, BreachAction: "disable" }), LIMIT);
    assert.deepEqual(parsed, plain(LIMIT));
    assert.deepEqual(await roundTrip("DeleteUsageLimit", new DeleteUsageLimitCommand({ UsageLimitId: "rul-abc123def456" }), undefined), {});
  });

  it("Create/ModifyAuthenticationProfile: name and JSON content decode and parse back unchanged", async () => {
    const input = { AuthenticationProfileName: PROFILE.AuthenticationProfileName!, AuthenticationProfileContent: PROFILE.AuthenticationProfileContent! };
    assert.deepEqual(await roundTrip("CreateAuthenticationProfile", new CreateAuthenticationProfileCommand(input), PROFILE), plain(PROFILE));
    assert.deepEqual(await roundTrip("ModifyAuthenticationProfile", new ModifyAuthenticationProfileCommand(input), PROFILE), plain(PROFILE));
  });

  it("DescribeAuthenticationProfiles / DeleteAuthenticationProfile: <AuthenticationProfiles><member> and the deleted name parse", async () => {
    const out = { AuthenticationProfiles: [PROFILE, { AuthenticationProfileName: "other", AuthenticationProfileContent: "{}" }] };
    const parsed = await roundTrip("DescribeAuthenticationProfiles", new DescribeAuthenticationProfilesCommand({ AuthenticationProfileName: "Example-Profile" }), out);
    assert.deepEqual(parsed, plain(out));
    const deleted = await roundTrip("DeleteAuthenticationProfile", new DeleteAuthenticationProfileCommand({ AuthenticationProfileName: "Example-Profile" }), {
      AuthenticationProfileName: "Example-Profile",
    });
    assert.deepEqual(deleted, { AuthenticationProfileName: "Example-Profile" });
  });
});
