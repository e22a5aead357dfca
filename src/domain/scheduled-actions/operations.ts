/**
 * CreateScheduledAction, DescribeScheduledActions, ModifyScheduledAction and DeleteScheduledAction
 * (docs/differences-from-aws.md, Scheduled actions). An enabled action's next run is its `dueAt`,
 * which the store indexes like a lifecycle transition's due time; settle runs it (./run.ts).
 */
import type { DomainContext } from "../context.js";
import type { ScheduledAction, ScheduledActionType } from "../entities.js";
import {
  ClusterNotFound,
  InvalidParameterCombination,
  InvalidParameterValue,
  InvalidSchedule,
  InvalidScheduledAction,
  ScheduledActionAlreadyExists,
  ScheduledActionNotFound,
  ScheduledActionQuotaExceeded,
  ScheduledActionTypeUnsupported,
} from "../errors.js";
import { pageSize, paginate, type Page } from "../pagination.js";
import { DuplicateKeyError } from "../../store/store.js";
import { filteredFetch } from "../clusters/tags.js";
import { clusterKey } from "../clusters/rules.js";
import { checkRoleArns } from "../clusters/iam-roles.js";
import { ScheduleError } from "../snapshot-schedules/definitions.js";
import { actionInvocations, parseActionSchedule } from "./schedule.js";

/** How many NextInvocations answers list (AWS documents no number). */
export const NEXT_INVOCATIONS = 3;

export interface TargetActionInput {
  PauseCluster?: { ClusterIdentifier?: string | undefined } | undefined;
  ResumeCluster?: { ClusterIdentifier?: string | undefined } | undefined;
  ResizeCluster?:
    | { ClusterIdentifier?: string | undefined; ClusterType?: string | undefined; NodeType?: string | undefined; NumberOfNodes?: number | undefined; Classic?: boolean | undefined }
    | undefined;
}

export interface ScheduledActionRequest {
  ScheduledActionName: string;
  TargetAction?: TargetActionInput | undefined;
  Schedule?: string | undefined;
  IamRole?: string | undefined;
  ScheduledActionDescription?: string | undefined;
  StartTime?: number | undefined;
  EndTime?: number | undefined;
  Enable?: boolean | undefined;
}

/** ScheduledActionName: 1–60 lower-case letters, digits or hyphens (the console's rule), matched case-insensitively. */
function checkName(raw: string): string {
  if (!/^[A-Za-z0-9-]{1,60}$/.test(raw)) {
    throw new InvalidParameterValue("ScheduledActionName must be 1 to 60 alphanumeric characters or hyphens.");
  }
  return raw.toLowerCase();
}

function checkTarget(input: TargetActionInput): { type: ScheduledActionType; target: ScheduledAction["target"] } {
  const given = (["PauseCluster", "ResumeCluster", "ResizeCluster"] as const).filter((k) => input[k] !== undefined);
  if (given.length !== 1) throw new InvalidScheduledAction("TargetAction must name exactly one of PauseCluster, ResumeCluster and ResizeCluster.");
  const type = given[0]!;
  const body = input[type]!;
  if (body.ClusterIdentifier === undefined || body.ClusterIdentifier === "") {
    throw new InvalidScheduledAction(`TargetAction.${type}.ClusterIdentifier is required.`);
  }
  if (type === "ResizeCluster") {
    const r = input.ResizeCluster!;
    if (r.NodeType === undefined && r.NumberOfNodes === undefined && r.ClusterType === undefined) {
      throw new InvalidScheduledAction("A ResizeCluster target must change ClusterType, NodeType or NumberOfNodes.");
    }
    return { type, target: { ClusterIdentifier: r.ClusterIdentifier!, ClusterType: r.ClusterType, NodeType: r.NodeType, NumberOfNodes: r.NumberOfNodes, Classic: r.Classic } };
  }
  return { type, target: { ClusterIdentifier: body.ClusterIdentifier } };
}

function checkSchedule(raw: string, now: number): void {
  if (/^\s*rate\(/i.test(raw)) throw new InvalidSchedule("Invalid schedule: a scheduled action takes at(…) or cron(…), not rate(…).");
  try {
    parseActionSchedule(raw, now);
  } catch (err) {
    if (err instanceof ScheduleError) throw new InvalidSchedule(`Invalid schedule: ${err.message}.`);
    throw err;
  }
}

/** The action's next run (its `dueAt`), or undefined when disabled or nothing is left to run. */
export function nextRun(action: ScheduledAction, after: number): number | undefined {
  if (!action.enabled) return undefined;
  return actionInvocations(parseActionSchedule(action.schedule, action.createdAt), after, 1, action.startTime, action.endTime)[0];
}

export function nextInvocationsOf(action: ScheduledAction, now: number): number[] {
  if (!action.enabled) return [];
  return actionInvocations(parseActionSchedule(action.schedule, action.createdAt), now, NEXT_INVOCATIONS, action.startTime, action.endTime);
}

/** Checks shared by create and modify, in the order AWS's fault list suggests: target, schedule, role, times. */
async function checkAction(ctx: DomainContext, action: ScheduledAction): Promise<void> {
  checkSchedule(action.schedule, ctx.now);
  checkRoleArns(ctx.scope.region, [action.iamRole], "IamRole");
  if (action.startTime !== undefined && action.endTime !== undefined && action.endTime <= action.startTime) {
    throw new InvalidScheduledAction("EndTime must be after StartTime.");
  }
  if (!(await ctx.tx.clusters.get(ctx.scope, action.clusterId))) throw new ClusterNotFound(`Cluster ${action.target.ClusterIdentifier} not found.`);
}

export async function getAction(ctx: DomainContext, name: string): Promise<ScheduledAction> {
  const action = await ctx.tx.scheduledActions.get(ctx.scope, name.toLowerCase());
  if (!action) throw new ScheduledActionNotFound(`Scheduled action ${name} not found.`);
  return action;
}

export async function createAction(ctx: DomainContext, req: ScheduledActionRequest): Promise<ScheduledAction> {
  const id = checkName(req.ScheduledActionName);
  if (req.TargetAction === undefined || req.Schedule === undefined || req.IamRole === undefined) {
    throw new InvalidParameterCombination("TargetAction, Schedule and IamRole are required.");
  }
  const { type, target } = checkTarget(req.TargetAction);
  const action: ScheduledAction = {
    account: ctx.scope.account,
    region: ctx.scope.region,
    id,
    createdAt: ctx.now,
    name: req.ScheduledActionName,
    targetType: type,
    target,
    clusterId: clusterKey(target.ClusterIdentifier),
    schedule: req.Schedule,
    iamRole: req.IamRole,
    description: req.ScheduledActionDescription,
    startTime: req.StartTime,
    endTime: req.EndTime,
    enabled: req.Enable ?? true,
  };
  await checkAction(ctx, action);
  if (await ctx.tx.scheduledActions.get(ctx.scope, id)) throw new ScheduledActionAlreadyExists(`Scheduled action ${req.ScheduledActionName} already exists.`);
  const limit = ctx.quotas["scheduled-actions-per-account"];
  if ((await ctx.tx.scheduledActions.count({ account: ctx.scope.account, region: ctx.scope.region })) >= limit) {
    throw new ScheduledActionQuotaExceeded(`The request would exceed the allowed number of scheduled actions for this account (${limit}).`);
  }
  action.dueAt = nextRun(action, ctx.now);
  try {
    await ctx.tx.scheduledActions.insert(action);
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw new ScheduledActionAlreadyExists(`Scheduled action ${req.ScheduledActionName} already exists.`);
    throw err;
  }
  return action;
}

/** Only the members given change; the schedule's checks run again on the result. */
export async function modifyAction(ctx: DomainContext, req: ScheduledActionRequest): Promise<ScheduledAction> {
  const action = await getAction(ctx, req.ScheduledActionName);
  if (req.TargetAction !== undefined) {
    const { type, target } = checkTarget(req.TargetAction);
    action.targetType = type;
    action.target = target;
    action.clusterId = clusterKey(target.ClusterIdentifier);
  }
  if (req.Schedule !== undefined) action.schedule = req.Schedule;
  if (req.IamRole !== undefined) action.iamRole = req.IamRole;
  if (req.ScheduledActionDescription !== undefined) action.description = req.ScheduledActionDescription;
  if (req.StartTime !== undefined) action.startTime = req.StartTime;
  if (req.EndTime !== undefined) action.endTime = req.EndTime;
  if (req.Enable !== undefined) action.enabled = req.Enable;
  await checkAction(ctx, action);
  action.dueAt = nextRun(action, ctx.now);
  await ctx.tx.scheduledActions.update(action);
  return action;
}

export async function deleteAction(ctx: DomainContext, name: string): Promise<void> {
  const action = await getAction(ctx, name);
  await ctx.tx.scheduledActions.remove(action, action.id);
}

export interface DescribeActionsRequest {
  ScheduledActionName?: string | undefined;
  TargetActionType?: string | undefined;
  StartTime?: number | undefined;
  EndTime?: number | undefined;
  Active?: boolean | undefined;
  Filters?: { Name?: string | undefined; Values?: string[] | undefined }[] | undefined;
  MaxRecords?: number | undefined;
  Marker?: string | undefined;
}

/**
 * The caller's actions a page at a time, narrowed by name (unknown → ScheduledActionNotFound, as the
 * model lists), target type, `Active` (enabled), filters, and StartTime/EndTime: an action is kept
 * when one of its next invocations falls in [StartTime, EndTime].
 */
export async function describeActions(ctx: DomainContext, req: DescribeActionsRequest): Promise<Page<ScheduledAction>> {
  pageSize(req.MaxRecords);
  const types = ["PauseCluster", "ResumeCluster", "ResizeCluster"];
  if (req.TargetActionType !== undefined && !types.includes(req.TargetActionType)) {
    throw new ScheduledActionTypeUnsupported(`Scheduled action type ${req.TargetActionType} is not supported.`);
  }
  const filters = new Map<string, Set<string>>();
  for (const f of req.Filters ?? []) {
    if (f.Name !== "cluster-identifier" && f.Name !== "iam-role") throw new InvalidParameterValue(`Unknown filter name ${f.Name ?? ""}: use cluster-identifier or iam-role.`);
    const values = (f.Values ?? []).map((v) => (f.Name === "cluster-identifier" ? v.toLowerCase() : v));
    filters.set(f.Name, new Set(values));
  }
  let id: string | undefined;
  if (req.ScheduledActionName !== undefined && req.ScheduledActionName !== "") id = (await getAction(ctx, req.ScheduledActionName)).id;
  const keep = (a: ScheduledAction): boolean => {
    if (req.TargetActionType !== undefined && a.targetType !== req.TargetActionType) return false;
    if (req.Active !== undefined && a.enabled !== req.Active) return false;
    if (filters.has("cluster-identifier") && !filters.get("cluster-identifier")!.has(a.clusterId)) return false;
    if (filters.has("iam-role") && !filters.get("iam-role")!.has(a.iamRole)) return false;
    if (req.StartTime !== undefined || req.EndTime !== undefined) {
      const times = nextInvocationsOf(a, ctx.now);
      if (!times.some((t) => (req.StartTime === undefined || t >= req.StartTime) && (req.EndTime === undefined || t <= req.EndTime))) return false;
    }
    return true;
  };
  const partition = { account: ctx.scope.account, region: ctx.scope.region };
  return paginate(
    filteredFetch((page) => ctx.tx.scheduledActions.find({ ...partition, id }, page), keep),
    req,
  );
}
