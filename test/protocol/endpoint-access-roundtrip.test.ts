/**
 * The endpoint-access shape tables proved against the official SDK, both ways, without a server:
 * the SDK serializes a request → our decoder (+ validator) yields the same input; we encode an output
 * → the SDK parses the same value. Covers every list item name (`VpcIds.VpcIdentifier.N`,
 * `VpcSecurityGroupIds.VpcSecurityGroupId.N`, `<AllowedVPCs><VpcIdentifier>`, `<member>`,
 * `<VpcSecurityGroup>`, `<NetworkInterface>`), the explicitly empty list `VpcIds=`, timestamps and booleans.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AuthorizeEndpointAccessCommand,
  CreateEndpointAccessCommand,
  DeleteEndpointAccessCommand,
  DescribeEndpointAccessCommand,
  DescribeEndpointAuthorizationCommand,
  ModifyEndpointAccessCommand,
  RedshiftClient,
  RevokeEndpointAccessCommand,
} from "@aws-sdk/client-redshift";
import { redshift } from "../../src/services/redshift/index.js";
import { plain, roundTrip as sharedRoundTrip } from "./roundtrip.js";
import type { endpointAccessOperations } from "../../src/services/redshift/endpoint-access/index.js";

type OpName = keyof typeof endpointAccessOperations;

/** Sends `command` through the SDK, checks the decoded request equals `input`, and returns the parsed reply. */
function roundTrip(name: OpName, command: { input: object }, output: Record<string, unknown>): Promise<{ form: string; parsed: unknown }> {
  return sharedRoundTrip(RedshiftClient, redshift, name, command, output);
}

const AUTHORIZATION = {
  Grantor: "111111111111",
  Grantee: "222222222222",
  ClusterIdentifier: "analytics",
  AuthorizeTime: Date.UTC(2026, 0, 2, 3, 4, 5, 678),
  ClusterStatus: "available",
  Status: "Authorized",
  AllowedAllVPCs: false,
  AllowedVPCs: ["vpc-0123456789abcdef0", "vpc-0a1b2c3d"],
  EndpointCount: 2,
};

const ENDPOINT = {
  ClusterIdentifier: "analytics",
  ResourceOwner: "111111111111",
  SubnetGroupName: "grantee-sng",
  EndpointStatus: "active",
  EndpointName: "bi-endpoint",
  EndpointCreateTime: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
  Port: 5439,
  Address: "bi-endpoint-endpoint-abcdefghij0123456789.cq7hpqttbcoc.us-east-1.redshift.amazonaws.com",
  VpcSecurityGroups: [
    { VpcSecurityGroupId: "sg-0123456789abcdef0", Status: "active" },
    { VpcSecurityGroupId: "sg-0fedcba9876543210", Status: "active" },
  ],
  VpcEndpoint: {
    VpcEndpointId: "vpce-0123456789abcdef0",
    VpcId: "vpc-0123456789abcdef0",
    NetworkInterfaces: [
      { NetworkInterfaceId: "eni-0123456789abcdef0", SubnetId: "subnet-0123456789abcdef0", PrivateIpAddress: "10.0.1.4", AvailabilityZone: "us-east-1a" },
    ],
  },
};

describe("endpoint-access shapes round-trip through @aws-sdk/client-redshift", () => {
  it("AuthorizeEndpointAccess: VpcIds.VpcIdentifier.N in, <AllowedVPCs><VpcIdentifier> out", async () => {
    const { form, parsed } = await roundTrip(
      "AuthorizeEndpointAccess",
      new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "analytics", Account: "222222222222", VpcIds: ["vpc-0123456789abcdef0", "vpc-0a1b2c3d"] }),
      AUTHORIZATION,
    );
    assert.match(form, /VpcIds\.VpcIdentifier\.1=vpc-0123456789abcdef0&VpcIds\.VpcIdentifier\.2=vpc-0a1b2c3d/);
    assert.deepEqual(parsed, AUTHORIZATION);
  });

  it("AuthorizeEndpointAccess: an empty VpcIds list travels as `VpcIds=` and decodes to an empty list", async () => {
    const all = { ...AUTHORIZATION, AllowedAllVPCs: true, AllowedVPCs: [] };
    const { form, parsed } = await roundTrip(
      "AuthorizeEndpointAccess",
      new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "analytics", Account: "222222222222", VpcIds: [] }),
      all,
    );
    assert.match(form, /(^|&)VpcIds=(&|$)/);
    // An empty list is encoded as <AllowedVPCs/>, which the SDK reads as an empty list.
    assert.deepEqual(parsed, all);
  });

  it("RevokeEndpointAccess: Force and VpcIds decode; the answer parses", async () => {
    const revoking = { ...AUTHORIZATION, Status: "Revoking" };
    const { form, parsed } = await roundTrip(
      "RevokeEndpointAccess",
      new RevokeEndpointAccessCommand({ ClusterIdentifier: "analytics", Account: "222222222222", VpcIds: ["vpc-0a1b2c3d"], Force: true }),
      revoking,
    );
    assert.match(form, /Force=true/);
    assert.deepEqual(parsed, revoking);
  });

  it("DescribeEndpointAuthorization: filters, Grantee flag and paging decode; <member> items and Marker parse", async () => {
    const output = { EndpointAuthorizationList: [AUTHORIZATION, { ...AUTHORIZATION, Grantee: "333333333333", AllowedAllVPCs: true, AllowedVPCs: [] }], Marker: "rl1.abc" };
    const { form, parsed } = await roundTrip(
      "DescribeEndpointAuthorization",
      new DescribeEndpointAuthorizationCommand({ ClusterIdentifier: "analytics", Account: "111111111111", Grantee: true, MaxRecords: 20, Marker: "rl1.xyz" }),
      output,
    );
    assert.match(form, /Grantee=true/);
    assert.deepEqual(parsed, output);
  });

  it("DescribeEndpointAuthorization: an empty list parses as an empty list", async () => {
    const { parsed } = await roundTrip("DescribeEndpointAuthorization", new DescribeEndpointAuthorizationCommand({}), { EndpointAuthorizationList: [] });
    assert.deepEqual(parsed, { EndpointAuthorizationList: [] });
  });

  it("CreateEndpointAccess: VpcSecurityGroupIds.VpcSecurityGroupId.N in; VpcSecurityGroups, VpcEndpoint, NetworkInterfaces out", async () => {
    const { form, parsed } = await roundTrip(
      "CreateEndpointAccess",
      new CreateEndpointAccessCommand({
        ClusterIdentifier: "analytics",
        ResourceOwner: "111111111111",
        EndpointName: "bi-endpoint",
        SubnetGroupName: "grantee-sng",
        VpcSecurityGroupIds: ["sg-0123456789abcdef0", "sg-0fedcba9876543210"],
      }),
      ENDPOINT,
    );
    assert.match(form, /VpcSecurityGroupIds\.VpcSecurityGroupId\.1=sg-0123456789abcdef0&VpcSecurityGroupIds\.VpcSecurityGroupId\.2=sg-0fedcba9876543210/);
    assert.deepEqual(parsed, ENDPOINT);
  });

  it("CreateEndpointAccess: a `creating` answer without Address and VpcEndpoint parses without them", async () => {
    const creating = { ...ENDPOINT, EndpointStatus: "creating", Address: undefined, VpcEndpoint: undefined };
    const { parsed } = await roundTrip(
      "CreateEndpointAccess",
      new CreateEndpointAccessCommand({ ClusterIdentifier: "analytics", EndpointName: "bi-endpoint", SubnetGroupName: "grantee-sng" }),
      creating,
    );
    assert.deepEqual(parsed, plain(creating));
    assert.equal((parsed as Record<string, unknown>).Address, undefined);
  });

  it("DescribeEndpointAccess: every filter decodes; <member> items parse", async () => {
    const output = { EndpointAccessList: [ENDPOINT], Marker: "rl1.next" };
    const { parsed } = await roundTrip(
      "DescribeEndpointAccess",
      new DescribeEndpointAccessCommand({
        ClusterIdentifier: "analytics",
        ResourceOwner: "111111111111",
        EndpointName: "bi-endpoint",
        VpcId: "vpc-0123456789abcdef0",
        MaxRecords: 100,
        Marker: "rl1.prev",
      }),
      output,
    );
    assert.deepEqual(parsed, output);
  });

  it("ModifyEndpointAccess: the new security-group list decodes; the `modifying` answer parses", async () => {
    const modifying = { ...ENDPOINT, EndpointStatus: "modifying" };
    const { parsed } = await roundTrip(
      "ModifyEndpointAccess",
      new ModifyEndpointAccessCommand({ EndpointName: "bi-endpoint", VpcSecurityGroupIds: ["sg-0fedcba9876543210"] }),
      modifying,
    );
    assert.deepEqual(parsed, modifying);
  });

  it("DeleteEndpointAccess: the name decodes; the `deleting` answer parses", async () => {
    const deleting = { ...ENDPOINT, EndpointStatus: "deleting" };
    const { parsed } = await roundTrip("DeleteEndpointAccess", new DeleteEndpointAccessCommand({ EndpointName: "bi-endpoint" }), deleting);
    assert.deepEqual(parsed, deleting);
  });
});
