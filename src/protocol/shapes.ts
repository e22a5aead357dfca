/**
 * Our own declaration language for operation shapes: member wire names, list item names, types,
 * `required`, patterns, enums and ranges. One decoder, one validator and one encoder walk these
 * tables (`decode.ts`, `encode.ts`); round-trip tests against the official SDK clients prove every
 * table (test/protocol/*-roundtrip.test.ts).
 *
 * Naming follows the AWS model vocabulary so a reader can compare with the SDK:
 * - `locationName` on a member: the element/parameter name when it differs from the member name
 *   (EC2 output members are lowerCamel, e.g. `vpcSet`).
 * - `queryName` on a member: EC2's explicit request parameter name.
 * - `item` on a list: the list member's locationName (`VpcIdentifier`, `item`); `member` when absent.
 */

export interface StringShape {
  readonly type: "string";
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
  readonly enum?: readonly string[];
  /** Message for a pattern/length violation; `{name}` and `{value}` are substituted. */
  readonly message?: string;
}
export interface IntegerShape {
  readonly type: "integer";
  readonly min?: number;
  readonly max?: number;
  readonly message?: string;
}
export interface BooleanShape {
  readonly type: "boolean";
}
export interface TimestampShape {
  readonly type: "timestamp";
}
export interface ListShape<S extends Shape = Shape> {
  readonly type: "list";
  readonly member: S;
  /** The list member's locationName; `member` when the model gives none. */
  readonly item: string;
  readonly min?: number;
  readonly max?: number;
}
export interface Member<S extends Shape = Shape> {
  readonly shape: S;
  readonly required?: boolean;
  readonly locationName?: string;
  readonly queryName?: string;
}
export interface StructureShape<M extends Readonly<Record<string, Member>> = Readonly<Record<string, Member>>> {
  readonly type: "structure";
  readonly members: M;
}
export type Shape = StringShape | IntegerShape | BooleanShape | TimestampShape | ListShape | StructureShape;

type Opts<T> = Omit<T, "type">;

export const string = (opts: Opts<StringShape> = {}): StringShape => ({ type: "string", ...opts });
export const integer = (opts: Opts<IntegerShape> = {}): IntegerShape => ({ type: "integer", ...opts });
export const boolean: BooleanShape = { type: "boolean" };
export const timestamp: TimestampShape = { type: "timestamp" };
export const list = <S extends Shape>(member: S, item = "member", opts: { min?: number; max?: number } = {}): ListShape<S> => ({
  type: "list",
  member,
  item,
  ...opts,
});

type Normalised<M extends Record<string, Member | Shape>> = {
  readonly [K in keyof M]: M[K] extends Member ? M[K] : M[K] extends Shape ? { readonly shape: M[K] } : never;
};

/** A structure; a member given as a bare shape is an optional member with the same wire name. */
export const structure = <M extends Record<string, Member | Shape>>(members: M): StructureShape<Normalised<M>> => {
  const normalised: Record<string, Member> = {};
  for (const [name, m] of Object.entries(members)) normalised[name] = "shape" in m ? m : { shape: m };
  return { type: "structure", members: normalised as Normalised<M> };
};

type MemberExtra = { readonly locationName?: string; readonly queryName?: string };

/** Member helpers: `required(string())`, `named("vpcSet", list(...))`. */
export const required = <S extends Shape>(shape: S, extra: MemberExtra = {}): { readonly shape: S; readonly required: true } & MemberExtra => ({
  shape,
  required: true,
  ...extra,
});
export const named = <S extends Shape>(
  locationName: string,
  shape: S,
  extra: { readonly queryName?: string } = {},
): { readonly shape: S; readonly locationName: string; readonly queryName?: string } => ({ shape, locationName, ...extra });

export const EMPTY = structure({});

/** Static type of a decoded value for a shape: operation inputs and outputs are typed from their tables. */
export type ValueOf<S> = S extends StringShape
  ? string
  : S extends IntegerShape
    ? number
    : S extends BooleanShape
      ? boolean
      : S extends TimestampShape
        ? number
        : S extends ListShape<infer I>
          ? ValueOf<I>[]
          : S extends StructureShape<infer M>
            ? StructValue<M>
            : never;

type RequiredKeys<M> = { [K in keyof M]: M[K] extends { required: true } ? K : never }[keyof M];

type Simplify<T> = { [K in keyof T]: T[K] } & {};

export type StructValue<M> = Simplify<
  { -readonly [K in RequiredKeys<M>]: M[K] extends Member<infer S> ? ValueOf<S> : never } & {
    -readonly [K in Exclude<keyof M, RequiredKeys<M>>]?: M[K] extends Member<infer S> ? ValueOf<S> : never;
  }
>;
