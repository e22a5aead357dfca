/**
 * The PostgreSQL store: any number of redshift-local instances, on any machines, pointed at one
 * database behave as one service.
 *
 * The concurrency model (every backend, every resource): **serializable transactions with a
 * bounded retry of the whole operation**, plus unique indexes as a second line for every name.
 * Every write operation runs in `BEGIN ISOLATION LEVEL SERIALIZABLE`; when PostgreSQL reports that
 * it could not serialize it (SQLSTATE 40001), a deadlock (40P01) or a row lock still held after
 * `lock_timeout` (55P03) — at any statement or at COMMIT — the transaction is rolled back and the
 * whole function runs again from scratch after the same asynchronous backoff the SQLite store uses
 * (store/retry.ts), bounded; past the bound the caller gets AWS's retryable `Throttling`. Why:
 * every rule the domain already has — count-then-insert quotas, the default VPC created on first
 * use, uniqueness checks, settling due transitions, EndpointCount decrements — is then correct
 * across instances without rewriting it (SERIALIZABLE guarantees the outcome of some one-at-a-time
 * order, https://www.postgresql.org/docs/current/transaction-iso.html#XACT-SERIALIZABLE), and every
 * future resource inherits the guarantee. SQLite gives the same one (one writer at a time,
 * BEGIN IMMEDIATE, retried on BUSY), so both backends pass one contract suite.
 *
 * The write gate: writers queue instead of conflicting. Every write transaction's first statements
 * are `SET LOCAL lock_timeout = <gate timeout>; LOCK TABLE write_gate IN EXCLUSIVE MODE` (sent with
 * BEGIN, in one round trip). Neither SET nor LOCK takes the transaction's snapshot — the first
 * query after them does (https://www.postgresql.org/docs/current/sql-lock.html: under REPEATABLE
 * READ or SERIALIZABLE, LOCK TABLE runs before any SELECT or data modification) — so a writer
 * waits its turn, across every instance on the database, with no snapshot yet, and when it runs it
 * sees every write committed before it: two writers are never concurrent, so SERIALIZABLE never has
 * to fail one of them (SQLite's BEGIN IMMEDIATE, in PostgreSQL). Why a global gate rather than
 * optimistic concurrency: measured on 16 connections, concurrent writers — even in different
 * accounts, touching different rows — failed with 40001 and backed off (p99 1.3–1.6 s): requests
 * settle the same due transitions ("could not serialize access due to concurrent update"), quota
 * counts and inserts on one cluster are true write-skew pairs, and predicate locks on small tables
 * and shared index pages make independent writers pivots ("read/write dependencies among
 * transactions"). Behind the gate the retries are gone and a write waits only for the writers
 * ahead of it (each holds the gate for its few statements). Reads never take the gate. SERIALIZABLE,
 * the retry and the unique indexes stay as the safety net (a writer that does not take the gate:
 * an older redshift-local, or a session of your own). Within one instance, at most two write
 * transactions are at the database at once (one holding the gate, one queued right behind it); the
 * others wait in the process, in arrival order, without a connection (write-turns.ts), so writers
 * queued for the gate never take every connection of the pool from the reads. Both waits are
 * bounded by `gateTimeoutMs` (2 s): a gate held elsewhere costs a bounded wait, then the attempt
 * is retried like any race, and past the retry bound the caller gets `Throttling`; after the gate,
 * each statement's row-lock wait is bounded by `lockTimeoutMs` as before. A holder that stops
 * talking (a frozen instance) loses its session after `idleInTransactionTimeoutMs` (30 s) idle
 * inside the transaction, which releases the gate; nothing of its transaction was applied.
 *
 * Reads run in `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`: one snapshot, never blocking
 * and never conflicting — opened only when a read runs a statement; one served entirely from what
 * earlier reads kept under the current snapshot needs only the shared look (#lazyRead), and while
 * the instance holds the sole-writer lease (sole-lease.ts: no other instance can write then) it
 * reuses the last look until it commits a write itself, so such a read runs no statement at all.
 * `getForUpdate` is `SELECT … FOR UPDATE`, so a conflict shows early and cheaply (on the lock)
 * rather than at COMMIT.
 *
 * A unique violation is handled in two ways. Inserts use `ON CONFLICT DO NOTHING`: a duplicate the
 * transaction can see is a `DuplicateKeyError` (the domain answers AlreadyExists) without aborting
 * the transaction, and one it cannot see — inserted by a concurrent transaction — is a
 * serialization failure, retried; on the next attempt the domain's own existence check sees the
 * committed row and answers as it would have serially. A 23505 raised anyway (by a statement that
 * is not such an insert) is retried the same way, a few times only: if it persists it is a real
 * duplicate and surfaces as `DuplicateKeyError`.
 *
 * A lost connection (refused, terminated by the server, 08xxx) answers AWS's retryable 503
 * `ServiceUnavailable`, never 500: the attempt is retried once on a fresh connection if COMMIT had
 * not been sent (nothing was applied), and /health reports the last connection error until a
 * transaction succeeds again. The pool reconnects by itself when the database returns.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type pgTypes from "pg";
import type { EntityBase, EntityKind } from "../../domain/entities.js";
import { ServiceUnavailable } from "../../domain/errors.js";
import { nextDelay, resolveRetry, throttled } from "../retry.js";
import type { Repo, RetryEvent, RetryPolicy, Snapshot, Store, StoreHealth, TransactionHint, Tx } from "../store.js";
import { DuplicateKeyError, readOnlyRepo } from "../store.js";
import type { ReadCaches, ReadMark } from "../decoded.js";
import { DUE_TABLES, ENTITY_KINDS, NO_BOUND, TABLES, dueTableIndex, rowToEntity, type DueBound, type TableSpec } from "../tables.js";
import { AttemptFailed, NoTurn, describeConnectionError, isConnectionError, isRace, isUniqueViolation } from "./errors.js";
import { pg } from "./driver.js";
import { migrate } from "./migrations.js";
import { applicationNameIn, checkOptions, redactUrl, type PostgresOptions } from "./options.js";
import { WriteTurns } from "./write-turns.js";
import { SharedLook, type Look } from "./shared-look.js";
import { LEASE_KEY, SoleLease, askHolder } from "./sole-lease.js";
import { BEGIN_READ, LOOK, LazyRepos, SNAPSHOT_MARK, commit, dueIn, dueProbe } from "./transaction.js";
import { PgRepo, keptPerKind, run } from "./repo.js";

export { DEFAULT_POOL_SIZE, redactUrl, type PostgresOptions } from "./options.js";

/** A unique violation raised as an error is retried this many times before it is believed. */
const UNIQUE_RETRIES = 3;

/** How long after losing (or failing to take) the sole-writer lease an instance tries again. */
const LEASE_RETRY_MS = 2000;

/**
 * "lazy-read": an operation's read, whose snapshot opens only before its first statement (#lazyRead);
 * "read": a REPEATABLE READ transaction from the start, reading through its connection (`snapshot`).
 */
type Mode = "read" | "lazy-read" | "write";

/** Opens the pool, checks the connection and applies missing migrations; rejects with a clear Error otherwise. */
export async function openPostgresStore(options: PostgresOptions): Promise<PostgresStore> {
  const store = new PostgresStore(options);
  try {
    await store.start();
    return store;
  } catch (err) {
    await store.close();
    throw new Error(`cannot open the PostgreSQL store ${store.location}: ${(err as Error).message}`, { cause: err });
  }
}

export class PostgresStore implements Store {
  readonly kind = "postgres" as const;
  readonly location: string;
  readonly schema: string | undefined;
  readonly #pool: pgTypes.Pool;
  readonly #retry: RetryPolicy;
  readonly #onRetry: ((event: RetryEvent) => void) | undefined;
  readonly #beginWrite: string;
  readonly #gateTimeoutMs: number;
  readonly #gateWait: (statement: string) => string;
  readonly #idleTimeoutMs: number;
  readonly #lookReuseMs: number;
  readonly #connection: pgTypes.ClientConfig;
  /** The sole-writer lease (sole-lease.ts), from `start` unless looks are never reused. */
  #lease: SoleLease | undefined;
  readonly #turns: WriteTurns;
  #problem: string | undefined;
  readonly #running = new Set<Promise<unknown>>();
  #closed = false;
  /** What read transactions got, per kind, kept with their snapshot (repo.ts `keptPerKind`). */
  readonly #kept = keptPerKind();
  #ended: Promise<void> | undefined;
  #schemaVersion = 0;
  #probe: Promise<unknown> | undefined;
  /** The statement every lazy read starts from, shared by the reads that ask for it together. */
  readonly #looks: SharedLook;

  constructor(options: PostgresOptions) {
    const limits = checkOptions(options);
    this.#gateTimeoutMs = limits.gateTimeoutMs;
    this.#gateWait = limits.gateWait;
    this.#idleTimeoutMs = limits.idleTimeoutMs;
    this.#lookReuseMs = limits.lookReuseMs;
    this.#turns = new WriteTurns(limits.writersAtTheDatabase);
    this.#beginWrite = limits.beginWrite;
    this.location = redactUrl(options.url);
    this.schema = options.schema;
    this.#retry = resolveRetry(options.retry);
    this.#onRetry = options.onRetry;
    this.#connection = {
      connectionString: options.url,
      // A database that does not answer must become a 503, not a request that never ends.
      connectionTimeoutMillis: 10_000,
      // pg lets the URL's own parameters win; the default applies only when the URL names none.
      application_name: options.applicationName ?? applicationNameIn(options.url) ?? "redshift-local",
      ...(options.schema !== undefined ? { options: `-c search_path=${options.schema}` } : {}),
    };
    this.#pool = new pg.Pool({ ...this.#connection, max: limits.poolSize });
    this.#looks = new SharedLook(
      async () => {
        const res = await this.#pool.query<{ mark: string; next_due: number | null }>(LOOK);
        return { mark: res.rows[0]!.mark, nextDue: res.rows[0]!.next_due };
      },
      { allowed: () => this.#lease?.held === true, maxAgeMs: this.#lookReuseMs, now: () => performance.now() },
    );
    // An idle connection the server terminates emits "error" on the pool: without a listener the
    // process would crash. The pool drops that connection; the next checkout opens a new one.
    const noteError = (err: unknown) => {
      if (isConnectionError(err)) this.#problem = describeConnectionError(err);
    };
    this.#pool.on("error", noteError);
    // pg-pool leaves a checked-out client without an "error" listener, and hands a client over in
    // the same tick it may parse the server's termination message (one socket chunk): give every
    // client a listener of its own for its whole life, so that no error can be unhandled.
    this.#pool.on("connect", (client) => client.on("error", noteError));
  }

  /** The schema version of the database (after `start`). */
  get schemaVersion(): number {
    return this.#schemaVersion;
  }

  /** Whether this instance holds the sole-writer lease now (sole-lease.ts). */
  get soleWriter(): boolean {
    return this.#lease?.held === true;
  }

  /** Connects once and migrates, then starts taking the lease: the server listens only with a working store. */
  async start(): Promise<void> {
    const client = await this.#pool.connect();
    try {
      this.#schemaVersion = await migrate(client, this.schema);
    } finally {
      client.release();
    }
    if (this.#lookReuseMs > 0 && !this.#closed) {
      this.#lease = new SoleLease({
        connection: this.#connection,
        idleMs: this.#idleTimeoutMs,
        retryMs: LEASE_RETRY_MS,
        onChange: () => this.#looks.invalidate(),
      });
      this.#lease.start();
    }
  }

  transact<T>(fn: (tx: Tx) => Promise<T>, hint?: TransactionHint): Promise<T> {
    return this.#track(this.#withRetry("write", fn, hint?.now));
  }

  /** A read that needs nothing beyond what earlier reads kept runs one statement and no transaction (#lazyRead). */
  read<T>(fn: (tx: Tx) => Promise<T>, hint?: TransactionHint): Promise<T> {
    return this.#track(this.#withRetry("lazy-read", fn, hint?.now));
  }

  /**
   * While a connection problem is recorded, each call also starts one probe (`SELECT 1`, at most
   * one at a time) that clears it: a load balancer polling /health sees the database return
   * without waiting for a client request to succeed first.
   */
  health(): StoreHealth {
    if (this.#problem !== undefined && this.#probe === undefined && !this.#closed) {
      const probe = this.#pool.query("SELECT 1").then(
        () => (this.#problem = undefined),
        (err: unknown) => {
          if (isConnectionError(err)) this.#problem = describeConnectionError(err);
        },
      );
      this.#probe = this.#track(probe.finally(() => (this.#probe = undefined)));
    }
    return this.#problem === undefined ? { ok: true } : { ok: false, problem: this.#problem };
  }

  async snapshot(): Promise<Snapshot> {
    return this.#track(
      this.#withRetry("read", async (_tx, client) => {
        const snap = {} as Record<EntityKind, EntityBase[]>;
        for (const kind of ENTITY_KINDS) {
          const res = await run<{ body: string }>(client, `SELECT body FROM ${TABLES[kind].table} ORDER BY region, account, created_at, id`, []);
          snap[kind] = res.rows.map((r) => rowToEntity<EntityBase>(r));
        }
        return snap as unknown as Snapshot;
      }),
    );
  }

  /**
   * The server's current transaction snapshot (`xmin:xmax:in-progress ids`): a write transaction that
   * commits either leaves the in-progress list or had its id assigned at or past the last `xmax`, so
   * every commit changes it. Transaction ids are cluster-wide: activity in other schemas or databases
   * changes it too (harmless: the console then reads a snapshot that turns out unchanged).
   */
  async changeMarker(): Promise<string> {
    const res = await this.#track(this.#pool.query<{ marker: string }>("SELECT txid_current_snapshot()::text AS marker"));
    return res.rows[0]!.marker;
  }

  async reset(): Promise<void> {
    await this.#track(
      this.#withRetry("write", async (_tx, client) => {
        for (const kind of ENTITY_KINDS) await client.query(`DELETE FROM ${TABLES[kind].table}`);
      }),
    );
  }

  /** Waits for running operations (each is bounded), then drains the pool. */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
    await this.#lease?.close();
    this.#ended ??= this.#pool.end();
    await this.#ended;
  }

  #track<T>(p: Promise<T>): Promise<T> {
    this.#running.add(p);
    const done = () => this.#running.delete(p);
    p.then(done, done);
    return p;
  }

  async #withRetry<T>(mode: Mode, fn: (tx: Tx, client: pgTypes.ClientBase) => Promise<T>, now?: number): Promise<T> {
    if (this.#closed) throw new Error("store is closed");
    const started = performance.now();
    let uniqueViolations = 0;
    let connectionRetried = false;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.#attempt(mode, fn, now);
        this.#problem = undefined;
        return result;
      } catch (err) {
        if (err instanceof AttemptFailed) {
          // The connection broke: retry once on a fresh one if nothing can have been applied.
          this.#problem = describeConnectionError(err.cause);
          if (err.beforeCommit && !connectionRetried && !this.#closed) {
            connectionRetried = true;
            continue;
          }
          throw new ServiceUnavailable(`${this.#problem}; retry the request.`);
        }
        const unique = isUniqueViolation(err);
        if (unique && ++uniqueViolations >= UNIQUE_RETRIES) throw new DuplicateKeyError((err as Error).message);
        if (!unique && !isRace(err)) throw err;
        const delayMs = nextDelay(this.#retry, attempt, performance.now() - started);
        if (delayMs === undefined) throw throttled(attempt, "the database reported conflicts with concurrent requests");
        this.#onRetry?.({ mode: mode === "write" ? "write" : "read", attempt, delayMs });
        await sleep(delayMs);
      }
    }
  }

  /** A write waits for its turn in this instance first (write-turns.ts), then for the gate in the database. */
  async #attempt<T>(mode: Mode, fn: (tx: Tx, client: pgTypes.ClientBase) => Promise<T>, now?: number): Promise<T> {
    if (mode === "lazy-read") return this.#lazyRead(fn, now);
    if (mode === "read") return this.#attemptOnConnection(mode, fn, now);
    const endTurn = await this.#turns.take(this.#gateTimeoutMs);
    if (endTurn === undefined) throw new NoTurn(this.#gateTimeoutMs);
    try {
      return await this.#attemptOnConnection(mode, fn, now);
    } finally {
      endTurn();
    }
  }

  async #attemptOnConnection<T>(mode: "read" | "write", fn: (tx: Tx, client: pgTypes.ClientBase) => Promise<T>, now?: number): Promise<T> {
    let client: pgTypes.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (err) {
      if (isConnectionError(err)) throw new AttemptFailed(err, true);
      throw err;
    }
    // An asynchronous error while the client is ours: the failing query rejects on its own;
    // remember to discard the connection.
    let broken: unknown;
    const onError = (err: unknown) => (broken ??= err);
    client.on("error", onError);
    let committing = false;
    try {
      const begin = mode === "write" ? this.#beginWrite : BEGIN_READ;
      // With the time known, "anything due?" travels with BEGIN (one round trip, not two): `now` is
      // a safe integer, written as a literal (the simple protocol takes no parameters).
      let prefetched: Probe | undefined;
      const probe = now !== undefined && Number.isSafeInteger(now) ? `; ${dueProbe(String(now))}` : "";
      // A write of an instance without the lease takes its key shared; a holder's write checks that it
      // still holds it (sole-lease.ts). Either is sent with BEGIN, after the gate.
      const claim = mode === "write" ? this.#claim() : "";
      const results = [await client.query(`${begin}${claim}${probe}`)].flat() as pgTypes.QueryResult<Record<string, unknown>>[];
      if (claim !== "" && results[results.length - (probe === "" ? 1 : 2)]!.rows[0]?.["free"] !== true) await this.#waitForLease(client);
      if (probe !== "") {
        const perTable = dueIn(results[results.length - 1]!.rows[0] ?? {});
        prefetched = { now: now!, due: perTable.includes(true), perTable };
      }
      const tx = this.#txFor(client, mode, prefetched);
      const result = await fn(tx, client);
      committing = true;
      await commit(client);
      return result;
    } catch (err) {
      if (broken !== undefined || isConnectionError(err)) {
        broken ??= err;
        throw new AttemptFailed(err, !committing);
      }
      if (!committing) {
        await client.query("ROLLBACK").catch((rollbackErr: unknown) => (broken ??= rollbackErr));
      }
      throw err;
    } finally {
      // What a holder's reads reuse predates this write: the reads answered after it look again.
      if (committing) this.#looks.invalidate();
      client.off("error", onError);
      client.release(broken instanceof Error ? broken : broken === undefined ? undefined : true);
    }
  }

  /** What a write sends after the gate about the lease: a column `free`, true when it may go on. */
  #claim(): string {
    return `; SELECT ${this.#lease?.heldAtTheDatabase ?? `pg_try_advisory_xact_lock_shared(${LEASE_KEY})`} AS free`;
  }

  /**
   * The key is held by another instance (or this one's lease was lost): ask the holder to give the
   * lease up, then wait for its key (bounded like the gate; past it the attempt is retried like any
   * lost race). The transaction holds the gate, so no write can commit between its snapshot and the
   * key: it still sees every write committed before it.
   */
  async #waitForLease(client: pgTypes.ClientBase): Promise<void> {
    await (this.#lease !== undefined ? this.#lease.askHolder(this.#pool) : askHolder(this.#pool));
    await client.query(this.#gateWait(`SELECT pg_advisory_xact_lock_shared(${LEASE_KEY})`));
  }

  /**
   * A read in the common case. It first takes the database's shared look (`#looks`): one statement,
   * outside any transaction and shared by every read that asked while it was not yet sent, reads
   * the server's current snapshot — the mark of what earlier reads kept (repo.ts `keptPerKind`) —
   * and the earliest due time. A read that finds everything it needs kept is then done: no
   * connection of its own, no BEGIN, no COMMIT. Before its first real statement it takes a
   * connection and opens its REPEATABLE READ snapshot; if another transaction committed since the
   * look, whatever the read took from what was kept may be older than what it now reads, so it runs
   * again, wholly inside the snapshot.
   */
  async #lazyRead<T>(fn: (tx: Tx, client: pgTypes.ClientBase) => Promise<T>, now: number | undefined): Promise<T> {
    let look: Look;
    try {
      look = await this.#looks.take();
    } catch (err) {
      if (isConnectionError(err)) throw new AttemptFailed(err, true);
      throw err;
    }
    const mark: ReadMark = { writes: 0, version: look.mark };
    let client: pgTypes.PoolClient | undefined;
    let broken: unknown;
    const onError = (err: unknown) => (broken ??= err);
    let opening: Promise<void> | undefined;
    let stale = false;
    const open = (): Promise<void> =>
      (opening ??= (async () => {
        try {
          client = await this.#pool.connect();
        } catch (err) {
          if (isConnectionError(err)) throw new AttemptFailed(err, true);
          throw err;
        }
        client.on("error", onError);
        const results = (await client.query(`${BEGIN_READ}; SELECT ${SNAPSHOT_MARK}`)) as unknown as pgTypes.QueryResult<{ mark: string }>[];
        const version = results[1]!.rows[0]!.mark;
        if (version !== mark.version) {
          mark.version = version;
          stale = true;
          // The look is outdated (a write of a session of one's own, or activity elsewhere on the server).
          this.#looks.invalidate();
        }
      })());
    // The repos' statements go to the connection `open` takes (each repo calls `open` first).
    const session = { query: (...args: unknown[]) => (client!.query as (...a: unknown[]) => unknown)(...args) } as unknown as pgTypes.ClientBase;
    try {
      let result: T | undefined;
      let failure: { readonly error: unknown } | undefined;
      const due = now !== undefined ? { now, due: look.nextDue !== null && look.nextDue <= now } : undefined;
      try {
        result = await fn(this.#txFor(session, "read", due, mark, open), session);
      } catch (error) {
        failure = { error };
      }
      // Stale: the answer (or error) may mix older and newer state; the second run cannot.
      if (stale) result = await fn(this.#txFor(session, "read", undefined, mark, open), session);
      else if (failure !== undefined) throw failure.error;
      if (client !== undefined) await commit(client);
      return result as T;
    } catch (err) {
      if (broken !== undefined || isConnectionError(err)) {
        broken ??= err;
        // A read applies nothing: it may always be tried again.
        throw err instanceof AttemptFailed ? err : new AttemptFailed(err, true);
      }
      if (client !== undefined) await client.query("ROLLBACK").catch((rollbackErr: unknown) => (broken ??= rollbackErr));
      throw err;
    } finally {
      if (client !== undefined) {
        client.off("error", onError);
        client.release(broken instanceof Error ? broken : broken === undefined ? undefined : true);
      }
    }
  }

  /**
   * `prefetched`: the answer to the transaction's first `anyDue`, asked with BEGIN (or a lazy read's
   * first look); later calls query. `open`: a lazy read's, called before any statement.
   */
  #txFor(client: pgTypes.ClientBase, mode: "read" | "write", prefetched?: Probe, mark?: ReadMark, open?: () => Promise<void>): Tx {
    let first = prefetched;
    // A write's latest probe, and the due tables it wrote due times to since: settling skips the
    // others' `due` (DueBound), as the probe saw the transaction's own writes up to it.
    let latest: Probe | undefined;
    const noted = mode === "write" ? DUE_TABLES.map(() => false) : undefined;
    // The earliest due time the write has written since its latest probe (Tx.wroteDueBy).
    let notedMin = Infinity;
    const boundOf = (kind: EntityKind): DueBound => {
      const i = dueTableIndex(kind);
      if (i < 0 || noted === undefined) return NO_BOUND;
      return {
        note: (dueAt) => {
          noted[i] = true;
          if (dueAt < notedMin) notedMin = dueAt;
        },
        mayBeDue: (now) => latest?.perTable === undefined || latest.now !== now || latest.perTable[i] === true || noted[i]!,
      };
    };
    const make = (kind: EntityKind): Repo<EntityBase, string, string> => {
      const kept = this.#kept[kind];
      const read: ReadCaches<never> | undefined = mark === undefined ? undefined : ({ mark, keyed: kept.keyed, found: kept.found } as ReadCaches<never>);
      const pgRepo = new PgRepo(client, TABLES[kind] as unknown as TableSpec<EntityKind>, read, open, boundOf(kind)) as unknown as Repo<EntityBase, string, string>;
      return mode === "write" ? pgRepo : readOnlyRepo(kind, pgRepo);
    };
    const anyDue = async (now: number): Promise<boolean> => {
      const known = first;
      first = undefined;
      if (known !== undefined && known.now === now) latest = known;
      else {
        if (open !== undefined) await open();
        const res = await run(client, dueProbe("$1"), [now]);
        const perTable = dueIn(res.rows[0]!);
        latest = { now, due: perTable.includes(true), perTable };
      }
      noted?.fill(false);
      notedMin = Infinity;
      return latest.due;
    };
    return new LazyRepos(make, anyDue, (now) => notedMin <= now) as unknown as Tx;
  }
}

/** A transaction's answer to "anything due at `now`?", per due table when a write asked it (dueProbe). */
interface Probe {
  readonly now: number;
  readonly due: boolean;
  readonly perTable?: readonly boolean[];
}
