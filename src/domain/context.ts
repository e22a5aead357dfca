/** What every domain rule receives: the open transaction, the caller's partition, the time, the limits. */
import type { Tx } from "../store/store.js";
import type { Scope } from "./entities.js";
import type { Delays, TransitionName } from "./lifecycle.js";
import type { Quotas } from "./quotas.js";

export interface DomainContext {
  readonly tx: Tx;
  /** The caller's account and region. */
  readonly scope: Scope;
  /** The clock reading for this request (epoch ms): one operation sees one instant. */
  readonly now: number;
  readonly quotas: Quotas;
  readonly delays: Delays;
  /**
   * Whether a transition must stay pending for now (a fault rule holding it); settling skips such a
   * resource until the rule goes. Absent: nothing is held.
   */
  readonly held?: (transition: TransitionName, resource: Scope & { readonly id: string }, now: number) => boolean;
}
