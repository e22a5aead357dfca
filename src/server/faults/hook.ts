/**
 * The pipeline's two calls into fault injection (pipeline.ts): `before` the operation (latency, then
 * an error — nothing applied) and `after` it committed (the answer replaced by an error: a lost
 * response). An injected error is an ordinary AwsError on the wire, in the envelope of the service.
 */
import { AwsError } from "../../domain/errors.js";
import type { ErrorEffect, FaultCall, FaultEngine } from "./engine.js";

/** An error a fault rule answered (logged as a request at info, never as an internal error). */
export class InjectedFault extends AwsError {
  constructor(effect: ErrorEffect) {
    super(effect.code, effect.message, effect.status);
  }
}

export async function faultsBefore(engine: FaultEngine | undefined, call: FaultCall): Promise<void> {
  const effect = await engine?.before(call);
  if (effect) throw new InjectedFault(effect);
}

export function faultsAfter(engine: FaultEngine | undefined, call: FaultCall): void {
  const effect = engine?.after(call);
  if (effect) throw new InjectedFault(effect);
}
