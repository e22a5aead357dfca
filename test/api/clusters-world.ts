/**
 * Helpers for the cluster and subnet-group tests: networks created through the EC2 SDK, clusters
 * through the Redshift SDK, a server with a ManualClock.
 */
import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand } from "@aws-sdk/client-ec2";
import { CreateClusterCommand, DescribeClustersCommand, type Cluster, type CreateClusterCommandInput } from "@aws-sdk/client-redshift";
import { ManualClock, type RedshiftLocal, type RedshiftLocalOptions } from "../../src/index.js";
import { REGION, startServer, type Clients } from "../helpers.js";

export const START = Date.UTC(2026, 0, 5, 10, 0, 0, 0);
export const PASSWORD = "Passw0rd1";

export interface Net {
  readonly vpcId: string;
  /** One subnet per zone, in the order of `zones`. */
  readonly subnetIds: string[];
  readonly defaultSgId: string;
  /** A second security group of the VPC. */
  readonly sgId: string;
}

/** A VPC `10.<n>.0.0/16` with a /24 subnet in each of `zones` (suffixes of the region) and an extra SG. */
export async function createNet(clients: Clients, n: number, zones: readonly string[] = ["a", "b"]): Promise<Net> {
  const vpc = await clients.ec2.send(new CreateVpcCommand({ CidrBlock: `10.${n}.0.0/16` }));
  const vpcId = vpc.Vpc!.VpcId!;
  const subnetIds: string[] = [];
  for (const [i, zone] of zones.entries()) {
    const region = await clients.ec2.config.region();
    const subnet = await clients.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.${n}.${i + 1}.0/24`, AvailabilityZone: `${region}${zone}` }));
    subnetIds.push(subnet.Subnet!.SubnetId!);
  }
  const groups = await clients.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }));
  const defaultSgId = groups.SecurityGroups!.find((g) => g.GroupName === "default")!.GroupId!;
  const sg = await clients.ec2.send(new CreateSecurityGroupCommand({ GroupName: `extra-${n}`, Description: "extra", VpcId: vpcId }));
  return { vpcId, subnetIds, defaultSgId, sgId: sg.GroupId! };
}

/** The default VPC's subnets (zone order a, b, c) and its id. */
export async function defaultNet(clients: Clients): Promise<{ vpcId: string; subnetIds: string[] }> {
  const out = await clients.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "default-for-az", Values: ["true"] }] }));
  const subnets = [...out.Subnets!].sort((a, b) => a.AvailabilityZone!.localeCompare(b.AvailabilityZone!));
  return { vpcId: subnets[0]!.VpcId!, subnetIds: subnets.map((s) => s.SubnetId!) };
}

/** A valid CreateCluster input (single-node ra3.xlplus in the default VPC) with `overrides`. */
export function clusterInput(id: string, overrides: Partial<CreateClusterCommandInput> = {}): CreateClusterCommandInput {
  return { ClusterIdentifier: id, NodeType: "ra3.xlplus", MasterUsername: "admin", MasterUserPassword: PASSWORD, ...overrides };
}

export async function createCluster(clients: Clients, id: string, overrides: Partial<CreateClusterCommandInput> = {}): Promise<Cluster> {
  return (await clients.redshift.send(new CreateClusterCommand(clusterInput(id, overrides)))).Cluster!;
}

export async function describeCluster(clients: Clients, id: string): Promise<Cluster> {
  return (await clients.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: id }))).Clusters![0]!;
}

/** A server on a ManualClock (memory store, silent). */
export async function clockedServer(options: RedshiftLocalOptions = {}): Promise<{ rs: RedshiftLocal; clock: ManualClock }> {
  const clock = new ManualClock(START);
  const rs = await startServer({ clock, ...options });
  return { rs, clock };
}

export { REGION };
