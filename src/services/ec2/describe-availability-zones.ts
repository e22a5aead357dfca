/** DescribeAvailabilityZones: the region's three zones, by name or id, by filter. */
import { describeAvailabilityZones } from "../../domain/network/zones.js";
import { boolean, list, named, string, structure } from "../../protocol/shapes.js";
import { ec2Operation } from "./ec2-operation.js";
import { AvailabilityZone, DryRun, Filters } from "./shapes.js";
import { zoneView } from "./views.js";

export const DescribeAvailabilityZones = ec2Operation({
  readOnly: true,
  input: structure({
    ZoneNames: named("ZoneName", list(string(), "ZoneName")),
    ZoneIds: named("ZoneId", list(string(), "ZoneId")),
    // Local and Wavelength zones are not emulated, so "all zones" are the region's three.
    AllAvailabilityZones: boolean,
    DryRun,
    Filters,
  }),
  output: structure({ AvailabilityZones: named("availabilityZoneInfo", list(AvailabilityZone, "item")) }),
  handler: async (ctx, input) => {
    const zones = describeAvailabilityZones(ctx.scope.region, { zoneNames: input.ZoneNames, zoneIds: input.ZoneIds, filters: input.Filters });
    return { AvailabilityZones: zones.map(zoneView) };
  },
});
