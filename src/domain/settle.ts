/**
 * Settling: completes every lifecycle transition that is due, and runs every scheduled action that is due, inside the request's transaction and
 * before the operation runs, so each response reflects the time of the request. Completing one
 * transition may start others (a deleted cluster drives its endpoints to `deleting`); with zero
 * delays those are due at once and settle in the same pass.
 *
 * Several server instances may share one database: every settle runs in a write transaction that
 * the store serialises (SQLite: one writer; PostgreSQL: SERIALIZABLE, retried), so a transition is
 * applied once. As a second line, a transition whose row is already gone (`update`/`remove` report
 * false) is not applied again and has no further effect.
 *
 * A transition a fault rule holds (`ctx.held`) is skipped: the resource keeps its transitional
 * status until the rule is removed or expires (the first BATCH due rows of a kind are looked at).
 */
import { removeGrantsOf } from "./snapshot-sharing/shared.js";
import type { DomainContext } from "./context.js";
import type { Cluster, ClusterSnapshot, Endpoint, ScheduledAction } from "./entities.js";
import { beginTransition, TRANSITIONS } from "./lifecycle.js";
import { clusterGone } from "./clusters/cascade.js";
import { applyIamRoleChanges } from "./clusters/iam-roles.js";
import { applyPendingModifications } from "./clusters/pending.js";
import { endpointGone } from "./endpoints/cascade.js";
import { runScheduledAction } from "./scheduled-actions/run.js";
import { takeAutomatedSnapshot } from "./snapshots/automated.js";
import { completeSnapshot } from "./snapshots/rules.js";

const BATCH = 100;
const MAX_ROUNDS = 50;

export async function settle(ctx: DomainContext): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // One probe decides whether there is anything to read at all: the common case (nothing due)
    // costs at most one statement. A pass that read every due row ends without another.
    if (!(await ctx.tx.anyDue(ctx.now))) return;
    const dueClusters = await ctx.tx.clusters.due(ctx.now, BATCH);
    const dueEndpoints = await ctx.tx.endpoints.due(ctx.now, BATCH);
    const actions = await ctx.tx.scheduledActions.due(ctx.now, BATCH);
    const snapshots = await ctx.tx.snapshots.due(ctx.now, BATCH);
    // Fewer than a batch of every kind: this pass reads every row due at `now`.
    const readAll = [dueClusters, dueEndpoints, actions, snapshots].every((rows) => rows.length < BATCH);
    const clusters = dueClusters.filter((e) => !isHeld(ctx, e));
    const endpoints = dueEndpoints.filter((e) => !isHeld(ctx, e));
    if (clusters.length === 0 && endpoints.length === 0 && actions.length === 0 && snapshots.length === 0) return;
    const due: (
      | { kind: "clusters"; e: Cluster; at: number }
      | { kind: "endpoints"; e: Endpoint; at: number }
      | { kind: "actions"; e: ScheduledAction; at: number }
      | { kind: "snapshots"; e: ClusterSnapshot; at: number }
    )[] = [
      ...clusters.map((e) => ({ kind: "clusters" as const, e, at: e.pending?.at ?? e.dueAt! })),
      ...endpoints.map((e) => ({ kind: "endpoints" as const, e, at: e.pending!.at })),
      ...actions.map((e) => ({ kind: "actions" as const, e, at: e.dueAt! })),
      ...snapshots.map((e) => ({ kind: "snapshots" as const, e, at: e.pending?.at ?? e.dueAt! })),
    ];
    due.sort((a, b) => a.at - b.at);
    for (let i = 0; i < due.length; i++) {
      const item = due[i]!;
      if (item.kind === "clusters") {
        // An earlier item may have changed or removed it; the first is as `due` just read it.
        const cluster = i === 0 ? item.e : await ctx.tx.clusters.get(item.e, item.e.id);
        if (cluster === undefined) continue;
        if (cluster.pending !== undefined) {
          if (cluster.pending.at <= ctx.now) await completeCluster(ctx, cluster);
        } else if (cluster.dueAt !== undefined && cluster.dueAt <= ctx.now) await takeAutomatedSnapshot(ctx, cluster);
      } else if (item.kind === "endpoints") await completeEndpoint(ctx, item.e);
      else if (item.kind === "snapshots") await settleSnapshot(ctx, item.e);
      else await runScheduledAction(ctx, await freshAction(ctx, item.e));
    }
    // Every due row was read and settled (or is held, and would be skipped again): another pass is
    // needed only for a row this one made due by now (a cascade with zero delays).
    if (readAll && !ctx.tx.wroteDueBy(ctx.now)) return;
  }
}

/** A transition a fault rule holds (a cluster due only for its next automated snapshot has none to hold). */
function isHeld(ctx: DomainContext, e: Cluster | Endpoint): boolean {
  return ctx.held !== undefined && e.pending !== undefined && ctx.held(e.pending.transition, e, ctx.now);
}

async function completeCluster(ctx: DomainContext, cluster: Cluster): Promise<void> {
  const transition = TRANSITIONS[cluster.pending!.transition];
  if (transition.to === null) {
    await clusterGone(ctx, cluster);
    return;
  }
  if (cluster.pending!.transition === "cluster-final-snapshot") {
    // The final snapshot is taken: the cluster now deletes.
    beginTransition(cluster, "cluster-delete", cluster.pending!.at, ctx.delays);
    await ctx.tx.clusters.update(cluster);
    return;
  }
  arrive(cluster);
  await ctx.tx.clusters.update(cluster); // false: removed meanwhile; nothing else depends on it
}

/** A cluster's transition to a status (not to gone) completes. */
function arrive(cluster: Cluster): void {
  // A completed reboot applies every parameter change that was waiting for it.
  if (cluster.pending!.transition === "cluster-reboot") cluster.pendingReboot = undefined;
  cluster.status = TRANSITIONS[cluster.pending!.transition].to as Cluster["status"];
  cluster.pending = undefined;
  applyPendingModifications(cluster);
  applyIamRoleChanges(cluster);
}

async function completeEndpoint(ctx: DomainContext, endpoint: Endpoint): Promise<void> {
  if (TRANSITIONS[endpoint.pending!.transition].to === null) {
    await endpointGone(ctx, endpoint);
    return;
  }
  arriveEndpoint(endpoint);
  await ctx.tx.endpoints.update(endpoint);
}

/** An endpoint's transition to a status (not to gone) completes. */
function arriveEndpoint(endpoint: Endpoint): void {
  endpoint.status = TRANSITIONS[endpoint.pending!.transition].to as Endpoint["status"];
  endpoint.pending = undefined;
}

/*
 * The row a create stores (CreateCluster, RestoreFromClusterSnapshot, CreateEndpointAccess). A
 * create whose delay is 0 is due as it starts: unless a hold rule takes it, the row is stored as
 * settling would leave it, and the create answers with the transitional entity it was given
 * (`creating`). Every later request reads what it would read had it settled the create itself (each
 * request settles first), but the create costs one write, not a write now and a due read and an
 * update in the next request.
 */

/** The cluster row a create stores: `created` itself, or settled when it is due at once. */
export function storedCluster(ctx: DomainContext, created: Cluster): Cluster {
  return storedOnCreate(ctx, created, arrive);
}

/** The endpoint row a create stores: `created` itself, or settled when it is due at once. */
export function storedEndpoint(ctx: DomainContext, created: Endpoint): Endpoint {
  return storedOnCreate(ctx, created, arriveEndpoint);
}

/** A copy of `created` that `arriveAt` settled, when its transition is due at once and not held. */
function storedOnCreate<E extends Cluster | Endpoint>(ctx: DomainContext, created: E, arriveAt: (e: E) => void): E {
  if (created.pending === undefined || created.pending.at > ctx.now || isHeld(ctx, created)) return created;
  const stored = { ...created };
  arriveAt(stored);
  return stored;
}

/** A snapshot's `snapshot-create` completes, or its retention has run out and it is deleted. */
async function settleSnapshot(ctx: DomainContext, snapshot: ClusterSnapshot): Promise<void> {
  const current = await ctx.tx.snapshots.get(snapshot, snapshot.id);
  if (!current) return;
  if (current.pending !== undefined) {
    if (current.pending.at > ctx.now) return;
    completeSnapshot(current, current.pending.at);
    await ctx.tx.snapshots.update(current);
    return;
  }
  if (current.dueAt !== undefined && current.dueAt <= ctx.now) {
    await ctx.tx.snapshots.remove(current, current.id);
    await removeGrantsOf(ctx, current);
  }
}

/** The action as stored now (an earlier item of the batch cannot change it, but a re-read is cheap and safe). */
async function freshAction(ctx: DomainContext, action: ScheduledAction): Promise<ScheduledAction> {
  return (await ctx.tx.scheduledActions.get(action, action.id)) ?? action;
}
