/**
 * What a cluster's status means to callers: the `ClusterAvailabilityStatus` tools wait on, the state
 * checks of mutating calls, and eligibility for Redshift-managed VPC endpoints.
 */
import type { Cluster, ClusterStatus } from "../entities.js";
import { InvalidClusterState } from "../errors.js";
import { isRa3 } from "./node-types.js";

/**
 * ClusterAvailabilityStatus [M: "Available | Unavailable | Maintenance | Modifying | Failed"; Paused
 * seen in real output]: Modifying whenever the cluster is between states, creating and deleting
 * included. Evidence: real `aws redshift create-cluster` output shows `"ClusterStatus": "creating",
 * "ClusterAvailabilityStatus": "Modifying"` (vdesabou/kafka-docker-playground issues #7372, #7412),
 * and the Terraform AWS provider's waitClusterDeleted (internal/service/redshift/wait.go) accepts only
 * Maintenance or Modifying while a cluster is deleting, so `Unavailable` there fails `terraform
 * destroy` with "unexpected state".
 */
const AVAILABILITY: Readonly<Record<ClusterStatus, string>> = {
  creating: "Modifying",
  available: "Available",
  modifying: "Modifying",
  pausing: "Modifying",
  paused: "Paused",
  resuming: "Modifying",
  rebooting: "Modifying",
  "final-snapshot": "Modifying",
  deleting: "Modifying",
};

export function availabilityStatus(status: ClusterStatus): string {
  return AVAILABILITY[status];
}

/** Statuses in which an operation is running on the cluster (it leaves them by itself). */
const TRANSITIONAL: ReadonlySet<ClusterStatus> = new Set(["creating", "modifying", "pausing", "resuming", "rebooting", "deleting"]);

/**
 * AWS's text while an operation runs, as real answers show it ("There is an operation running on
 * the Cluster. Please try to delete it at a later time.", ansible/ansible issue #52940; Terraform's
 * provider retries EnableLogging/DisableLogging on InvalidClusterState only when the message
 * contains "There is an operation running on the Cluster", internal/service/redshift/logging.go).
 */
export const OPERATION_RUNNING = "There is an operation running on the Cluster. Please try again later.";

/**
 * Mutating calls need the cluster in one of `allowed` (normally just `available`), else
 * InvalidClusterState: AWS's "operation running" text while the cluster is between states, else one
 * naming the status.
 */
export function requireStatus(cluster: Cluster, allowed: readonly ClusterStatus[] = ["available"]): void {
  if (allowed.includes(cluster.status)) return;
  if (TRANSITIONAL.has(cluster.status)) throw new InvalidClusterState(`${OPERATION_RUNNING} (The cluster ${cluster.id} is ${cluster.status}.)`);
  throw new InvalidClusterState(
    allowed.length === 1 && allowed[0] === "available"
      ? `The cluster ${cluster.id} is not in the available state (it is ${cluster.status}).`
      : `The cluster ${cluster.id} is ${cluster.status}; this operation needs it to be ${allowed.join(" or ")}.`,
  );
}

/**
 * Endpoints and grants need an `ra3.*` cluster with relocation enabled or Multi-AZ
 * (https://docs.aws.amazon.com/redshift/latest/mgmt/managing-cluster-cross-vpc.html).
 */
export function supportsManagedEndpoints(cluster: Pick<Cluster, "nodeType" | "azRelocation" | "multiAz">): boolean {
  return isRa3(cluster.nodeType) && (cluster.azRelocation || cluster.multiAz);
}
