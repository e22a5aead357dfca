/**
 * The sole-writer lease: while an instance holds it, no other instance writes the schema, so the
 * instance knows of every write the moment it commits it, and its reads may reuse the database's
 * last look (shared-look.ts) instead of asking for a new one per read — a read then costs no round
 * trip at all when what it needs was kept (postgres-store.ts `#lazyRead`).
 *
 * The lease is a session-level advisory lock, exclusive, keyed by the schema (`LEASE_KEY`), held
 * by a connection of its own that also `LISTEN`s on one channel. Every write of an instance that
 * does not hold it takes the same key shared, for its transaction, right after the write gate (sent
 * with BEGIN, postgres-store.ts `#attemptOnConnection`): it cannot be granted while a holder has
 * the lease, and a lease cannot be granted while such a write runs. A write that finds the lease
 * held asks the holder to give it up (`NOTIFY` with the key), then waits for the key (bounded like
 * the gate); the holder stops reusing looks first, then unlocks. So every write of another instance commits after the holder
 * stopped reusing looks, and a read answered after that write was acknowledged has taken a look of
 * its own. The holder tries again a while later (`retryMs`): when another instance keeps writing,
 * the lease changes hands at most once per `retryMs`.
 *
 * Two more rules close the gaps around a change of hands. The lease is taken while holding the
 * write gate, so no write is at the database at that moment. And a holder's write does not trust
 * the holder's own belief: after the gate it checks that the lease's session still holds it
 * (`heldAtTheDatabase`, a lock only that session takes); if not — the session ended and this
 * process does not know yet, or the lease changed hands after the write was decided — it takes the
 * key as any other instance's write does.
 *
 * A holder that stops talking (a paused VM) would hold every other instance's writes: its
 * connection ends the session after `idleMs` without a statement (`idle_session_timeout`,
 * PostgreSQL 14 and later), which frees the key, and a live holder sends a statement every third of
 * that. On an older PostgreSQL, which has no such timeout, the lease is never taken.
 *
 * A session of your own that writes the tables does not take the key: an instance holding the lease
 * sees such a write once it writes itself, or once its reused look is `lookReuseMs` old. Nor can a
 * holder know the instant its session ends (terminated, or the network between them lost): until
 * its connection reports it, its reads may reuse a look older than a write another instance then
 * made — a window as long as the report takes, which on a working network is the time for the
 * server's termination message to arrive.
 */
import type pgTypes from "pg";
import { pg } from "./driver.js";

/** The channel a writer asks the holder on; the payload is the lease key of the schema. */
export const LEASE_CHANNEL = "redshift_local_sole_writer";

/**
 * The lease key of the connection's schema: a bigint SQL expression, evaluated by the database in
 * every statement that takes or names the key (every connection of an instance has the store's
 * search_path), so no instance needs to read it first.
 */
export const LEASE_KEY = "hashtextextended('redshift-local sole writer ' || current_schema(), 0)";

/** Something that runs a statement: a client or a pool. */
export interface Queryable {
  query(sql: string, args: unknown[]): Promise<unknown>;
}

/** Asks whichever instance holds the lease of the connection's schema to give it up. */
export async function askHolder(db: Queryable): Promise<void> {
  await db.query(`SELECT pg_notify($1, (${LEASE_KEY})::text)`, [LEASE_CHANNEL]);
}

/** The first half of the holder's own lock, `(HOLDER_LOCK, backend pid)` ("RSLH"; two-int keys never meet bigint ones). */
const HOLDER_LOCK = 0x52534c48;

/** Gives the lease up: the holder's own lock first (a write that checks it then takes the key), then the key. */
const UNLOCK = `SELECT pg_advisory_unlock(${HOLDER_LOCK}, pg_backend_pid()); SELECT pg_advisory_unlock(${LEASE_KEY})`;

/** lock_not_available: the gate was busy (NOWAIT). */
const LOCK_NOT_AVAILABLE = "55P03";

/** `idle_session_timeout` came with PostgreSQL 14. */
const MIN_SERVER_VERSION = 140000;

export interface LeaseOptions {
  /** The connection's settings (the pool's: same database, user and search_path). */
  readonly connection: pgTypes.ClientConfig;
  /** The session of a holder that sends no statement for this long is ended by PostgreSQL. */
  readonly idleMs: number;
  /** How long after losing (or failing to take) the lease the next attempt is made. */
  readonly retryMs: number;
  /** Told synchronously when the lease is taken or given up, before anything else happens. */
  readonly onChange: (held: boolean) => void;
}

export class SoleLease {
  readonly #options: LeaseOptions;
  #client: pgTypes.Client | undefined;
  /** The backend of the lease's connection (`pg_backend_pid()`). */
  #pid: number | undefined;
  /** `LEASE_KEY` as text, as a writer's notice carries it. */
  #key: string | undefined;
  #held = false;
  #closed = false;
  /** The server cannot bound a holder's session: the lease is never taken. */
  #unsupported = false;
  #timer: NodeJS.Timeout | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  #attempt: Promise<void> | undefined;
  /**
   * A writer asked while the lease was not held. Its notice may come in the same read from the
   * socket as the answer that grants the lease, before the grant is seen: it is then honoured at once.
   */
  #askedMeanwhile = false;

  constructor(options: LeaseOptions) {
    // An instance without the lease keeps its session alive with its attempts.
    this.#options = { ...options, retryMs: Math.max(1, Math.min(options.retryMs, Math.floor(options.idleMs / 3))) };
  }

  /** Whether this instance holds the lease now (no other instance can write while it does). */
  get held(): boolean {
    return this.#held;
  }

  /**
   * While the lease is held: a condition that is true when the database agrees that it is. With the
   * key, the lease's session holds a second lock of its own, `(HOLDER_LOCK, its backend pid)`,
   * exclusive: a shared try of that lock fails exactly while the session holds it — a few
   * microseconds, where reading `pg_locks` would cost a scan of the lock table. A holder's write
   * checks it after the write gate: one that runs after the lease was lost without this process
   * knowing yet (its session ended) takes the key as any other instance's write does.
   */
  get heldAtTheDatabase(): string | undefined {
    if (!this.#held || this.#pid === undefined) return undefined;
    return `NOT pg_try_advisory_xact_lock_shared(${HOLDER_LOCK}, ${this.#pid})`;
  }

  /** Makes the first attempt now; the lease is then taken whenever it is free, in the background. */
  start(): void {
    this.#schedule(0);
  }

  /** Asks whichever instance holds the lease to give it up: on the lease's connection if it has a working one, else on `fallback`. */
  async askHolder(fallback: Queryable): Promise<void> {
    const client = this.#client;
    if (client !== undefined) {
      try {
        return await askHolder(client);
      } catch {
        // Connecting, or lost: its listeners deal with it; the request does not depend on it.
      }
    }
    await askHolder(fallback);
  }

  /** Gives the lease up and ends its connection. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#attempt;
    this.#drop();
  }

  #schedule(ms: number): void {
    if (this.#closed || this.#unsupported) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#attempt = this.#take().finally(() => (this.#attempt = undefined));
    }, ms);
    this.#timer.unref();
  }

  async #take(): Promise<void> {
    try {
      const client = this.#client ?? (await this.#connect());
      if (client === undefined || this.#closed) return;
      this.#askedMeanwhile = false;
      if (!(await this.#tryUnderTheGate(client))) return this.#schedule(this.#options.retryMs);
      if (this.#closed || this.#client !== client) {
        await client.query(UNLOCK).catch(() => undefined);
        return;
      }
      this.#held = true;
      this.#options.onChange(true);
      this.#heartbeat = setInterval(() => void client.query("SELECT 1").catch(() => undefined), Math.max(1, Math.floor(this.#options.idleMs / 3)));
      this.#heartbeat.unref();
      if (this.#askedMeanwhile) this.#giveUp(client);
    } catch {
      // The connection failed (its "error" listener dropped it) or the database is away: try later.
      this.#drop();
      this.#schedule(this.#options.retryMs);
    }
  }

  /**
   * Tries the key while holding the write gate, so that no write is at the database when the lease
   * is taken (a write that passed its check of an earlier holder's lease commits before, one that
   * did not finds the key held). The gate is taken NOWAIT: a busy gate is a failed attempt, tried
   * again later, and this connection — which writers of this instance ask the holder through — is
   * never held up behind them. The session's lock outlives the transaction.
   */
  async #tryUnderTheGate(client: pgTypes.Client): Promise<boolean> {
    try {
      const results = (await client.query(
        `BEGIN; LOCK TABLE write_gate IN EXCLUSIVE MODE NOWAIT; ` +
          // Both locks or neither (the second cannot fail while this transaction holds the gate).
          `SELECT CASE WHEN pg_try_advisory_lock(${LEASE_KEY}) THEN ` +
          `(CASE WHEN pg_try_advisory_lock(${HOLDER_LOCK}, pg_backend_pid()) THEN true ELSE NOT pg_advisory_unlock(${LEASE_KEY}) END) ` +
          `ELSE false END AS held`,
      )) as unknown as pgTypes.QueryResult<{ held?: boolean }>[];
      await client.query("COMMIT");
      return results[results.length - 1]!.rows[0]?.held === true;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      if ((err as { code?: unknown }).code === LOCK_NOT_AVAILABLE) return false;
      throw err;
    }
  }

  /** A connected, listening client; undefined when the server is too old to bound a holder's session. */
  async #connect(): Promise<pgTypes.Client | undefined> {
    const client = new pg.Client(this.#options.connection);
    const lost = (): void => {
      if (this.#client !== client) return;
      this.#drop();
      this.#schedule(this.#options.retryMs);
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (message) => {
      if (message.channel === LEASE_CHANNEL && message.payload === this.#key && this.#client === client) this.#giveUp(client);
    });
    this.#client = client;
    await client.connect();
    const session = await client.query<{ version: string; pid: number; key: string }>(
      `SELECT current_setting('server_version_num') AS version, pg_backend_pid() AS pid, (${LEASE_KEY})::text AS key`,
    );
    const { version, pid, key } = session.rows[0]!;
    if (Number(version) < MIN_SERVER_VERSION) {
      this.#unsupported = true;
      this.#drop();
      return undefined;
    }
    [this.#pid, this.#key] = [pid, key];
    await client.query(`SET idle_session_timeout = ${this.#options.idleMs}; LISTEN ${LEASE_CHANNEL}`);
    return client;
  }

  /** Another instance wants to write: stop relying on the lease, then free the key. */
  #giveUp(client: pgTypes.Client): void {
    if (!this.#held) {
      this.#askedMeanwhile = true;
      return;
    }
    this.#release();
    client.query(UNLOCK).then(
      () => this.#schedule(this.#options.retryMs),
      () => undefined, // the connection failed: its "error" listener handles it
    );
  }

  #release(): void {
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    if (this.#held) {
      this.#held = false;
      this.#options.onChange(false);
    }
  }

  /** Forgets the connection (ending its session frees the key, if it was held). */
  #drop(): void {
    this.#release();
    const client = this.#client;
    this.#client = undefined;
    client?.end().catch(() => undefined);
  }
}
