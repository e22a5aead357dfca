/**
 * Cluster parameter group rules
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateClusterParameterGroup.html):
 * names, lookups (the default group of each family exists in every account and region without a
 * stored row), and the parameters of a group as DescribeClusterParameters reports them.
 */
import type { DomainContext } from "../context.js";
import type { ClusterParameterGroup, Tag } from "../entities.js";
import { ClusterParameterGroupNotFound, InvalidClusterParameterGroupState, InvalidParameterValue } from "../errors.js";
import { defaultGroupName, familyOfDefaultGroup, familyParameters, type ParameterSpec } from "./catalogue.js";

/** A group as the API shows it: a stored one, or the default group of a family (`stored` undefined). */
export interface ParameterGroupView {
  readonly name: string;
  readonly family: string;
  readonly description: string;
  readonly tags: readonly Tag[];
  readonly values: Readonly<Record<string, string>>;
  readonly stored?: ClusterParameterGroup;
}

export function defaultGroupView(family: string): ParameterGroupView {
  return { name: defaultGroupName(family), family, description: `Default parameter group for ${family}`, tags: [], values: {} };
}

export function storedGroupView(group: ClusterParameterGroup): ParameterGroupView {
  return { name: group.id, family: group.family, description: group.description, tags: group.tags, values: group.values, stored: group };
}

/**
 * ParameterGroupName on create: 1–255 letters, digits or hyphens, first a letter, no trailing hyphen
 * and no two consecutive hyphens [M]; stored lowercase. (The default groups' names contain a dot, so
 * no user group can take one.)
 */
export function normaliseParameterGroupName(raw: string): string {
  if (raw.length > 255 || !/^[A-Za-z](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*$/.test(raw)) {
    throw new InvalidParameterValue(
      `Invalid value '${raw}' for parameter ParameterGroupName: it must contain 1 to 255 letters, digits or hyphens, ` +
        "start with a letter, and must not end with a hyphen or contain two consecutive hyphens.",
    );
  }
  return raw.toLowerCase();
}

function notFound(name: string): InstanceType<typeof ClusterParameterGroupNotFound> {
  return new ClusterParameterGroupNotFound(`ClusterParameterGroup not found: ${name}`);
}

/** The caller's group by name (any case), the default group of a family included; else `ClusterParameterGroupNotFound` (404). */
export async function getParameterGroup(ctx: DomainContext, name: string): Promise<ParameterGroupView> {
  const family = familyOfDefaultGroup(name);
  if (family !== undefined) return defaultGroupView(family);
  const group = await ctx.tx.parameterGroups.get(ctx.scope, name.toLowerCase());
  if (!group) throw notFound(name);
  return storedGroupView(group);
}

/** A group the request may change: a stored one (locked); a default group is `InvalidClusterParameterGroupState`. */
export async function getGroupForChange(ctx: DomainContext, name: string, verb: string): Promise<ClusterParameterGroup> {
  const family = familyOfDefaultGroup(name);
  if (family !== undefined) {
    throw new InvalidClusterParameterGroupState(`The parameter group ${defaultGroupName(family)} is a default parameter group and cannot be ${verb}.`);
  }
  const group = await ctx.tx.parameterGroups.getForUpdate(ctx.scope, name.toLowerCase());
  if (!group) throw notFound(name);
  return group;
}

/**
 * The group a cluster is created with or moved to, by name (any case): its stored name, or
 * `ClusterParameterGroupNotFound`.
 */
export async function resolveClusterParameterGroup(ctx: DomainContext, name: string): Promise<string> {
  return (await getParameterGroup(ctx, name)).name;
}

export interface ParameterView {
  readonly spec: ParameterSpec;
  readonly value: string;
  readonly source: "user" | "engine-default";
}

/** Every parameter of the group's family with its value in the group and where the value comes from. */
export function groupParameters(group: ParameterGroupView): ParameterView[] {
  return familyParameters(group.family).map((spec) => {
    const own = group.values[spec.name];
    return own === undefined ? { spec, value: spec.defaultValue, source: "engine-default" } : { spec, value: own, source: "user" };
  });
}
