/**
 * Availability zones of a region. Every region has the three zones `<region>a`, `b`, `c`
 * (docs/differences-from-aws.md, EC2);
 * their zone ids follow AWS's naming (`use1-az1`, `euw1-az2`, `apse2-az3`).
 *
 * Divergence: AWS maps zone names to zone ids differently per account (`us-east-1a` may be `use1-az4`
 * in one account and `use1-az6` in another); here the mapping is the same for every account, a→az1,
 * b→az2, c→az3, so ids are predictable in tests.
 */
import { InvalidParameterValue } from "../errors.js";
import { availabilityZones } from "./defaults.js";
import { NONE, compileFilters, type FilterInput, type FilterTable } from "./filters.js";

export interface AvailabilityZoneInfo {
  readonly zoneName: string;
  readonly zoneId: string;
  readonly regionName: string;
  readonly state: "available";
  readonly zoneType: "availability-zone";
  readonly optInStatus: "opt-in-not-required";
  /** AWS's zone group of a standard zone: `<region>-zg-1`. */
  readonly groupName: string;
  readonly networkBorderGroup: string;
}

const DIRECTIONS: Readonly<Record<string, string>> = {
  north: "n",
  south: "s",
  east: "e",
  west: "w",
  central: "c",
  northeast: "ne",
  northwest: "nw",
  southeast: "se",
  southwest: "sw",
  gov: "g",
  iso: "i",
  isob: "ib",
};

/** `us-east-1` → `use1`, `ap-southeast-2` → `apse2`, `us-gov-west-1` → `usgw1`. */
export function regionCode(region: string): string {
  const parts = region.toLowerCase().split("-");
  if (parts.length < 2) return parts[0]!.replace(/[^a-z0-9]/g, "");
  const [first, ...rest] = parts;
  return first + rest.map((p) => (/^[0-9]+$/.test(p) ? p : (DIRECTIONS[p] ?? p.charAt(0)))).join("");
}

export function regionZones(region: string): AvailabilityZoneInfo[] {
  const code = regionCode(region);
  return availabilityZones(region).map((zoneName, i) => ({
    zoneName,
    zoneId: `${code}-az${i + 1}`,
    regionName: region,
    state: "available",
    zoneType: "availability-zone",
    optInStatus: "opt-in-not-required",
    groupName: `${region}-zg-1`,
    networkBorderGroup: region,
  }));
}

export function zoneByName(region: string, zoneName: string): AvailabilityZoneInfo | undefined {
  return regionZones(region).find((z) => z.zoneName === zoneName);
}

export function zoneById(region: string, zoneId: string): AvailabilityZoneInfo | undefined {
  return regionZones(region).find((z) => z.zoneId === zoneId);
}

/** The ARN partition of a region: `aws-cn` for China, `aws-us-gov` for GovCloud, else `aws`. */
export function arnPartition(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/** DescribeAvailabilityZones filters (EC2 API Reference, DescribeAvailabilityZones "Filters"). */
export const ZONE_FILTERS: FilterTable<AvailabilityZoneInfo> = {
  "zone-name": { values: (z) => [z.zoneName] },
  "zone-id": { values: (z) => [z.zoneId] },
  "region-name": { values: (z) => [z.regionName] },
  state: { values: (z) => [z.state] },
  "zone-type": { values: (z) => [z.zoneType] },
  "opt-in-status": { values: (z) => [z.optInStatus] },
  "group-name": { values: (z) => [z.groupName] },
  "group-long-name": { values: NONE },
  message: { values: NONE },
  "parent-zone-id": { values: NONE },
  "parent-zone-name": { values: NONE },
};

export interface DescribeZonesRequest {
  readonly zoneNames?: readonly string[] | undefined;
  readonly zoneIds?: readonly string[] | undefined;
  readonly filters?: readonly FilterInput[] | undefined;
}

/** The region's zones, restricted to the named ones (each must exist) and to the filters. */
export function describeAvailabilityZones(region: string, req: DescribeZonesRequest): AvailabilityZoneInfo[] {
  const filters = compileFilters(ZONE_FILTERS, req.filters);
  const zones = regionZones(region);
  const unknownNames = (req.zoneNames ?? []).filter((n) => !zones.some((z) => z.zoneName === n));
  if (unknownNames.length > 0) throw new InvalidParameterValue(`Invalid availability zone: [${unknownNames.join(", ")}]`);
  const unknownIds = (req.zoneIds ?? []).filter((id) => !zones.some((z) => z.zoneId === id));
  if (unknownIds.length > 0) throw new InvalidParameterValue(`Invalid availability zone ID: [${unknownIds.join(", ")}]`);
  const named = req.zoneNames !== undefined || req.zoneIds !== undefined;
  return zones.filter(
    (z) => (!named || req.zoneNames?.includes(z.zoneName) === true || req.zoneIds?.includes(z.zoneId) === true) && filters.matches(z),
  );
}
