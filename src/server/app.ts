/** Everything one server instance owns; several instances can live in one process (no globals). */
import type { Authenticator } from "../auth/authenticate.js";
import type { Clock } from "../domain/clock.js";
import type { Delays } from "../domain/lifecycle.js";
import type { Quotas } from "../domain/quotas.js";
import type { Store } from "../store/store.js";
import type { FaultEngine } from "./faults/engine.js";
import type { Logger } from "./logger.js";

export interface App {
  readonly store: Store;
  readonly auth: Authenticator;
  readonly clock: Clock;
  readonly quotas: Quotas;
  readonly delays: Delays;
  readonly logger: Logger;
  readonly version: string;
  /** Account used for unsigned requests and unknown keys in open mode. */
  readonly defaultAccount: string;
  /**
   * Host names the admin routes answer for besides `localhost` and the loopback addresses: the
   * listen address and `--allowed-host` names, lower-case, IPv6 without brackets (admin.ts).
   */
  readonly adminHosts?: ReadonlySet<string>;
  /** Fault rules (README "Fault injection"); none when absent. */
  readonly faults?: FaultEngine;
}
