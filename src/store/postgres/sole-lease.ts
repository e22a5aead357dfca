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
 * the lease, and a lease cannot be granted while such a write runs. A write that finds the lease held asks the holder to give it
 * up (`NOTIFY` with the key), then waits for the key (bounded like the gate); the holder stops
 * reusing looks first, then unlocks. So every write of another instance commits after the holder
 * stopped reusing looks, and a read answered after that write was acknowledged has taken a look of
 * its own. The holder tries again a while later (`retryMs`): when another instance keeps writing,
 * the lease changes hands at most once per `retryMs`.
 *
 * A holder that stops talking (a paused VM) would hold every other instance's writes: its
 * connection ends the session after `idleMs` without a statement (`idle_session_timeout`,
 * PostgreSQL 14 and later), which frees the key, and a live holder sends a statement every third of
 * that. On an older PostgreSQL, which has no such timeout, the lease is never taken.
 *
 * A session of your own that writes the tables does not take the key: an instance holding the lease
 * sees such a write once it writes itself, or once its reused look is `lookReuseMs` old.
 */
import type pgTypes from "pg";
import { pg } from "./driver.js";

/** The channel a writer asks the holder on; the payload is the lease key of the schema. */
export const LEASE_CHANNEL = "redshift_local_sole_writer";

/** The lease key of the connection's schema, as the text of a bigint (a literal in the statements that take it). */
export const LEASE_KEY = "SELECT hashtextextended('redshift-local sole writer ' || current_schema(), 0)::text AS key";

/** Something that runs a statement: a client or a pool. */
export interface Queryable {
  query(sql: string, args: unknown[]): Promise<unknown>;
}

/** Asks whichever instance holds the lease of `key` to give it up. */
export async function askHolder(db: Queryable, key: string): Promise<void> {
  await db.query("SELECT pg_notify($1, $2)", [LEASE_CHANNEL, key]);
}

/** `idle_session_timeout` came with PostgreSQL 14. */
const MIN_SERVER_VERSION = 140000;

export interface LeaseOptions {
  /** The connection's settings (the pool's: same database, user and search_path). */
  readonly connection: pgTypes.ClientConfig;
  readonly key: string;
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

  /** Makes the first attempt now; the lease is then taken whenever it is free, in the background. */
  start(): void {
    this.#schedule(0);
  }

  /** Asks whichever instance holds the lease to give it up: on the lease's connection if it has a working one, else on `fallback`. */
  async askHolder(fallback: Queryable): Promise<void> {
    const client = this.#client;
    if (client !== undefined) {
      try {
        return await askHolder(client, this.#options.key);
      } catch {
        // Connecting, or lost: its listeners deal with it; the request does not depend on it.
      }
    }
    await askHolder(fallback, this.#options.key);
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
      const res = await client.query<{ held: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS held", [this.#options.key]);
      if (res.rows[0]?.held !== true) return this.#schedule(this.#options.retryMs);
      if (this.#closed || this.#client !== client) {
        await client.query("SELECT pg_advisory_unlock($1::bigint)", [this.#options.key]).catch(() => undefined);
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
      if (message.channel === LEASE_CHANNEL && message.payload === this.#options.key && this.#client === client) this.#giveUp(client);
    });
    this.#client = client;
    await client.connect();
    const version = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    if (Number(version.rows[0]?.v) < MIN_SERVER_VERSION) {
      this.#unsupported = true;
      this.#drop();
      return undefined;
    }
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
    client.query("SELECT pg_advisory_unlock($1::bigint)", [this.#options.key]).then(
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
