/**
 * The Redshift resource types that carry tags, as data: each maps the resource type of its ARN
 * (`arn:<partition>:redshift:<region>:<account>:<type>:<name>`, Amazon Redshift Management Guide,
 * "Amazon Redshift resource ARNs",
 * https://docs.aws.amazon.com/redshift/latest/mgmt/redshift-iam-access-control-overview.html) to the
 * store's entity kind that holds it, and says how a name in an ARN becomes that kind's id.
 *
 * A new taggable resource plugs in with one entry in `TAGGABLE` (its entity needs a `tags: Tag[]`
 * property): CreateTags, DeleteTags and DescribeTags then serve it.
 */
import type { DomainContext } from "../context.js";
import type { EntityKind, EntityKinds, Tag } from "../entities.js";
import { InvalidClusterState } from "../errors.js";

/** Entity kinds whose entities carry `tags`. */
export type TaggableKind = { [K in EntityKind]: EntityKinds[K] extends { tags: Tag[] } ? K : never }[EntityKind];

export interface TaggableType<K extends TaggableKind = TaggableKind> {
  /** The ARN's resource type, also DescribeTags' `ResourceType` in its answer (`cluster`, `subnetgroup`). */
  readonly arnType: string;
  readonly kind: K;
  /** The entity id the ARN's resource name designates (names are stored lower-cased). */
  readonly idOf: (name: string) => string;
  /** The resource name the ARN of an entity ends with. */
  readonly nameOf: (entity: EntityKinds[K]) => string;
  /** Whether the ARN's name designates this entity (when the id alone does not say it all). */
  readonly matchesName?: (entity: EntityKinds[K], name: string) => boolean;
  /** Throws when the resource cannot take tag changes in its current state. */
  readonly checkWritable?: (entity: EntityKinds[K]) => void;
}

function taggable<K extends TaggableKind>(def: TaggableType<K>): TaggableType {
  return def as unknown as TaggableType;
}

const lower = (name: string): string => name.toLowerCase();

/** The order DescribeTags lists resources in: by type in this order, then by creation. */
export const TAGGABLE: readonly TaggableType[] = [
  taggable({
    arnType: "cluster",
    kind: "clusters",
    idOf: lower,
    nameOf: (c) => c.id,
    checkWritable: (c) => {
      if (c.status === "deleting") throw new InvalidClusterState(`There is an operation running on the Cluster ${c.id}. Please try to tag it later.`);
    },
  }),
  taggable({ arnType: "subnetgroup", kind: "subnetGroups", idOf: lower, nameOf: (g) => g.id }),
  // The default groups (default.redshift-1.0) have no row: like AWS's, they cannot be tagged.
  taggable({ arnType: "parametergroup", kind: "parameterGroups", idOf: lower, nameOf: (g) => g.id }),
  taggable({ arnType: "usagelimit", kind: "usageLimits", idOf: lower, nameOf: (l) => l.id }),
  taggable({ arnType: "snapshotschedule", kind: "snapshotSchedules", idOf: lower, nameOf: (s) => s.id }),
  // `snapshot:CLUSTER/SNAPSHOT`: snapshot identifiers are unique per account, the id is the part after `/`.
  taggable({
    arnType: "snapshot",
    kind: "snapshots",
    idOf: (name) => lower(name.slice(name.indexOf("/") + 1)),
    nameOf: (s) => `${s.clusterIdentifier}/${s.id}`,
    matchesName: (s, name) => name.toLowerCase() === `${s.clusterIdentifier}/${s.id}`,
  }),
];

/**
 * Resource types AWS's DescribeTags accepts (the ARN types of the Management Guide and the names the
 * API Reference lists, spaces removed, case-insensitive): those redshift-local does not have answer
 * an empty list; anything else is `InvalidParameterValue`.
 */
const KNOWN_TYPES = new Set([
  "cluster",
  "cidr/ip",
  "ec2securitygroup",
  "snapshot",
  "securitygroup",
  "clustersecuritygroup",
  "subnetgroup",
  "hsmconnection",
  "hsmconfiguration",
  "hsmcertificate",
  "hsmclientcertificate",
  "parametergroup",
  "snapshotcopygrant",
  "snapshotschedule",
  "usagelimit",
  "eventsubscription",
  "integration",
]);

const ALIASES: Readonly<Record<string, string>> = {
  clustersecuritygroup: "securitygroup",
  hsmconnection: "hsmconfiguration",
  hsmcertificate: "hsmclientcertificate",
};

/** Normalises a DescribeTags `ResourceType` ("Subnet group", "subnetgroup"); undefined when unknown. */
export function normaliseResourceType(raw: string): string | undefined {
  const compact = raw.replace(/\s+/g, "").toLowerCase();
  if (!KNOWN_TYPES.has(compact)) return undefined;
  return ALIASES[compact] ?? compact;
}

export function taggableByArnType(arnType: string): TaggableType | undefined {
  return TAGGABLE.find((t) => t.arnType === arnType);
}

/** The tagged entity of the caller's partition, locked for update when `forUpdate`. */
export async function findTagged(
  ctx: DomainContext,
  type: TaggableType,
  name: string,
  forUpdate: boolean,
): Promise<(EntityKinds[TaggableKind] & { tags: Tag[] }) | undefined> {
  const repo = ctx.tx[type.kind] as unknown as {
    get(scope: DomainContext["scope"], id: string): Promise<EntityKinds[TaggableKind] | undefined>;
    getForUpdate(scope: DomainContext["scope"], id: string): Promise<EntityKinds[TaggableKind] | undefined>;
  };
  const id = type.idOf(name);
  const entity = forUpdate ? await repo.getForUpdate(ctx.scope, id) : await repo.get(ctx.scope, id);
  if (entity !== undefined && type.matchesName !== undefined && !type.matchesName(entity, name)) return undefined;
  return entity;
}
