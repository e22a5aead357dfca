/**
 * CreateClusterParameterGroup, DescribeClusterParameterGroups, ModifyClusterParameterGroup,
 * ResetClusterParameterGroup, DeleteClusterParameterGroup, DescribeClusterParameters and
 * DescribeDefaultClusterParameters (docs/differences-from-aws.md, Cluster parameter groups).
 *
 * A group stores only the values the user set; every other parameter has its family's default. The
 * default group of each family is never stored and cannot be changed or deleted. Changing a static
 * parameter of a group marks the clusters using it `pending-reboot` until RebootCluster completes;
 * dynamic parameters apply at once.
 */
import type { DomainContext } from "../context.js";
import type { ClusterParameterGroup } from "../entities.js";
import {
  ClusterParameterGroupAlreadyExists,
  ClusterParameterGroupQuotaExceeded,
  InvalidClusterParameterGroupState,
  InvalidParameterCombination,
  InvalidParameterValue,
} from "../errors.js";
import { decodeMarker, encodeMarker, pageSize, type Page } from "../pagination.js";
import { DuplicateKeyError, cursorOf } from "../../store/store.js";
import { checkTagFilter, checkTags, filteredFetch, matchesTags, type TagFilter } from "../clusters/tags.js";
import { FAMILIES, checkValue, familyParameters, type ParameterSpec } from "./catalogue.js";
import { markPendingReboot } from "./clusters.js";
import {
  defaultGroupView,
  getGroupForChange,
  getParameterGroup,
  groupParameters,
  normaliseParameterGroupName,
  storedGroupView,
  type ParameterGroupView,
  type ParameterView,
} from "./rules.js";

/** At most 20 parameters per Modify/Reset call [M]. */
export const MAX_PARAMETERS_PER_CALL = 20;

export interface CreateParameterGroupRequest {
  ParameterGroupName: string;
  ParameterGroupFamily: string;
  Description: string;
  Tags?: { Key?: string; Value?: string }[];
}

export async function createParameterGroup(ctx: DomainContext, req: CreateParameterGroupRequest): Promise<ParameterGroupView> {
  const id = normaliseParameterGroupName(req.ParameterGroupName);
  familyParameters(req.ParameterGroupFamily);
  const tags = checkTags(req.Tags);
  const exists = () => new ClusterParameterGroupAlreadyExists(`The parameter group ${id} already exists.`);
  if (await ctx.tx.parameterGroups.get(ctx.scope, id)) throw exists();
  const partition = { account: ctx.scope.account, region: ctx.scope.region };
  const limit = ctx.quotas["parameter-groups-per-account"];
  if ((await ctx.tx.parameterGroups.count(partition)) >= limit) {
    throw new ClusterParameterGroupQuotaExceeded(`The request would exceed the allowed number of cluster parameter groups for this account (${limit}).`);
  }
  const group: ClusterParameterGroup = {
    ...partition,
    id,
    createdAt: ctx.now,
    family: req.ParameterGroupFamily,
    description: req.Description,
    values: {},
    tags,
  };
  try {
    await ctx.tx.parameterGroups.insert(group);
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw exists();
    throw err;
  }
  return storedGroupView(group);
}

export interface DescribeParameterGroupsRequest extends TagFilter {
  ParameterGroupName?: string;
  MaxRecords?: number;
  Marker?: string;
}

/** One group by name, or every group: the default group of each family first, then the caller's in creation order. */
export async function describeParameterGroups(ctx: DomainContext, req: DescribeParameterGroupsRequest): Promise<Page<ParameterGroupView>> {
  const size = pageSize(req.MaxRecords);
  checkTagFilter(req);
  if (req.ParameterGroupName !== undefined && req.ParameterGroupName !== "") {
    if (req.Marker !== undefined && req.Marker !== "") {
      throw new InvalidParameterCombination("ParameterGroupName and Marker cannot be specified together.");
    }
    const group = await getParameterGroup(ctx, req.ParameterGroupName);
    return { items: matchesTags(group.tags, req) ? [group] : [] };
  }
  const first = req.Marker === undefined || req.Marker === "";
  const defaults = first ? [...FAMILIES.keys()].map(defaultGroupView).filter((g) => matchesTags(g.tags, req)) : [];
  const partition = { account: ctx.scope.account, region: ctx.scope.region };
  const want = size - defaults.length;
  const rows = await filteredFetch(
    (page) => ctx.tx.parameterGroups.find(partition, page),
    (g) => matchesTags(g.tags, req),
  )({ after: decodeMarker(req.Marker), limit: want + 1 });
  const stored = rows.slice(0, want);
  const items = [...defaults, ...stored.map(storedGroupView)];
  return rows.length > want ? { items, marker: encodeMarker(cursorOf(stored[stored.length - 1]!)) } : { items };
}

interface ParameterInput {
  ParameterName?: string | undefined;
  ParameterValue?: string | undefined;
}

function checkCount(parameters: readonly unknown[] | undefined, required: boolean): void {
  const n = parameters?.length ?? 0;
  if (required && n === 0) throw new InvalidParameterValue("The request must contain at least one parameter in Parameters.");
  if (n > MAX_PARAMETERS_PER_CALL) {
    throw new InvalidParameterValue(`A maximum of ${MAX_PARAMETERS_PER_CALL} parameters can be changed in a single request; got ${n}.`);
  }
}

function specOf(group: ClusterParameterGroup, name: string | undefined): ParameterSpec {
  const spec = familyParameters(group.family).find((p) => p.name === name);
  if (!spec) throw new InvalidParameterValue(`Could not find parameter with name: ${name ?? ""}`);
  return spec;
}

/** The message AWS answers Modify and Reset with (`ParameterGroupStatus`). */
export const UPDATED_STATUS =
  "Your parameter group has been updated. If you changed only dynamic parameters, associated clusters are being modified now. " +
  "If you changed static parameters, all updates, including dynamic parameters, will be applied when you reboot the associated clusters.";

/** Writes the new values; clusters using the group wait for a reboot when a static parameter's value changed. */
async function apply(ctx: DomainContext, group: ClusterParameterGroup, values: Record<string, string>): Promise<void> {
  const changedStatic: string[] = [];
  for (const spec of familyParameters(group.family)) {
    const before = group.values[spec.name] ?? spec.defaultValue;
    const after = values[spec.name] ?? spec.defaultValue;
    if (before !== after && spec.applyType === "static") changedStatic.push(spec.name);
  }
  group.values = values;
  await ctx.tx.parameterGroups.update(group);
  await markPendingReboot(ctx, group.id, changedStatic);
}

export interface ModifyParameterGroupRequest {
  ParameterGroupName: string;
  Parameters: ParameterInput[];
}

export async function modifyParameterGroup(ctx: DomainContext, req: ModifyParameterGroupRequest): Promise<ParameterGroupView> {
  checkCount(req.Parameters, true);
  const group = await getGroupForChange(ctx, req.ParameterGroupName, "modified");
  const values = { ...group.values };
  for (const p of req.Parameters) {
    const spec = specOf(group, p.ParameterName);
    if (!spec.isModifiable) throw new InvalidParameterValue(`The parameter ${spec.name} cannot be modified.`);
    if (p.ParameterValue === undefined) throw new InvalidParameterValue(`The parameter ${spec.name} must have a ParameterValue.`);
    checkValue(spec, p.ParameterValue);
    values[spec.name] = p.ParameterValue;
  }
  await apply(ctx, group, values);
  return storedGroupView(group);
}

export interface ResetParameterGroupRequest {
  ParameterGroupName: string;
  ResetAllParameters?: boolean;
  Parameters?: ParameterInput[];
}

/**
 * Resets every parameter (`ResetAllParameters` true, or neither member given) or the named ones.
 * `ResetAllParameters` true with `Parameters` is `InvalidParameterCombination`; false without
 * `Parameters` is `InvalidParameterValue`.
 */
export async function resetParameterGroup(ctx: DomainContext, req: ResetParameterGroupRequest): Promise<ParameterGroupView> {
  const named = (req.Parameters?.length ?? 0) > 0;
  if (req.ResetAllParameters === true && named) {
    throw new InvalidParameterCombination("Parameters cannot be specified when ResetAllParameters is true.");
  }
  checkCount(req.Parameters, req.ResetAllParameters === false);
  const group = await getGroupForChange(ctx, req.ParameterGroupName, "reset");
  const values = { ...group.values };
  if (!named) {
    for (const key of Object.keys(values)) delete values[key];
  } else {
    for (const p of req.Parameters!) delete values[specOf(group, p.ParameterName).name];
  }
  await apply(ctx, group, values);
  return storedGroupView(group);
}

export async function deleteParameterGroup(ctx: DomainContext, name: string): Promise<void> {
  const group = await getGroupForChange(ctx, name, "deleted");
  const users = await ctx.tx.clusters.count({ account: group.account, region: group.region, parameterGroupName: group.id });
  if (users > 0) {
    throw new InvalidClusterParameterGroupState(`The parameter group ${group.id} cannot be deleted because it is in use by ${users} cluster(s).`);
  }
  await ctx.tx.parameterGroups.remove(group, group.id);
}

/** Pages over a fixed, ordered list: the marker names the last item returned. */
export function paginateList<T>(items: readonly T[], key: (item: T) => string, input: { MaxRecords?: number | undefined; Marker?: string | undefined }): Page<T> {
  const size = pageSize(input.MaxRecords);
  let start = 0;
  if (input.Marker !== undefined && input.Marker !== "") {
    const after = decodeListMarker(input.Marker);
    const index = items.findIndex((item) => key(item) === after);
    if (index === -1) throw new InvalidParameterValue(`Invalid Marker '${input.Marker.slice(0, 64)}'.`);
    start = index + 1;
  }
  const page = items.slice(start, start + size);
  if (start + size >= items.length) return { items: page };
  return { items: page, marker: encodeMarker({ createdAt: 0, account: "", id: key(page[page.length - 1]!) }) };
}

function decodeListMarker(marker: string): string {
  const invalid = () => new InvalidParameterValue(`Invalid Marker '${marker.slice(0, 64)}'.`);
  const prefix = "rl1.";
  if (!marker.startsWith(prefix)) throw invalid();
  try {
    const parsed: unknown = JSON.parse(Buffer.from(marker.slice(prefix.length), "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 3 && typeof parsed[2] === "string") return parsed[2];
  } catch {
    // fall through
  }
  throw invalid();
}

export interface DescribeParametersRequest {
  ParameterGroupName: string;
  Source?: string;
  MaxRecords?: number;
  Marker?: string;
}

/** `Source`: `user` (set by Modify) or `engine-default`; absent: every parameter. */
export const SOURCES = ["user", "engine-default"] as const;

export async function describeParameters(ctx: DomainContext, req: DescribeParametersRequest): Promise<Page<ParameterView>> {
  pageSize(req.MaxRecords);
  if (req.Source !== undefined && !(SOURCES as readonly string[]).includes(req.Source)) {
    throw new InvalidParameterValue(`Invalid value '${req.Source}' for parameter Source: valid values are ${SOURCES.join(", ")}.`);
  }
  const group = await getParameterGroup(ctx, req.ParameterGroupName);
  const params = groupParameters(group).filter((p) => req.Source === undefined || p.source === req.Source);
  return paginateList(params, (p) => p.spec.name, req);
}

export interface DescribeDefaultsRequest {
  ParameterGroupFamily: string;
  MaxRecords?: number;
  Marker?: string;
}

export function describeDefaultParameters(req: DescribeDefaultsRequest): Page<ParameterView> {
  pageSize(req.MaxRecords);
  const params = groupParameters(defaultGroupView(req.ParameterGroupFamily));
  return paginateList(params, (p) => p.spec.name, req);
}
