/**
 * Node types as data: which families exist, how many nodes a cluster of each may have, the storage
 * each node brings, and which ports they accept.
 *
 * Valid values: the CreateCluster `NodeType` documentation of @aws-sdk/client-redshift 3.1169
 * (dc2.large | dc2.8xlarge | rg.large | rg.xlarge | rg.4xlarge | rg.12xlarge | ra3.large | ra3.xlplus |
 * ra3.4xlarge | ra3.16xlarge). Node ranges and storage per node follow the Management Guide's "Node type
 * details" table as we remember it (INFERRED where the stored reference is silent: ra3.large 1–16,
 * rg.* mirrored on the RA3 size they replace). Ports: "For clusters with RG or RA3 nodes - Select a port
 * within the ranges 5431-5455 or 8191-8215 … For clusters with dc2 nodes - 1150-65535" [M].
 */

export type NodeFamily = "dc2" | "ra3" | "rg";

export interface NodeTypeSpec {
  readonly family: NodeFamily;
  /** 1 when a single-node cluster of this type is allowed, else 2. */
  readonly minNodes: number;
  readonly maxNodes: number;
  /** Storage per node in MiB (managed storage quota for RA3/RG). */
  readonly storageMiB: number;
}

const TiB = 1024 * 1024;

export const NODE_TYPES = {
  "dc2.large": { family: "dc2", minNodes: 1, maxNodes: 32, storageMiB: 160 * 1024 },
  "dc2.8xlarge": { family: "dc2", minNodes: 2, maxNodes: 128, storageMiB: 2.56 * TiB },
  "ra3.large": { family: "ra3", minNodes: 1, maxNodes: 16, storageMiB: 8 * TiB },
  "ra3.xlplus": { family: "ra3", minNodes: 1, maxNodes: 32, storageMiB: 32 * TiB },
  "ra3.4xlarge": { family: "ra3", minNodes: 2, maxNodes: 64, storageMiB: 128 * TiB },
  "ra3.16xlarge": { family: "ra3", minNodes: 2, maxNodes: 128, storageMiB: 128 * TiB },
  "rg.large": { family: "rg", minNodes: 1, maxNodes: 16, storageMiB: 8 * TiB },
  "rg.xlarge": { family: "rg", minNodes: 1, maxNodes: 32, storageMiB: 32 * TiB },
  "rg.4xlarge": { family: "rg", minNodes: 2, maxNodes: 64, storageMiB: 128 * TiB },
  "rg.12xlarge": { family: "rg", minNodes: 2, maxNodes: 128, storageMiB: 128 * TiB },
} as const satisfies Record<string, NodeTypeSpec>;

export type NodeTypeName = keyof typeof NODE_TYPES;
export const NODE_TYPE_NAMES = Object.keys(NODE_TYPES) as NodeTypeName[];

export function nodeTypeSpec(nodeType: string): NodeTypeSpec | undefined {
  return Object.prototype.hasOwnProperty.call(NODE_TYPES, nodeType) ? NODE_TYPES[nodeType as NodeTypeName] : undefined;
}

/**
 * Relocation, Multi-AZ and managed endpoints are for `ra3.*` clusters
 * (https://docs.aws.amazon.com/redshift/latest/mgmt/managing-cluster-recovery.html).
 */
export function isRa3(nodeType: string): boolean {
  return nodeType.startsWith("ra3.");
}

export const DEFAULT_PORT = 5439;

const MANAGED_STORAGE_PORTS: readonly (readonly [number, number])[] = [
  [5431, 5455],
  [8191, 8215],
];
const DC2_PORTS: readonly (readonly [number, number])[] = [[1150, 65535]];

export function portRanges(nodeType: string): readonly (readonly [number, number])[] {
  return nodeTypeSpec(nodeType)?.family === "dc2" ? DC2_PORTS : MANAGED_STORAGE_PORTS;
}

export function portAllowed(nodeType: string, port: number): boolean {
  return portRanges(nodeType).some(([lo, hi]) => port >= lo && port <= hi);
}

export function describePortRanges(nodeType: string): string {
  return portRanges(nodeType)
    .map(([lo, hi]) => `${lo}-${hi}`)
    .join(" or ");
}

export function totalStorageMiB(nodeType: string, numberOfNodes: number): number | undefined {
  const spec = nodeTypeSpec(nodeType);
  return spec === undefined ? undefined : Math.round(spec.storageMiB * numberOfNodes);
}
