/**
 * The request pipeline, in order:
 *
 *   read body (≤ 1 MiB) → parameters (query + form) → authenticate → route to a service →
 *   find the operation → decode + validate input → [one transaction: settle due lifecycles → handler]
 *   → encode XML → response with request id (header and body) and Date.
 *
 * Every failure becomes an AWS error envelope, here and only here: the envelope of the service the
 * signature names (known before the body is parsed), else the one `Version` names, else Redshift's;
 * a service this server does not emulate gets awsQuery's generic `<ErrorResponse>` without namespace.
 */
import { randomUUID } from "node:crypto";
import type { Identity, SignedRequest } from "../auth/authenticate.js";
import {
  AwsError,
  InternalFailure,
  InvalidAction,
  MethodNotAllowed,
  MissingAction,
  MissingParameter,
  NoSuchVersion,
  NotImplemented,
} from "../domain/errors.js";
import { settle } from "../domain/settle.js";
import { Params, decodeStructure } from "../protocol/decode.js";
import { encodeError, encodeSuccess, type ResponseBody } from "../protocol/encode.js";
import { MalformedInput, parseForm } from "../protocol/form.js";
import { validateStructure } from "../protocol/validate.js";
import type { AnyOperation, RequestContext, ServiceDef } from "../services/operation.js";
import { SERVICES, serviceBySigningName, serviceByVersion } from "../services/registry.js";
import { redshift } from "../services/redshift/index.js";
import { ReadOnlyTransactionError, type Tx } from "../store/store.js";
import { crossOriginRefusal } from "./admin.js";
import type { App } from "./app.js";
import { InjectedFault, faultsAfter, faultsBefore } from "./faults/hook.js";

export interface PipelineRequest extends SignedRequest {
  /** Set when the body was larger than the limit (it was drained, not kept). */
  readonly tooLarge: boolean;
}

export interface PipelineResponse extends ResponseBody {
  readonly status: number;
  readonly requestId: string;
  /** For the log line. */
  readonly action: string | undefined;
  readonly service: string | undefined;
  readonly account: string | undefined;
  readonly region: string | undefined;
  /** The error answered, when any. */
  readonly error: { readonly code: string; readonly message: string } | undefined;
  /** Stack of an unexpected exception (answered as 500 InternalFailure), for the one line that logs it. */
  readonly internal: string | undefined;
  /** The error was injected by a fault rule (logged at info whatever its status). */
  readonly injected?: true | undefined;
}

export const BODY_LIMIT = 1024 * 1024;

/** The envelope an error is written in: a service's, or awsQuery's generic one (no namespace). */
interface Envelope {
  readonly protocol: ServiceDef["protocol"];
  readonly namespace: string;
}

/** For a service redshift-local does not emulate: AWS's awsQuery `<ErrorResponse>`, without a namespace of ours. */
const GENERIC_ENVELOPE: Envelope = { protocol: "query", namespace: "" };

export async function handleAwsRequest(app: App, req: PipelineRequest): Promise<PipelineResponse> {
  const requestId = randomUUID();
  const now = app.clock.now();
  /** The routed service, once known: its envelope for any later error, and its name for the log line. */
  let routed: ServiceDef | undefined;
  let params: Params | undefined;
  let action: string | undefined;
  let identity: Identity | undefined;
  try {
    if (req.tooLarge) throw new AwsError("RequestEntityTooLarge", `Request body must not exceed ${BODY_LIMIT} bytes.`, 413);
    params = readParams(req);
    // Known early for the log line, even when authentication then fails.
    action = params.get("Action");
    // Query APIs are GET or POST only (AWS "Query requests"); anything else is not an AWS call.
    if (req.method !== "POST" && req.method !== "GET") throw new MethodNotAllowed(`The HTTP method ${req.method} is not allowed; use POST or GET.`);
    const crossOrigin = crossOriginRefusal(req, "AWS APIs");
    if (crossOrigin) throw crossOrigin;
    identity = app.auth.authenticate(req, now);
    // The signing name decides the service (and so the envelope of any later error), not Version.
    const service = route(identity, params);
    routed = service;
    const op = findOperation(service, action);
    // Fault rules (README "Fault injection"): as AWS throttles, before the input is even read.
    const call = app.faults?.hasRules ? { service: service.signingName, operation: action!, account: identity.account, region: identity.region, requestId } : undefined;
    if (call) await faultsBefore(app.faults, call);
    const input = decodeStructure(op.input, params, service.protocol);
    validateStructure(op.input, input);
    const output = await runOperation(app, op, input, { identity, requestId, now });
    if (call) faultsAfter(app.faults, call);
    // Every field spelled out, not spread from the encoder's result: a spread copy is a slow
    // (dictionary-mode) object, and every later read of the response pays for it.
    const { body, contentType } = encodeSuccess(service.protocol, service.namespace, action!, op.output, output, requestId);
    return { body, contentType, status: 200, requestId, action, service: service.signingName, account: identity.account, region: identity.region, error: undefined, internal: undefined };
  } catch (err) {
    // Errors are answered in the envelope of the routed service; before routing, in that of the
    // service the signature names, read from the credential scope (a body that cannot be decoded,
    // or one too large, is still answered as EC2 or STS when signed for them); unsigned: `Version`,
    // then Redshift. Only an error needs it, so an answered request never reads the scope twice.
    const scope = claimedScope(req);
    let envelope: Envelope = routed ?? (scope === undefined ? redshift : (serviceBySigningName(scope.service) ?? GENERIC_ENVELOPE));
    /** For the log line: the routed service, else the claimed signing name, else the one `Version` names. */
    let serviceName = routed?.signingName ?? scope?.service;
    if (routed === undefined && scope === undefined && params !== undefined) {
      const guessed = envelopeGuess(params);
      envelope = guessed ?? envelope;
      serviceName = guessed?.signingName;
    }
    const internal = err instanceof AwsError ? undefined : err instanceof Error ? (err.stack ?? err.message) : String(err);
    const error = toAwsError(err);
    const { body, contentType } = encodeError(envelope.protocol, envelope.namespace, error, requestId);
    return {
      body,
      contentType,
      status: error.status,
      requestId,
      action,
      service: serviceName,
      account: identity?.account,
      region: identity?.region ?? scope?.region,
      error: { code: error.code, message: error.message },
      internal,
      injected: err instanceof InjectedFault ? true : undefined,
    };
  }
}

/**
 * The service and region a request claims in its credential scope (`Authorization: … Credential=
 * KEY/DATE/REGION/SERVICE/aws4_request`, or a presigned `X-Amz-Credential`), read without
 * validating anything: only to choose the envelope of an early error and for the log line.
 */
function claimedScope(req: SignedRequest): { readonly service: string; readonly region: string } | undefined {
  const authorization = req.header("authorization");
  let credential: string | undefined;
  if (authorization !== undefined) {
    const at = authorization.indexOf("Credential=");
    if (at === -1) return undefined;
    const rest = authorization.slice(at + "Credential=".length);
    const stop = rest.search(/[,\s]/);
    credential = stop === -1 ? rest : rest.slice(0, stop);
  } else {
    credential = req.query.get("X-Amz-Credential");
  }
  const parts = credential?.split("/");
  if (parts === undefined || parts.length < 4 || parts[3] === "") return undefined;
  return { service: parts[3]!, region: parts[2]! };
}

export interface Invocation {
  readonly identity: Pick<Identity, "account" | "region" | "accessKeyId">;
  readonly requestId: string;
  readonly now: number;
}

/**
 * Runs one operation in one transaction, after settling due lifecycles. Also used by `--seed`.
 *
 * A read-only operation (Describe*, Get*) runs in a read transaction, which never takes the write
 * lock: when transitions are due it first settles them in a short write transaction of its own and
 * looks again. It is run as a write instead (settle + handler in one transaction) when it needs to
 * create something on first use (an account's default VPC), or if transitions keep becoming due
 * (another process creating resources with zero delays), so it always sees settled state.
 * The store may run the function passed to `transact`/`read` more than once (lock contention):
 * each run builds everything from scratch inside its own transaction.
 */
export async function runOperation(
  app: App,
  op: AnyOperation,
  input: Record<string, unknown>,
  inv: Invocation,
): Promise<Record<string, unknown> | undefined> {
  // The operation's time. A run of the transaction function after the first (the store retries on
  // contention or a serialization failure) takes the clock again: the transaction it lost to may
  // have committed a transition due at a later time than this request's arrival, and the retry must
  // see that transition as settled when it is due — as a new request would — not as still under way.
  let now = inv.now;
  let runs = 0;
  // Every transaction below first asks whether anything is due at its time (the hint lets a store
  // ask it together with BEGIN; a retry with a later time asks again). A plain field, kept equal to
  // `now`, not a getter: an object literal with an accessor gets a hidden class of its own per
  // request in V8, which kept every request's objects alive until the next full collection.
  const hint = { now };
  const attemptNow = (): number => {
    if (runs++ > 0) hint.now = now = Math.max(now, app.clock.now());
    return now;
  };
  const held = app.faults?.holding ? app.faults.held.bind(app.faults) : undefined;
  const context = (tx: Tx, at: number): RequestContext => {
    const ctx: { -readonly [K in keyof RequestContext]: RequestContext[K] } = {
      tx,
      scope: { account: inv.identity.account, region: inv.identity.region },
      now: at,
      quotas: app.quotas,
      delays: app.delays,
      requestId: inv.requestId,
      accessKeyId: inv.identity.accessKeyId,
    };
    if (held) ctx.held = held;
    return ctx;
  };
  const handle = async (ctx: RequestContext) => (await op.handler(ctx, input as never)) as Record<string, unknown> | undefined;
  if (op.storeless) return handle(context(NO_STORE, now));
  if (op.readOnly) {
    for (let look = 0; look < READ_LOOKS; look++) {
      const outcome = await app.store.read(async (tx) => {
        const at = attemptNow();
        if (await tx.anyDue(at)) return DUE;
        try {
          return { output: await handle(context(tx, at)) };
        } catch (err) {
          if (err instanceof ReadOnlyTransactionError) return NEEDS_WRITE;
          throw err;
        }
      }, hint);
      if (outcome === NEEDS_WRITE) break;
      if (outcome !== DUE) return outcome.output;
      await app.store.transact((tx) => settle(context(tx, attemptNow())), hint);
    }
  }
  return app.store.transact(async (tx) => {
    const ctx = context(tx, attemptNow());
    await settle(ctx);
    return handle(ctx);
  }, hint);
}

/** The `tx` of a storeless operation: any use is a bug (a 500), never a silent store access. */
const NO_STORE = new Proxy({} as Tx, {
  get(_target, property) {
    throw new Error(`a storeless operation used the store (${String(property)})`);
  },
});

const DUE = Symbol("transitions are due");
const NEEDS_WRITE = Symbol("the read-only operation needs to write");
/** Read attempts of a read-only operation before it runs as a write. */
const READ_LOOKS = 2;

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** URL query string, then the form body (body wins); both held to the same encoding rules. */
function readParams(req: PipelineRequest): Params {
  const map = new Map<string, string>();
  parseForm(req.rawQuery, map, true);
  if (req.body.length > 0) parseForm(decodeUtf8(req.body), map, true);
  return new Params(map);
}

function decodeUtf8(body: Buffer): string {
  try {
    return UTF8.decode(body);
  } catch {
    throw new MalformedInput("The request body is not valid UTF-8.");
  }
}

/** Before authentication: pick the envelope an early error should use, from `Version`. */
function envelopeGuess(params: Params): ServiceDef | undefined {
  const version = params.get("Version");
  return version === undefined ? undefined : serviceByVersion(version);
}

function route(identity: Identity, params: Params): ServiceDef {
  const version = params.get("Version");
  if (identity.signingName !== undefined) {
    const service = serviceBySigningName(identity.signingName);
    // Checked after the signature (an unsigned or badly signed request is refused for that first):
    // a correctly signed call to a service this emulator does not serve is not a signing mistake.
    if (!service) {
      throw new NotImplemented(
        `The service '${identity.signingName}' is not emulated by redshift-local; it emulates ${SERVICES.map((s) => s.signingName).join(", ")}.`,
      );
    }
    if (version !== undefined && version !== service.version) {
      throw new NoSuchVersion(`The requested version (${version}) of service ${identity.signingName} does not exist`);
    }
    return service;
  }
  if (version === undefined) throw new MissingParameter("The request must contain the parameter Version.");
  const service = serviceByVersion(version);
  if (!service) throw new NoSuchVersion(`The requested version (${version}) of service redshift does not exist`);
  return service;
}

export function findOperation(service: ServiceDef, action: string | undefined): AnyOperation {
  if (action === undefined || action === "") throw new MissingAction("The request must contain the parameter Action.");
  const op = Object.prototype.hasOwnProperty.call(service.operations, action) ? service.operations[action] : undefined;
  if (op) return op;
  if (service.notImplemented.has(action)) {
    throw new NotImplemented(`The operation ${action} is not implemented by redshift-local for ${service.signingName}.`);
  }
  throw new InvalidAction(`The action ${action} is not valid for this web service.`);
}

/** An unexpected exception becomes 500 InternalFailure; its stack is logged once, with the request line (http.ts). */
function toAwsError(err: unknown): AwsError {
  if (err instanceof AwsError) return err;
  return new InternalFailure("The request processing has failed because of an unknown error, exception or failure.");
}
