/**
 * The shared shape of EC2's DescribeVpcs / DescribeSubnets / DescribeSecurityGroups: an optional id
 * list (every id must exist, else the resource's `…NotFound`), filters, and MaxResults / NextToken
 * pagination with an opaque token. Results come in the store's stable order (creation time, then
 * id); a page reads the store in batches after the token's position until it has MaxResults
 * matches, so a page with dense matches costs O(page), not O(all records).
 *
 * Without MaxResults every match is returned (EC2: "If this parameter is not specified, then all
 * items are returned").
 */
import type { DomainContext } from "../context.js";
import type { EntityBase } from "../entities.js";
import { InvalidPaginationToken, type AwsError } from "../errors.js";
import { cursorOf, type Cursor, type Filter, type Repo } from "../../store/store.js";
import type { CompiledFilters } from "./filters.js";

export interface DescribeRequest {
  readonly ids?: readonly string[] | undefined;
  readonly maxResults?: number | undefined;
  readonly nextToken?: string | undefined;
}

export interface Described<V> {
  readonly items: V[];
  /** Present only when more records remain. */
  readonly nextToken?: string;
}

export interface Listing<E extends EntityBase, V> {
  /** Tags the token so one resource's token is refused by another Describe. */
  readonly tokenKind: string;
  /** Where entities come from: a store repo, or an adapter (see vpc-owned.ts). */
  readonly repo: Pick<Repo<E, string>, "get" | "find">;
  readonly filters: CompiledFilters<V>;
  readonly notFound: (missing: string[]) => AwsError;
  /** Turns a batch of entities into what the filters and the caller see (may read related rows). */
  readonly view: (batch: E[]) => Promise<V[]>;
}

const MIN_BATCH = 100;

export async function describe<E extends EntityBase, V>(ctx: DomainContext, listing: Listing<E, V>, req: DescribeRequest): Promise<Described<V>> {
  const after = decodeToken(listing.tokenKind, ctx.scope.account, req.nextToken);
  const limit = req.maxResults;
  // An empty id list means "no ids", as on the wire, where ec2Query clients omit empty lists.
  const found = req.ids?.length ? await byIds(ctx, listing, req.ids, after) : await scan(ctx, listing, after, limit);
  if (limit === undefined || found.length <= limit) return { items: found.map((f) => f.view) };
  const items = found.slice(0, limit);
  return { items: items.map((f) => f.view), nextToken: encodeToken(listing.tokenKind, cursorOf(items[items.length - 1]!.entity)) };
}

interface Found<E, V> {
  readonly entity: E;
  readonly view: V;
}

async function byIds<E extends EntityBase, V>(ctx: DomainContext, listing: Listing<E, V>, ids: readonly string[], after: Cursor | undefined): Promise<Found<E, V>[]> {
  const unique = [...new Set(ids)];
  const entities: E[] = [];
  const missing: string[] = [];
  for (const id of unique) {
    const e = await listing.repo.get(ctx.scope, id);
    if (e) entities.push(e);
    else missing.push(id);
  }
  if (missing.length > 0) throw listing.notFound(missing);
  entities.sort(compareStable);
  const remaining = after ? entities.filter((e) => compareStable(e, after) > 0) : entities;
  const views = await listing.view(remaining);
  return remaining.map((entity, i) => ({ entity, view: views[i]! })).filter((f) => listing.filters.matches(f.view));
}

async function scan<E extends EntityBase, V>(
  ctx: DomainContext,
  listing: Listing<E, V>,
  start: Cursor | undefined,
  limit: number | undefined,
): Promise<Found<E, V>[]> {
  const where = { account: ctx.scope.account, region: ctx.scope.region, ...listing.filters.narrow } as Filter<string>;
  const batchSize = Math.max(MIN_BATCH, (limit ?? 0) + 1);
  const found: Found<E, V>[] = [];
  let after = start;
  for (;;) {
    const batch = await listing.repo.find(where, { after, limit: batchSize });
    if (batch.length === 0) return found;
    const views = await listing.view(batch);
    for (const [i, entity] of batch.entries()) {
      if (!listing.filters.matches(views[i]!)) continue;
      found.push({ entity, view: views[i]! });
      if (limit !== undefined && found.length > limit) return found;
    }
    if (batch.length < batchSize) return found;
    after = cursorOf(batch[batch.length - 1]!);
  }
}

/** The store's stable order: creation time, then account, then id. */
function compareStable(a: Cursor, b: Cursor): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  if (a.account !== b.account) return a.account < b.account ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

function encodeToken(kind: string, cursor: Cursor): string {
  return encodeNextToken(kind, [cursor.createdAt, cursor.id]);
}

function decodeToken(kind: string, account: string, token: string | undefined): Cursor | undefined {
  const position = decodeNextToken(kind, token, ["number", "string"]);
  return position && { createdAt: position[0] as number, account, id: position[1] as string };
}

/** An EC2 `NextToken`: the listing's kind and the last item's position, opaque to the client. */
export function encodeNextToken(kind: string, position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([kind, ...position]), "utf8").toString("base64url");
}

/** The position in a token of `kind` whose values have these types; a token we did not issue is InvalidPaginationToken. */
export function decodeNextToken(kind: string, token: string | undefined, types: readonly ("string" | "number")[]): (string | number)[] | undefined {
  if (token === undefined || token === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== types.length + 1 || parsed[0] !== kind || types.some((t, i) => typeof parsed[i + 1] !== t)) {
    throw new InvalidPaginationToken("The specified pagination token is not valid or is expired.");
  }
  return parsed.slice(1) as (string | number)[];
}
