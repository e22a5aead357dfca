/**
 * CreateClusterSubnetGroup, DescribeClusterSubnetGroups, ModifyClusterSubnetGroup and
 * DeleteClusterSubnetGroup (docs/differences-from-aws.md, Cluster subnet groups). The group's VpcId
 * comes from its subnets; a group is "in use"
 * while a cluster or a Redshift-managed endpoint of the caller's partition names it.
 */
import type { DomainContext } from "../context.js";
import type { ClusterSubnetGroup } from "../entities.js";
import {
  ClusterSubnetGroupAlreadyExists,
  ClusterSubnetGroupQuotaExceeded,
  InvalidClusterSubnetGroupStateFault,
  InvalidParameterCombination,
  InvalidSubnet,
  SubnetAlreadyInUse,
} from "../errors.js";
import { pageSize, paginate, type Page } from "../pagination.js";
import { DuplicateKeyError } from "../../store/store.js";
import { checkTagFilter, checkTags, filteredFetch, matchesTags, type TagFilter } from "../clusters/tags.js";
import { DEFAULT_SUBNET_GROUP, getSubnetGroup, normaliseSubnetGroupName, resolveSubnets } from "./rules.js";

export interface CreateSubnetGroupRequest {
  ClusterSubnetGroupName: string;
  Description: string;
  SubnetIds: string[];
  Tags?: { Key?: string; Value?: string }[];
}

export async function createSubnetGroup(ctx: DomainContext, req: CreateSubnetGroupRequest): Promise<ClusterSubnetGroup> {
  const id = normaliseSubnetGroupName(req.ClusterSubnetGroupName);
  const tags = checkTags(req.Tags);
  if (await ctx.tx.subnetGroups.get(ctx.scope, id)) {
    throw new ClusterSubnetGroupAlreadyExists(`The cluster subnet group '${id}' already exists.`);
  }
  const partition = { account: ctx.scope.account, region: ctx.scope.region };
  const existing = await ctx.tx.subnetGroups.count(partition);
  const hasDefault = (await ctx.tx.subnetGroups.count({ ...partition, id: DEFAULT_SUBNET_GROUP })) > 0;
  const limit = ctx.quotas["subnet-groups-per-account"];
  if (existing - (hasDefault ? 1 : 0) >= limit) {
    throw new ClusterSubnetGroupQuotaExceeded(`The request would exceed the allowed number of cluster subnet groups for this account (${limit}).`);
  }
  const { vpcId, subnets } = await resolveSubnets(ctx, req.SubnetIds);
  const group: ClusterSubnetGroup = {
    ...partition,
    id,
    createdAt: ctx.now,
    description: req.Description,
    vpcId,
    subnetIds: subnets.map((s) => s.id),
    tags,
  };
  try {
    await ctx.tx.subnetGroups.insert(group);
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw new ClusterSubnetGroupAlreadyExists(`The cluster subnet group '${id}' already exists.`);
    throw err;
  }
  return group;
}

export interface DescribeSubnetGroupsRequest extends TagFilter {
  ClusterSubnetGroupName?: string;
  MaxRecords?: number;
  Marker?: string;
}

export async function describeSubnetGroups(ctx: DomainContext, req: DescribeSubnetGroupsRequest): Promise<Page<ClusterSubnetGroup>> {
  pageSize(req.MaxRecords); // 20–100 whether or not a single group is asked for (docs/differences-from-aws.md, Pagination)
  checkTagFilter(req);
  if (req.ClusterSubnetGroupName !== undefined && req.ClusterSubnetGroupName !== "") {
    if (req.Marker !== undefined && req.Marker !== "") {
      throw new InvalidParameterCombination("ClusterSubnetGroupName and Marker cannot be specified together.");
    }
    const group = await getSubnetGroup(ctx, req.ClusterSubnetGroupName);
    return { items: matchesTags(group.tags, req) ? [group] : [] };
  }
  const partition = { account: ctx.scope.account, region: ctx.scope.region };
  return paginate(
    filteredFetch(
      (page) => ctx.tx.subnetGroups.find(partition, page),
      (g) => matchesTags(g.tags, req),
    ),
    req,
  );
}

export interface ModifySubnetGroupRequest {
  ClusterSubnetGroupName: string;
  SubnetIds: string[];
  Description?: string;
}

/**
 * Replaces the subnets (same checks as create) and/or the description. While clusters or endpoints use
 * the group, its VPC cannot change (`InvalidSubnet`) and a subnet one of them sits in cannot be removed
 * (`SubnetAlreadyInUse`).
 */
export async function modifySubnetGroup(ctx: DomainContext, req: ModifySubnetGroupRequest): Promise<ClusterSubnetGroup> {
  const group = await getSubnetGroup(ctx, req.ClusterSubnetGroupName);
  const { vpcId, subnets } = await resolveSubnets(ctx, req.SubnetIds);
  const keep = new Set(subnets.map((s) => s.id));
  const users = { account: group.account, region: group.region, subnetGroupName: group.id };
  const clusters = await ctx.tx.clusters.find(users);
  const endpoints = await ctx.tx.endpoints.find(users);
  if (vpcId !== group.vpcId && clusters.length + endpoints.length > 0) {
    throw new InvalidSubnet(`The subnets must stay in ${group.vpcId}: the cluster subnet group '${group.id}' is in use.`);
  }
  for (const cluster of clusters) {
    if (!keep.has(cluster.subnetId)) throw new SubnetAlreadyInUse(`Subnet ${cluster.subnetId} is in use by cluster ${cluster.id}.`);
  }
  for (const endpoint of endpoints) {
    const subnetId = endpoint.networkInterface.subnetId;
    if (!keep.has(subnetId)) throw new SubnetAlreadyInUse(`Subnet ${subnetId} is in use by endpoint ${endpoint.name}.`);
  }
  group.vpcId = vpcId;
  group.subnetIds = subnets.map((s) => s.id);
  if (req.Description !== undefined) group.description = req.Description;
  await ctx.tx.subnetGroups.update(group);
  return group;
}

export async function deleteSubnetGroup(ctx: DomainContext, name: string): Promise<void> {
  const group = await getSubnetGroup(ctx, name);
  const users = { account: group.account, region: group.region, subnetGroupName: group.id };
  const inUse = (await ctx.tx.clusters.count(users)) + (await ctx.tx.endpoints.count(users));
  if (inUse > 0) {
    throw new InvalidClusterSubnetGroupStateFault(`The cluster subnet group '${group.id}' cannot be deleted because it is in use.`);
  }
  await ctx.tx.subnetGroups.remove(group, group.id);
}
