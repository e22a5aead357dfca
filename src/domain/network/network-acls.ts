/**
 * Network ACLs: every VPC has its default network ACL (`acl-…`, `IsDefault: true`), made with the VPC
 * and removed with it, associated with every subnet of the VPC (`aclassoc-…`), with AWS's default
 * entries (https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html): rule 100
 * allows all traffic in and out, and the `*` rule (number 32767) denies what no other rule matched,
 * in and out. EC2 lists a VPC's egress entries before its ingress entries.
 *
 * Known gaps (docs/differences-from-aws.md, EC2): CreateNetworkAcl, entries and association changes
 * are not emulated, and there are no IPv6 entries (VPCs have no IPv6 block here).
 */
import type { DomainContext } from "../context.js";
import type { Vpc } from "../entities.js";
import { type AwsError, InvalidNetworkAclIDNotFound } from "../errors.js";
import { describe, type DescribeRequest, type Described } from "./describe.js";
import { NONE, compileFilters, flag, type FilterInput, type FilterTable } from "./filters.js";
import { defaultNetworkAclId, networkAclAssociationId } from "./ids.js";
import { subnetsByVpc, vpcOwnedRepo } from "./vpc-owned.js";

export interface NetworkAclEntryView {
  readonly ruleNumber: number;
  readonly protocol: string;
  readonly ruleAction: "allow" | "deny";
  readonly egress: boolean;
  readonly cidrBlock: string;
}

export interface NetworkAclAssociationView {
  readonly id: string;
  readonly networkAclId: string;
  readonly subnetId: string;
}

export interface NetworkAclView {
  readonly id: string;
  readonly vpcId: string;
  readonly ownerId: string;
  readonly isDefault: boolean;
  readonly entries: readonly NetworkAclEntryView[];
  readonly associations: readonly NetworkAclAssociationView[];
}

/** The number EC2 reports for the `*` rule. */
export const DEFAULT_DENY_RULE_NUMBER = 32767;

function defaultEntries(): NetworkAclEntryView[] {
  const entries: NetworkAclEntryView[] = [];
  for (const egress of [true, false]) {
    entries.push({ ruleNumber: 100, protocol: "-1", ruleAction: "allow", egress, cidrBlock: "0.0.0.0/0" });
    entries.push({ ruleNumber: DEFAULT_DENY_RULE_NUMBER, protocol: "-1", ruleAction: "deny", egress, cidrBlock: "0.0.0.0/0" });
  }
  return entries;
}

/** The default network ACL of a VPC whose subnets are `subnetIds`. */
export function defaultNetworkAcl(vpc: Vpc, subnetIds: readonly string[]): NetworkAclView {
  const id = defaultNetworkAclId(vpc.id);
  return {
    id,
    vpcId: vpc.id,
    ownerId: vpc.account,
    isDefault: true,
    entries: defaultEntries(),
    associations: subnetIds.map((subnetId) => ({ id: networkAclAssociationId(subnetId), networkAclId: id, subnetId })),
  };
}

export function networkAclNotFound(ids: readonly string[]): AwsError {
  return ids.length === 1
    ? new InvalidNetworkAclIDNotFound(`The networkAcl ID '${ids[0]}' does not exist`)
    : new InvalidNetworkAclIDNotFound(`The networkAcl IDs '${ids.join(", ")}' do not exist`);
}

const entries = (v: NetworkAclView) => v.entries;
const associations = (v: NetworkAclView) => v.associations;

/** DescribeNetworkAcls filters (EC2 API Reference, DescribeNetworkAcls "Filters"). */
export const NETWORK_ACL_FILTERS: FilterTable<NetworkAclView> = {
  "network-acl-id": { values: (v) => [v.id] },
  "vpc-id": { values: (v) => [v.vpcId], column: "id" },
  "owner-id": { values: (v) => [v.ownerId] },
  default: { values: (v) => flag(v.isDefault) },
  "association.association-id": { values: (v) => associations(v).map((a) => a.id) },
  "association.network-acl-id": { values: (v) => associations(v).map((a) => a.networkAclId) },
  "association.subnet-id": { values: (v) => associations(v).map((a) => a.subnetId) },
  "entry.cidr": { values: (v) => entries(v).map((e) => e.cidrBlock) },
  "entry.egress": { values: (v) => entries(v).flatMap((e) => flag(e.egress)) },
  "entry.protocol": { values: (v) => entries(v).map((e) => e.protocol) },
  "entry.rule-action": { values: (v) => entries(v).map((e) => e.ruleAction) },
  "entry.rule-number": { values: (v) => entries(v).map((e) => String(e.ruleNumber)) },
  "entry.icmp.code": { values: NONE },
  "entry.icmp.type": { values: NONE },
  "entry.ipv6-cidr": { values: NONE },
  "entry.port-range.from": { values: NONE },
  "entry.port-range.to": { values: NONE },
};

export async function describeNetworkAcls(
  ctx: DomainContext,
  req: DescribeRequest & { readonly filters?: readonly FilterInput[] | undefined },
): Promise<Described<NetworkAclView>> {
  return describe(
    ctx,
    {
      tokenKind: "network-acl",
      repo: vpcOwnedRepo(ctx, (vpc) => defaultNetworkAclId(vpc.id)),
      // Network ACLs carry no tags here (CreateTags does not reach them): `tag:` filters match nothing.
      filters: compileFilters(NETWORK_ACL_FILTERS, req.filters, () => []),
      notFound: networkAclNotFound,
      view: async (batch) => {
        const subnets = await subnetsByVpc(ctx, batch);
        return batch.map((vpc) => defaultNetworkAcl(vpc, (subnets.get(vpc.id) ?? []).map((s) => s.id)));
      },
    },
    req,
  );
}
