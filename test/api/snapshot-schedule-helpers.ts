import { ModifyClusterSnapshotScheduleCommand } from "@aws-sdk/client-redshift";
import type { Clients } from "../helpers.js";

export const associate = (c: Clients, cluster: string, schedule: string) =>
  c.redshift.send(new ModifyClusterSnapshotScheduleCommand({ ClusterIdentifier: cluster, ScheduleIdentifier: schedule }));
