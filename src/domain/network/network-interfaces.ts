/**
 * Network interfaces (DescribeNetworkInterfaces). The only interfaces redshift-local creates are the
 * ones of Redshift-managed VPC endpoints: one per endpoint, in the subnet of its subnet group Redshift
 * picked, with the endpoint's security groups, owned by the endpoint's account
 * (docs/differences-from-aws.md, Endpoints). They exist
 * exactly as long as their endpoint (creating → deleting) and are read from it, so the two never
 * disagree.
 *
 * AWS documents (EC2 API Reference, DescribeNetworkInterfaces): ids must exist
 * (`InvalidNetworkInterfaceID.NotFound`), MaxResults 5–1000 cannot be combined with
 * NetworkInterfaceIds, the filters below. We decided (INFERRED: AWS documents no example of a
 * Redshift-managed endpoint's interface): it looks like a PrivateLink interface endpoint's —
 * `InterfaceType` `vpc_endpoint`, `RequesterManaged` true, `Status` `in-use`, `Description`
 * "VPC Endpoint Interface <vpce-id>" — with no attachment, public address or IPv6 address.
 * `RequesterId` (an AWS-internal principal) is not reported.
 * Known gap: the interfaces of cluster nodes in the cluster owner's VPC are not modelled.
 */
import { createHash } from "node:crypto";
import type { DomainContext } from "../context.js";
import type { Endpoint, SecurityGroup } from "../entities.js";
import { type AwsError, InvalidNetworkInterfaceIDNotFound, InvalidParameterCombination } from "../errors.js";
import { describe, type DescribeRequest, type Described } from "./describe.js";
import { NONE, compileFilters, flag, type FilterInput, type FilterTable } from "./filters.js";
import { zoneByName } from "./zones.js";

export const ENDPOINT_INTERFACE_TYPE = "vpc_endpoint";
export const INTERFACE_STATUS = "in-use";

export interface NetworkInterfaceView {
  readonly id: string;
  readonly ownerId: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly availabilityZone: string;
  readonly availabilityZoneId: string | undefined;
  readonly privateIpAddress: string;
  readonly privateDnsName: string;
  readonly macAddress: string;
  readonly description: string;
  readonly interfaceType: string;
  readonly status: string;
  readonly requesterManaged: boolean;
  readonly sourceDestCheck: boolean;
  readonly groups: readonly { readonly groupId: string; readonly groupName: string }[];
}

/** EC2's internal host name of a private address: `ip-10-0-1-4.ec2.internal` in us-east-1, `ip-….<region>.compute.internal` elsewhere. */
export function privateDnsName(ip: string, region: string): string {
  const host = `ip-${ip.replaceAll(".", "-")}`;
  return region === "us-east-1" ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

/** A locally administered unicast MAC (`02:…`), stable for the interface id. */
function macAddress(interfaceId: string): string {
  const bytes = createHash("sha256").update(`mac/${interfaceId}`).digest().subarray(0, 5);
  return ["02", ...[...bytes].map((b) => b.toString(16).padStart(2, "0"))].join(":");
}

function interfaceView(endpoint: Endpoint, groups: ReadonlyMap<string, SecurityGroup>): NetworkInterfaceView {
  const eni = endpoint.networkInterface;
  return {
    id: eni.networkInterfaceId,
    ownerId: endpoint.account,
    vpcId: endpoint.vpcId,
    subnetId: eni.subnetId,
    availabilityZone: eni.availabilityZone,
    availabilityZoneId: zoneByName(endpoint.region, eni.availabilityZone)?.zoneId,
    privateIpAddress: eni.privateIpAddress,
    privateDnsName: privateDnsName(eni.privateIpAddress, endpoint.region),
    macAddress: macAddress(eni.networkInterfaceId),
    description: `VPC Endpoint Interface ${endpoint.vpcEndpointId}`,
    interfaceType: ENDPOINT_INTERFACE_TYPE,
    status: INTERFACE_STATUS,
    requesterManaged: true,
    sourceDestCheck: true,
    groups: endpoint.securityGroupIds.map((groupId) => ({ groupId, groupName: groups.get(groupId)?.groupName ?? "" })),
  };
}

/** Views of a batch of endpoints' interfaces; one security-group read per group named. */
async function interfaceViews(ctx: DomainContext, endpoints: readonly Endpoint[]): Promise<NetworkInterfaceView[]> {
  const groups = new Map<string, SecurityGroup>();
  for (const id of new Set(endpoints.flatMap((e) => e.securityGroupIds))) {
    const group = await ctx.tx.securityGroups.get(ctx.scope, id);
    if (group) groups.set(id, group);
  }
  return endpoints.map((e) => interfaceView(e, groups));
}

/** DescribeNetworkInterfaces filters (EC2 API Reference, DescribeNetworkInterfaces "Filters"). */
export const NETWORK_INTERFACE_FILTERS: FilterTable<NetworkInterfaceView> = {
  "network-interface-id": { values: (v) => [v.id] },
  "vpc-id": { values: (v) => [v.vpcId], column: "vpcId" },
  "subnet-id": { values: (v) => [v.subnetId] },
  "availability-zone": { values: (v) => [v.availabilityZone] },
  "availability-zone-id": { values: (v) => (v.availabilityZoneId ? [v.availabilityZoneId] : []) },
  "group-id": { values: (v) => v.groups.map((g) => g.groupId) },
  description: { values: (v) => [v.description] },
  "interface-type": { values: (v) => [v.interfaceType] },
  "mac-address": { values: (v) => [v.macAddress] },
  "owner-id": { values: (v) => [v.ownerId] },
  "private-dns-name": { values: (v) => [v.privateDnsName] },
  "private-ip-address": { values: (v) => [v.privateIpAddress] },
  "addresses.private-ip-address": { values: (v) => [v.privateIpAddress] },
  "addresses.primary": { values: () => flag(true) },
  "requester-managed": { values: (v) => flag(v.requesterManaged) },
  "source-dest-check": { values: (v) => flag(v.sourceDestCheck) },
  status: { values: (v) => [v.status] },
  "requester-id": { values: NONE },
  "addresses.association.owner-id": { values: NONE },
  "addresses.association.public-ip": { values: NONE },
  "association.allocation-id": { values: NONE },
  "association.association-id": { values: NONE },
  "association.ip-owner-id": { values: NONE },
  "association.public-ip": { values: NONE },
  "association.public-dns-name": { values: NONE },
  "attachment.attach-time": { values: NONE },
  "attachment.attachment-id": { values: NONE },
  "attachment.delete-on-termination": { values: NONE },
  "attachment.device-index": { values: NONE },
  "attachment.instance-id": { values: NONE },
  "attachment.instance-owner-id": { values: NONE },
  "attachment.status": { values: NONE },
  "operator.managed": { values: () => flag(false) },
  "operator.principal": { values: NONE },
};

export function networkInterfaceNotFound(ids: readonly string[]): AwsError {
  return ids.length === 1
    ? new InvalidNetworkInterfaceIDNotFound(`The networkInterface ID '${ids[0]}' does not exist`)
    : new InvalidNetworkInterfaceIDNotFound(`The networkInterface IDs '${ids.join(", ")}' do not exist`);
}

export async function describeNetworkInterfaces(
  ctx: DomainContext,
  req: DescribeRequest & { readonly filters?: readonly FilterInput[] | undefined },
): Promise<Described<NetworkInterfaceView>> {
  // Interfaces carry no tags here (CreateTags is not emulated), but `tag:<key>` and `tag-key` are valid filters.
  const filters = compileFilters(NETWORK_INTERFACE_FILTERS, req.filters, () => []);
  if (req.ids?.length) {
    if (req.maxResults !== undefined) {
      // EC2 documents the restriction; the error code is INFERRED (EC2's usual one for exclusive parameters).
      throw new InvalidParameterCombination("The parameter NetworkInterfaceIds cannot be used with the parameter maxResults");
    }
    // Interfaces are stored inside their endpoints, so ids are looked up among the partition's endpoints.
    const all = await interfaceViews(ctx, await ctx.tx.endpoints.find({ account: ctx.scope.account, region: ctx.scope.region }));
    const wanted = new Set(req.ids);
    const known = new Set(all.map((v) => v.id));
    const missing = [...wanted].filter((id) => !known.has(id));
    if (missing.length > 0) throw networkInterfaceNotFound(missing);
    return { items: all.filter((v) => wanted.has(v.id) && filters.matches(v)) };
  }
  return describe(
    ctx,
    {
      tokenKind: "network-interface",
      repo: ctx.tx.endpoints,
      filters,
      notFound: networkInterfaceNotFound,
      view: (batch) => interfaceViews(ctx, batch),
    },
    { maxResults: req.maxResults, nextToken: req.nextToken },
  );
}
