/**
 * The contract between the pipeline and a service: each service declares its protocol, version,
 * namespace, an exhaustive table of implemented operations (input/output shapes + handler), and
 * the names of its other operations, which share one 501 `NotImplemented` path.
 */
import type { DomainContext } from "../domain/context.js";
import type { WireProtocol } from "../protocol/decode.js";
import type { StructureShape, ValueOf } from "../protocol/shapes.js";

export interface RequestContext extends DomainContext {
  readonly requestId: string;
  /** The access key id the caller signed with (absent for unsigned requests in open mode). */
  readonly accessKeyId: string | undefined;
}

export interface Operation<I extends StructureShape = StructureShape, O extends StructureShape | undefined = StructureShape | undefined> {
  /**
   * Describe and Get operations: run in a read transaction, which never takes the database's write lock (so a
   * slow write in another process sharing the data directory does not hold it up). Its handler
   * must not write; one that must create something on first use (an account's default VPC) is run
   * again as a write when it tries.
   */
  readonly readOnly?: true;
  /**
   * The handler answers from the request alone (STS GetCallerIdentity): it runs without a
   * transaction and without settling, and its `ctx.tx` throws on any use.
   */
  readonly storeless?: true;
  readonly input: I;
  readonly output: O;
  readonly handler: (ctx: RequestContext, input: ValueOf<I>) => Promise<O extends StructureShape ? ValueOf<O> : void>;
}

/** Any operation, as the service tables hold them (each entry was type-checked by `operation()`). */
export interface AnyOperation {
  readonly readOnly?: true;
  readonly storeless?: true;
  readonly input: StructureShape;
  readonly output: StructureShape | undefined;
  readonly handler: (ctx: RequestContext, input: never) => Promise<unknown>;
}

/** Declares an operation with its input and output types inferred from the shape tables. */
export function operation<I extends StructureShape, O extends StructureShape | undefined>(def: Operation<I, O>): Operation<I, O> {
  return def;
}

export type SigningName = "redshift" | "ec2" | "sts";

export interface ServiceDef {
  readonly signingName: SigningName;
  readonly protocol: WireProtocol;
  readonly version: string;
  /** XML namespace of responses. */
  readonly namespace: string;
  readonly operations: Readonly<Record<string, AnyOperation>>;
  /** Every other operation of the service's API version: answered with 501 NotImplemented. */
  readonly notImplemented: ReadonlySet<string>;
}
