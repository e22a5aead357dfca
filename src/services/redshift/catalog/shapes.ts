/**
 * Wire shapes of the catalog operations (list item names are the model's locationName of each list
 * member: `<ClusterVersions><ClusterVersion>`, `<OrderableClusterOptions><OrderableClusterOption>`,
 * `<AvailabilityZones><AvailabilityZone>`, `<MaintenanceTracks><MaintenanceTrack>`,
 * `<UpdateTargets><UpdateTarget>`, `<SupportedOperations><SupportedOperation>`).
 */
import type { ClusterVersionInfo, MaintenanceTrackInfo, OrderableOption } from "../../../domain/catalog/catalog.js";
import { list, string, structure, type ValueOf } from "../../../protocol/shapes.js";

export const ClusterVersionShape = structure({ ClusterVersion: string(), ClusterParameterGroupFamily: string(), Description: string() });

const AvailabilityZoneShape = structure({ Name: string(), SupportedPlatforms: list(structure({ Name: string() }), "SupportedPlatform") });

export const OrderableClusterOptionShape = structure({
  ClusterVersion: string(),
  ClusterType: string(),
  NodeType: string(),
  AvailabilityZones: list(AvailabilityZoneShape, "AvailabilityZone"),
});

const UpdateTargetShape = structure({
  MaintenanceTrackName: string(),
  DatabaseVersion: string(),
  SupportedOperations: list(structure({ OperationName: string() }), "SupportedOperation"),
});

export const MaintenanceTrackShape = structure({
  MaintenanceTrackName: string(),
  DatabaseVersion: string(),
  UpdateTargets: list(UpdateTargetShape, "UpdateTarget"),
});

export function clusterVersionToWire(v: ClusterVersionInfo): ValueOf<typeof ClusterVersionShape> {
  return { ClusterVersion: v.clusterVersion, ClusterParameterGroupFamily: v.parameterGroupFamily, Description: v.description };
}

/** AWS's CLI example lists each zone by name only (no SupportedPlatforms). */
export function orderableOptionToWire(o: OrderableOption): ValueOf<typeof OrderableClusterOptionShape> {
  return { ClusterVersion: o.clusterVersion, ClusterType: o.clusterType, NodeType: o.nodeType, AvailabilityZones: o.availabilityZones.map((Name) => ({ Name })) };
}

export function trackToWire(t: MaintenanceTrackInfo): ValueOf<typeof MaintenanceTrackShape> {
  return {
    MaintenanceTrackName: t.maintenanceTrackName,
    DatabaseVersion: t.databaseVersion,
    UpdateTargets: t.updateTargets.map((u) => ({
      MaintenanceTrackName: u.maintenanceTrackName,
      DatabaseVersion: u.databaseVersion,
      SupportedOperations: u.supportedOperations.map((OperationName) => ({ OperationName })),
    })),
  };
}
