/**
 * The world and the request vocabulary of the raw robustness tests (never-5xx, cross-account
 * isolation): every scalar parameter of an operation walked from its shape table, a base of valid
 * values per operation and caller, and an open-mode Authorization header that makes a raw request
 * come from a given account.
 */
import assert from "node:assert/strict";
import { CreateVpcCommand } from "@aws-sdk/client-ec2";
import {
  AuthorizeEndpointAccessCommand,
  AuthorizeSnapshotAccessCommand,
  CreateClusterParameterGroupCommand,
  CreateClusterSnapshotCommand,
  DescribeClusterSnapshotsCommand,
  CreateEndpointAccessCommand,
  ModifyClusterParameterGroupCommand,
} from "@aws-sdk/client-redshift";
import { memberKey } from "../../src/protocol/decode.js";
import type { Shape, StructureShape } from "../../src/protocol/shapes.js";
import type { ServiceDef } from "../../src/services/operation.js";
import { createCluster, createNetwork, type Network } from "../fixtures/endpoint-world.js";
import { GRANTEE, GRANTOR, REGION, clientsFor } from "../helpers.js";

/** One scalar parameter reachable in an operation's input, with `#` standing for each list index. */
export interface Leaf {
  /** Wire key with `#` where a list index goes, e.g. `Filter.#.Value.#`. */
  readonly key: string;
  /** The member's name in the shape table (`VpcIds`, `Key`, …). */
  readonly name: string;
  readonly shape: Shape;
  /** Required at the top level of the input. */
  readonly required: boolean;
  /** Keys of the lists (and list-held structures) on the way, for the structural mutations. */
  readonly lists: readonly string[];
}

export function leavesOf(shape: StructureShape, protocol: ServiceDef["protocol"], prefix = "", lists: string[] = [], top = true): Leaf[] {
  const out: Leaf[] = [];
  for (const [name, member] of Object.entries(shape.members)) {
    const walk = (s: Shape, key: string, via: string[]): void => {
      if (s.type === "structure") out.push(...leavesOf(s, protocol, key + ".", via, false));
      else if (s.type === "list") walk(s.member, protocol === "query" ? `${key}.${s.item}.#` : `${key}.#`, [...via, key]);
      else out.push({ key, name, shape: s, required: top && member.required === true, lists: via });
    };
    walk(member.shape, prefix + memberKey(name, member, protocol), lists);
  }
  return out;
}

export const at = (key: string, index = "1"): string => key.replaceAll("#", index);

export interface Caller {
  readonly account: string;
  readonly other: string;
  /** Valid values by member name, from this caller's world. */
  readonly known: Readonly<Record<string, string>>;
}

/** Optional members that belong in an operation's valid base (required ones always do). */
const BASE_EXTRAS: Readonly<Record<string, readonly string[]>> = {
  CreateCluster: ["MasterUserPassword"],
  CreateEndpointAccess: ["ResourceOwner"],
  CreateVpc: ["CidrBlock"],
  CreateSubnet: ["CidrBlock"],
  CreateSecurityGroup: ["VpcId"],
  DeleteSecurityGroup: ["GroupId"],
  AuthorizeSecurityGroupIngress: ["GroupId"],
  RevokeSecurityGroupIngress: ["GroupId"],
};

/** Names a Create* call must not find taken. */
const FRESH: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  CreateCluster: { ClusterIdentifier: "fresh-cluster" },
  CreateClusterSubnetGroup: { ClusterSubnetGroupName: "fresh-sng" },
  CreateClusterParameterGroup: { ParameterGroupName: "fresh-params" },
  CreateEndpointAccess: { EndpointName: "fresh-ep" },
};

/** A base of valid values: every top-level required scalar (and required list's first item), plus the extras. */
export function baseParams(action: string, leaves: readonly Leaf[], caller: Caller): Map<string, string> {
  const base = new Map<string, string>();
  const extras = BASE_EXTRAS[action] ?? [];
  for (const leaf of leaves) {
    if (!leaf.required && !(extras.includes(leaf.name) && leaf.lists.length === 0)) continue;
    base.set(at(leaf.key), FRESH[action]?.[leaf.name] ?? caller.known[leaf.name] ?? "x");
  }
  return base;
}

export function encode(params: ReadonlyMap<string, string>): string {
  return [...params].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
}

/** An open-mode Authorization header: well-formed SigV4 for a key without a configured secret. */
export function authHeaders(account: string, service: string): Record<string, string> {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260102/${REGION}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`,
    "x-amz-date": "20260102T030405Z",
  };
}

/**
 * Wipes the server's store (admin reset) and builds the cross-account world: the grantor's network,
 * eligible cluster `analytics` and a grant to the grantee; the grantee's network and an endpoint to
 * it; a same-account endpoint of the grantor; a VPC with a 256-character Name tag. Returns the two
 * callers with their valid values.
 */
export async function buildWorld(url: string): Promise<Caller[]> {
  assert.equal((await fetch(`${url}/_redshift-local/reset`, { method: "POST" })).status, 200);
  const grantor = clientsFor(url, GRANTOR);
  const grantee = clientsFor(url, GRANTEE);
  const grantorNet = await createNetwork(grantor, "10.0.0.0/16", "grantor-sng");
  for (const [clients, name] of [[grantor, "grantor-params"], [grantee, "grantee-params"]] as const) {
    await clients.redshift.send(new CreateClusterParameterGroupCommand({ ParameterGroupName: name, ParameterGroupFamily: "redshift-1.0", Description: "d" }));
    await clients.redshift.send(
      new ModifyClusterParameterGroupCommand({ ParameterGroupName: name, Parameters: [{ ParameterName: "require_ssl", ParameterValue: "true" }] }),
    );
  }
  await createCluster(grantor, "analytics", { ClusterSubnetGroupName: grantorNet.subnetGroupName, ClusterParameterGroupName: "grantor-params" });
  const granteeNet = await createNetwork(grantee, "10.1.0.0/16", "grantee-sng");
  await grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "analytics", Account: GRANTEE }));
  await grantee.redshift.send(
    new CreateEndpointAccessCommand({ ClusterIdentifier: "analytics", ResourceOwner: GRANTOR, EndpointName: "grantee-ep", SubnetGroupName: granteeNet.subnetGroupName }),
  );
  await grantor.redshift.send(new CreateEndpointAccessCommand({ ClusterIdentifier: "analytics", EndpointName: "owner-ep", SubnetGroupName: grantorNet.subnetGroupName }));
  // A manual snapshot of the grantor's cluster, shared with the grantee (the other cross-account path).
  await grantor.redshift.send(new CreateClusterSnapshotCommand({ SnapshotIdentifier: "world-snap", ClusterIdentifier: "analytics" }));
  await grantor.redshift.send(new DescribeClusterSnapshotsCommand({ SnapshotIdentifier: "world-snap" }));
  await grantor.redshift.send(new AuthorizeSnapshotAccessCommand({ SnapshotIdentifier: "world-snap", AccountWithRestoreAccess: GRANTEE }));
  // A long tag value for filter values to be matched against.
  await grantor.ec2.send(
    new CreateVpcCommand({ CidrBlock: "10.7.0.0/16", TagSpecifications: [{ ResourceType: "vpc", Tags: [{ Key: "Name", Value: "a".repeat(256) }] }] }),
  );
  const known = (net: Network, endpoint: string, other: string): Record<string, string> => ({
    ClusterIdentifier: "analytics",
    ParameterGroupName: net.vpcId === granteeNet.vpcId ? "grantee-params" : "grantor-params",
    ClusterParameterGroupName: net.vpcId === granteeNet.vpcId ? "grantee-params" : "grantor-params",
    ParameterGroupFamily: "redshift-1.0",
    ParameterName: "require_ssl",
    ParameterValue: "false",
    Account: other,
    ResourceOwner: GRANTOR,
    EndpointName: endpoint,
    ClusterSubnetGroupName: net.subnetGroupName,
    SubnetGroupName: net.subnetGroupName,
    SubnetIds: net.subnetIds[0]!,
    SubnetId: net.subnetIds[0]!,
    VpcId: net.vpcId,
    VpcIds: granteeNet.vpcId,
    GroupId: net.sgId,
    GroupIds: net.sgId,
    VpcSecurityGroupIds: net.sgId,
    NodeType: "ra3.xlplus",
    MasterUsername: "admin",
    MasterUserPassword: "Passw0rd1",
    Description: "d",
    GroupDescription: "d",
    GroupName: "hostile-test",
    CidrBlock: net.vpcId === granteeNet.vpcId ? "10.1.9.0/24" : "10.0.9.0/24",
    Attribute: "enableDnsSupport",
    IpProtocol: "tcp",
    FromPort: "5439",
    ToPort: "5439",
    CidrIp: "10.0.0.0/16",
    Key: "Name",
    Value: "v",
    Name: "tag:Name",
    Values: "a*",
    FeatureType: "concurrency-scaling",
    LimitType: "time",
    Amount: "60",
    AuthenticationProfileContent: "{}",
    SnapshotIdentifier: "world-snap",
    SnapshotClusterIdentifier: "analytics",
    SnapshotArn: `arn:aws:redshift:${REGION}:${GRANTOR}:snapshot:analytics/world-snap`,
    OwnerAccount: GRANTOR,
    AccountWithRestoreAccess: other,
  });
  return [
    { account: GRANTOR, other: GRANTEE, known: known(grantorNet, "owner-ep", GRANTEE) },
    { account: GRANTEE, other: GRANTOR, known: known(granteeNet, "grantee-ep", GRANTOR) },
  ];
}
