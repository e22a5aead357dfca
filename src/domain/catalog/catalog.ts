/**
 * The Redshift catalogs tools read before they create anything: cluster versions, orderable cluster
 * options (node type × cluster type × zones) and maintenance tracks. Declared as data.
 *
 * AWS documents the shapes (https://docs.aws.amazon.com/redshift/latest/APIReference/API_DescribeClusterVersions.html,
 * API_DescribeOrderableClusterOptions.html, API_DescribeClusterTracks.html) and the CLI examples show
 * one version `1.0` of family `redshift-1.0`, one option per node type and cluster type with the
 * region's zones, and the tracks `current` and `trailing`. The build numbers are ours
 * (docs/differences-from-aws.md, Catalogs).
 */
import { InvalidClusterTrack } from "../errors.js";
import { NODE_TYPE_NAMES, nodeTypeSpec } from "../clusters/node-types.js";
import { availabilityZones } from "../network/defaults.js";
import { pageSize, type Page } from "../pagination.js";
import { paginateList } from "../parameter-groups/operations.js";

export interface ClusterVersionInfo {
  readonly clusterVersion: string;
  readonly parameterGroupFamily: string;
  readonly description: string;
}

export const CLUSTER_VERSIONS: readonly ClusterVersionInfo[] = [
  { clusterVersion: "1.0", parameterGroupFamily: "redshift-1.0", description: "Initial release of redshift" },
];

export interface VersionFilter {
  ClusterVersion?: string | undefined;
  ClusterParameterGroupFamily?: string | undefined;
  MaxRecords?: number | undefined;
  Marker?: string | undefined;
}

const given = (v: string | undefined): v is string => v !== undefined && v !== "";

/** A version or family no release has answers an empty list (a filter, not a lookup). */
export function describeClusterVersions(req: VersionFilter): Page<ClusterVersionInfo> {
  pageSize(req.MaxRecords);
  const matching = CLUSTER_VERSIONS.filter(
    (v) =>
      (!given(req.ClusterVersion) || v.clusterVersion === req.ClusterVersion) &&
      (!given(req.ClusterParameterGroupFamily) || v.parameterGroupFamily === req.ClusterParameterGroupFamily),
  );
  return paginateList(matching, (v) => v.clusterVersion, req);
}

export interface OrderableOption {
  readonly clusterVersion: string;
  readonly clusterType: "multi-node" | "single-node";
  readonly nodeType: string;
  readonly availabilityZones: readonly string[];
}

export interface OrderableFilter {
  ClusterVersion?: string | undefined;
  NodeType?: string | undefined;
  MaxRecords?: number | undefined;
  Marker?: string | undefined;
}

/**
 * Every node type the product creates, per version: `multi-node` for all, `single-node` too where one
 * node is allowed (src/domain/clusters/node-types.ts), each with the region's zones. Unknown filter
 * values answer an empty list.
 */
export function orderableClusterOptions(region: string): OrderableOption[] {
  const zones = availabilityZones(region);
  const options: OrderableOption[] = [];
  for (const version of CLUSTER_VERSIONS) {
    for (const nodeType of NODE_TYPE_NAMES) {
      options.push({ clusterVersion: version.clusterVersion, clusterType: "multi-node", nodeType, availabilityZones: zones });
      if (nodeTypeSpec(nodeType)!.minNodes === 1) {
        options.push({ clusterVersion: version.clusterVersion, clusterType: "single-node", nodeType, availabilityZones: zones });
      }
    }
  }
  return options;
}

export function describeOrderableClusterOptions(region: string, req: OrderableFilter): Page<OrderableOption> {
  pageSize(req.MaxRecords);
  const matching = orderableClusterOptions(region).filter(
    (o) => (!given(req.ClusterVersion) || o.clusterVersion === req.ClusterVersion) && (!given(req.NodeType) || o.nodeType === req.NodeType),
  );
  return paginateList(matching, (o) => `${o.clusterVersion}/${o.nodeType}/${o.clusterType}`, req);
}

export interface UpdateTargetInfo {
  readonly maintenanceTrackName: string;
  readonly databaseVersion: string;
  readonly supportedOperations: readonly string[];
}

export interface MaintenanceTrackInfo {
  readonly maintenanceTrackName: string;
  readonly databaseVersion: string;
  readonly updateTargets: readonly UpdateTargetInfo[];
}

/** The build each track runs; a cluster's ClusterRevisionNumber is its track's build. */
export const TRACK_BUILDS: Readonly<Record<string, string>> = { current: "77467", trailing: "76969" };

/** Operations that move a cluster to another track, as the CLI example lists them. */
const TRACK_CHANGE_OPERATIONS = ["restore-from-cluster-snapshot", "modify-cluster"];

export const MAINTENANCE_TRACKS: readonly MaintenanceTrackInfo[] = [
  {
    maintenanceTrackName: "current",
    databaseVersion: `1.0.${TRACK_BUILDS["current"]!}`,
    updateTargets: [{ maintenanceTrackName: "trailing", databaseVersion: `1.0.${TRACK_BUILDS["trailing"]!}`, supportedOperations: TRACK_CHANGE_OPERATIONS }],
  },
  {
    maintenanceTrackName: "trailing",
    databaseVersion: `1.0.${TRACK_BUILDS["trailing"]!}`,
    updateTargets: [{ maintenanceTrackName: "current", databaseVersion: `1.0.${TRACK_BUILDS["current"]!}`, supportedOperations: TRACK_CHANGE_OPERATIONS }],
  },
];

export function isMaintenanceTrack(name: string): boolean {
  return MAINTENANCE_TRACKS.some((t) => t.maintenanceTrackName === name);
}

/** The revision a cluster on `track` reports (the `current` build for a track we do not list). */
export function clusterRevisionNumber(track: string): string {
  return TRACK_BUILDS[track] ?? TRACK_BUILDS["current"]!;
}

export interface TrackFilter {
  MaintenanceTrackName?: string | undefined;
  MaxRecords?: number | undefined;
  Marker?: string | undefined;
}

/** A named track that does not exist is `InvalidClusterTrack` (the operation's modelled fault). */
export function describeClusterTracks(req: TrackFilter): Page<MaintenanceTrackInfo> {
  pageSize(req.MaxRecords);
  if (given(req.MaintenanceTrackName)) {
    const track = MAINTENANCE_TRACKS.find((t) => t.maintenanceTrackName === req.MaintenanceTrackName);
    if (track === undefined) throw new InvalidClusterTrack(`Maintenance track ${req.MaintenanceTrackName} is not valid.`);
    return paginateList([track], (t) => t.maintenanceTrackName, req);
  }
  return paginateList(MAINTENANCE_TRACKS, (t) => t.maintenanceTrackName, req);
}
