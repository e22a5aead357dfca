/** DescribeClusterTracks: the maintenance tracks with their database versions and update targets. */
import { describeClusterTracks } from "../../../domain/catalog/catalog.js";
import { integer, list, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { MaintenanceTrackShape, trackToWire } from "./shapes.js";

export const DescribeClusterTracksInput = structure({ MaintenanceTrackName: string(), MaxRecords: integer(), Marker: string() });

export const DescribeClusterTracksOutput = structure({ MaintenanceTracks: list(MaintenanceTrackShape, "MaintenanceTrack"), Marker: string() });

export const DescribeClusterTracks = operation({
  readOnly: true,
  input: DescribeClusterTracksInput,
  output: DescribeClusterTracksOutput,
  handler: async (_ctx, input) => {
    const page = describeClusterTracks(input);
    return { MaintenanceTracks: page.items.map(trackToWire), Marker: page.marker };
  },
});
