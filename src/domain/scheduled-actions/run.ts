/**
 * Running a due scheduled action (called by settle): the target operation runs on the cluster as if
 * the action's owner had called it at the due time; when the cluster is missing or in a state that
 * does not allow it, the run is skipped (AWS records the failure as an event) and the action moves
 * on to its next invocation. An `at()` action, or one past its EndTime, then has no due time left.
 */
import type { DomainContext } from "../context.js";
import type { ScheduledAction } from "../entities.js";
import { AwsError } from "../errors.js";
import { pauseCluster, resumeCluster } from "../clusters/actions.js";
import { modifyCluster } from "../clusters/modify.js";
import { nextRun } from "./operations.js";

export async function runScheduledAction(ctx: DomainContext, action: ScheduledAction): Promise<void> {
  const at = action.dueAt!;
  const owner: DomainContext = { ...ctx, scope: { account: action.account, region: action.region } };
  try {
    const id = action.target.ClusterIdentifier;
    if (action.targetType === "PauseCluster") await pauseCluster(owner, id);
    else if (action.targetType === "ResumeCluster") await resumeCluster(owner, id);
    else {
      const t = action.target;
      await modifyCluster(owner, { ClusterIdentifier: id, ClusterType: t.ClusterType, NodeType: t.NodeType, NumberOfNodes: t.NumberOfNodes });
    }
    action.lastRun = { at, outcome: "succeeded" };
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    action.lastRun = { at, outcome: "skipped", reason: `${err.code}: ${err.message}` };
  }
  action.dueAt = nextRun(action, ctx.now); // runs missed while the clock jumped are not made up
  await ctx.tx.scheduledActions.update(action);
}
