import type { Scope } from "../domain/entities.js";

/**
 * Stored entity bodies (JSON text) decoded once, not once per read — for read-only transactions.
 *
 * Every backend stores an entity as the JSON text of its whole value (tables.ts `entityToRow`) and
 * reads it back whole. `JSON.parse` of a cluster (~3 KB) costs more than the SQL lookup that found
 * it, and a hot resource is read over and over while it does not change. So the decoded value is
 * kept, keyed by the exact text it came from: equal text is an equal value, whoever wrote it (this
 * process, another one on the same SQLite file, another instance on the same PostgreSQL database),
 * so the cache can never be stale — a changed entity is a different text, decoded anew. Values are
 * deep-frozen before they are shared: an attempt to change one in place throws instead of
 * corrupting later reads. Only read-only transactions (Describe*, Get*) get shared values; a write
 * transaction decodes its own copies, which its handler may change before writing them back.
 *
 * Bounded by the text it holds (MAX_CACHED_CHARS): past it, the oldest entries are dropped first.
 * Memory stays bounded whatever the store holds; a store larger than the bound still works, with
 * more decoding.
 */

/** About 8 MB of one-byte text, plus the decoded values. */
export const MAX_CACHED_CHARS = 8 * 1024 * 1024;

const cache = new Map<string, unknown>();
let cachedChars = 0;

/** The entity a stored body holds, as a shared, deep-frozen value (read-only transactions). */
export function decodeShared<E>(body: string): E {
  const hit = cache.get(body);
  if (hit !== undefined) return hit as E;
  const value = deepFreeze(JSON.parse(body) as unknown);
  if (body.length <= MAX_CACHED_CHARS / 64) {
    cache.set(body, value);
    cachedChars += body.length;
    if (cachedChars > MAX_CACHED_CHARS) evictOldest();
  }
  return value as E;
}

/** Drops the oldest entries (Map keeps insertion order) until a quarter of the bound is free. */
function evictOldest(): void {
  for (const key of cache.keys()) {
    if (cachedChars <= (MAX_CACHED_CHARS * 3) / 4) break;
    cache.delete(key);
    cachedChars -= key.length;
  }
}

/** `value` and everything it holds, frozen (an object already frozen is taken as frozen throughout). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  } else {
    for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return Object.freeze(value);
}

/** The entity a stored body holds, as a value of the caller's own (write transactions). */
export function decodeOwn<E>(body: string): E {
  return JSON.parse(body) as E;
}

/** What the cache holds now (for tests). */
export function decodedCacheSize(): { readonly entries: number; readonly chars: number } {
  return { entries: cache.size, chars: cachedChars };
}

/**
 * The state of the database a read transaction sees, as far as this process can tell: its own
 * write transactions so far and, for a file another process may write, SQLite's `PRAGMA
 * data_version` (which changes when another connection commits). Equal marks, equal database.
 */
export interface ReadMark {
  writes: number;
  /** SQLite: `PRAGMA data_version`; PostgreSQL: the text of the read transaction's snapshot. */
  version: number | string;
  /** Called before a read runs a statement: the store opens the read's snapshot then, if not yet open. */
  readonly open?: () => void;
}

/**
 * Entities (or lists of them) a read-only transaction looked up, by key (an id, or a query with its
 * arguments), kept with the mark of the database they were read from: a later read under the same
 * mark (nothing written since, by anyone) gets them without a statement. Any write anywhere
 * changes the mark, and every entry read before it misses. Bounded by the entities it refers to
 * (MAX_KEYED_ENTITIES, a list counting its length): past it, the map starts again.
 */
export class KeyedEntities<V> {
  readonly #entries = new Map<string, { writes: number; version: number | string; value: V }>();
  #held = 0;

  /** What was kept under `key`, if it was read under the same mark. */
  get(key: string, mark: ReadMark): V | undefined {
    const hit = this.#entries.get(key);
    return hit !== undefined && hit.writes === mark.writes && hit.version === mark.version ? hit.value : undefined;
  }

  /** `entities`: how many entities `value` refers to (a list: its length). */
  set(key: string, value: V, mark: ReadMark, entities = 1): void {
    this.#held += entities + 1;
    if (this.#held > MAX_KEYED_ENTITIES) {
      this.#entries.clear();
      this.#held = entities + 1;
    }
    this.#entries.set(key, { writes: mark.writes, version: mark.version, value });
  }
}

/** What a read transaction may reuse of one kind: the mark it reads under and what reads kept. */
export interface ReadCaches<E> {
  readonly mark: ReadMark;
  readonly keyed: KeyedEntities<E>;
  readonly found: KeyedEntities<E[]>;
}

/** The entity at (scope, id): kept under the same mark, else `load()`'s, kept for the next read. */
export async function keptEntity<E>(read: ReadCaches<E>, scope: Scope, id: string, load: () => E | undefined | Promise<E | undefined>): Promise<E | undefined> {
  const key = `${scope.account}/${scope.region}/${id}`;
  const known = read.keyed.get(key, read.mark);
  if (known !== undefined) return known;
  const entity = await load();
  // The mark as it is now: loading may have opened the read's snapshot (SQLite) and moved it.
  if (entity !== undefined) read.keyed.set(key, entity, read.mark);
  return entity;
}

/**
 * What the query `query` with `args` finds: kept under the same mark, else `load()`'s, kept for the
 * next read. A copy of the list either way (the entities are shared and frozen). `query` names the
 * statement within the kind: its text, or a shorter name the repo gives each text.
 */
export async function keptList<E>(read: ReadCaches<E>, query: string, args: readonly unknown[], load: () => E[] | Promise<E[]>): Promise<E[]> {
  const key = `${query}\n${JSON.stringify(args)}`;
  let found = read.found.get(key, read.mark);
  if (found === undefined) {
    found = await load();
    read.found.set(key, found, read.mark, found.length);
  }
  return found.slice();
}

/** Entity references one KeyedEntities may hold (a few tens of MB of the largest entities at most). */
export const MAX_KEYED_ENTITIES = 10_000;
