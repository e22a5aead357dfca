/**
 * The catalog and credential shape tables proved against the official SDK, both ways, without a
 * server: each request decodes to the command's input, and every output member we declare parses
 * back (`<ClusterVersions><ClusterVersion>`, `<OrderableClusterOptions><OrderableClusterOption>`,
 * `<AvailabilityZones><AvailabilityZone>`, `<SupportedPlatforms><SupportedPlatform>`,
 * `<MaintenanceTracks><MaintenanceTrack>`, `<UpdateTargets><UpdateTarget>`,
 * `<SupportedOperations><SupportedOperation>`, `DbGroups.DbGroup.N`).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  DescribeClusterTracksCommand,
  DescribeClusterVersionsCommand,
  DescribeOrderableClusterOptionsCommand,
  GetClusterCredentialsCommand,
  GetClusterCredentialsWithIAMCommand,
  RedshiftClient,
} from "@aws-sdk/client-redshift";
import { CLUSTER_VERSIONS, MAINTENANCE_TRACKS, orderableClusterOptions } from "../../src/domain/catalog/catalog.js";
import { redshift } from "../../src/services/redshift/index.js";
import {
  ClusterVersionShape,
  MaintenanceTrackShape,
  OrderableClusterOptionShape,
  clusterVersionToWire,
  orderableOptionToWire,
  trackToWire,
} from "../../src/services/redshift/catalog/shapes.js";
import { GetClusterCredentialsOutput } from "../../src/services/redshift/credentials/get-cluster-credentials.js";
import { GetClusterCredentialsWithIAMOutput } from "../../src/services/redshift/credentials/get-cluster-credentials-with-iam.js";
import { assertPopulated, plain, roundTrip as sharedRoundTrip } from "./roundtrip.js";

async function roundTrip(name: string, command: { input: object }, output: Record<string, unknown> | undefined): Promise<unknown> {
  return (await sharedRoundTrip(RedshiftClient, redshift, name, command, output)).parsed;
}

const NOW = Date.UTC(2026, 2, 4, 5, 6, 7, 890);
const VERSION = clusterVersionToWire(CLUSTER_VERSIONS[0]!);
const BASE_OPTION = orderableOptionToWire(orderableClusterOptions("us-east-1")[0]!);
/** SupportedPlatforms is never answered (AWS's examples list zones by name); set here to prove the item name. */
const OPTION = { ...BASE_OPTION, AvailabilityZones: BASE_OPTION.AvailabilityZones!.map((z) => ({ ...z, SupportedPlatforms: [{ Name: "VPC" }] })) };
const TRACK = trackToWire(MAINTENANCE_TRACKS[0]!);

describe("Catalog and credential shapes round-trip through @aws-sdk/client-redshift", () => {
  it("the fixtures populate every member the catalog shapes declare", () => {
    assertPopulated(ClusterVersionShape, VERSION, "ClusterVersion");
    assertPopulated(OrderableClusterOptionShape, OPTION, "OrderableClusterOption");
    assertPopulated(MaintenanceTrackShape, TRACK, "MaintenanceTrack");
  });

  it("DescribeClusterVersions: filters decode; <ClusterVersions><ClusterVersion> and the Marker parse", async () => {
    const out = { Marker: "rl1.next", ClusterVersions: [VERSION] };
    const command = new DescribeClusterVersionsCommand({ ClusterVersion: "1.0", ClusterParameterGroupFamily: "redshift-1.0", MaxRecords: 20, Marker: "rl1.x" });
    assert.deepEqual(await roundTrip("DescribeClusterVersions", command, out), plain(out));
    assert.deepEqual(await roundTrip("DescribeClusterVersions", new DescribeClusterVersionsCommand({}), { ClusterVersions: [] }), { ClusterVersions: [] });
  });

  it("DescribeOrderableClusterOptions: filters decode; options with their zones and platforms parse", async () => {
    const out = { Marker: "rl1.next", OrderableClusterOptions: [OPTION, BASE_OPTION] };
    const command = new DescribeOrderableClusterOptionsCommand({ ClusterVersion: "1.0", NodeType: "ra3.xlplus", MaxRecords: 20, Marker: "rl1.x" });
    assert.deepEqual(await roundTrip("DescribeOrderableClusterOptions", command, out), plain(out));
  });

  it("DescribeClusterTracks: the request decodes; tracks, update targets and supported operations parse", async () => {
    const out = { Marker: "rl1.next", MaintenanceTracks: [TRACK, trackToWire(MAINTENANCE_TRACKS[1]!)] };
    const command = new DescribeClusterTracksCommand({ MaintenanceTrackName: "current", MaxRecords: 20, Marker: "rl1.x" });
    assert.deepEqual(await roundTrip("DescribeClusterTracks", command, out), plain(out));
  });

  it("GetClusterCredentials: every request member (DbGroups.DbGroup.N) decodes; the credentials parse", async () => {
    const out = { DbUser: "IAMA:etl", DbPassword: "p+/=&<x>", Expiration: NOW };
    assertPopulated(GetClusterCredentialsOutput, out, "ClusterCredentials");
    const command = new GetClusterCredentialsCommand({
      DbUser: "etl",
      DbName: "dev",
      ClusterIdentifier: "analytics",
      DurationSeconds: 3600,
      AutoCreate: true,
      DbGroups: ["loaders", "readers"],
      CustomDomainName: "db.example.com",
    });
    assert.deepEqual(await roundTrip("GetClusterCredentials", command, out), plain(out));
  });

  it("GetClusterCredentialsWithIAM: every request member decodes; the extended credentials parse", async () => {
    const out = { DbUser: "IAM:root", DbPassword: "secret", Expiration: NOW, NextRefreshTime: NOW - 1000 };
    assertPopulated(GetClusterCredentialsWithIAMOutput, out, "ClusterExtendedCredentials");
    const command = new GetClusterCredentialsWithIAMCommand({ DbName: "dev", ClusterIdentifier: "analytics", DurationSeconds: 900, CustomDomainName: "db.example.com" });
    assert.deepEqual(await roundTrip("GetClusterCredentialsWithIAM", command, out), plain(out));
  });
});
