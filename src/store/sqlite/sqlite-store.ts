/**
 * The embedded default store: better-sqlite3 in WAL mode, one file in `--data-dir`
 * (`redshift-local.sqlite`), or an in-memory image (EMPTY_DATABASE) for `--in-memory`.
 *
 * better-sqlite3 is synchronous and this process holds one connection, so transactions are
 * serialised by a promise queue. Writes run as `BEGIN IMMEDIATE … COMMIT`; in a file, writes that
 * run back to back share one commit (commit-group.ts). The write repos keep what
 * `getForUpdateShared` found for the next writes while nothing can have changed it (repo.ts
 * `WriteEpoch`, moved here by every undone write, by another connection's commit seen at a group's
 * BEGIN, and by reset). Reads of a file ask
 * `PRAGMA data_version` (one look shared by a burst of reads), then, if they run a statement, open
 * a deferred `BEGIN … COMMIT`, which in WAL mode neither waits for writers nor blocks them
 * (https://www.sqlite.org/wal.html#concurrency)
 * (#fileRead); reads in memory, where this connection is the only one and the queue already runs
 * one operation at a time, run no transaction statement at all. A read's repos refuse every write
 * (store.ts readOnlyTx). `PRAGMA query_only` is not used: setting any flag pragma expires every
 * prepared statement of the connection (SQLite adds OP_Expire), so toggling it around each
 * transaction recompiled every statement the next one ran.
 *
 * Another process sharing the file may hold the write lock: the attempt fails at once and the whole
 * operation is run again after an asynchronous backoff (contention.ts), never blocking the event
 * loop and never answering 500.
 * `synchronous=NORMAL` in WAL mode keeps every committed transaction across a crash of the process
 * (`kill -9`); only an OS crash may lose the last ones.
 *
 * The file's identity (device, inode) is remembered at open and checked before every write (one
 * `stat`, a few µs): if the data directory was deleted or the file replaced, the connection would
 * go on writing to an unlinked file whose contents vanish at the next start, so writes are refused
 * with 503 ServiceUnavailable and /health reports the problem instead.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import type { EntityBase, EntityKind } from "../../domain/entities.js";
import { ServiceUnavailable } from "../../domain/errors.js";
import type { Repos, RetryEvent, RetryPolicy, Snapshot, Store, StoreHealth, Tx } from "../store.js";
import { readOnlyTx } from "../store.js";
import { ENTITY_KINDS, TABLES, rowToEntity, type Row, type TableSpec } from "../tables.js";
import { BACKSTOP_PAGES, Checkpointer, DEFAULT_AUTOCHECKPOINT_PAGES } from "./checkpointer.js";
import { CommitGroup, MAX_GROUP } from "./commit-group.js";
import { contentionError, isContention, nextDelay, resolveRetry } from "./contention.js";
import { fileIdentity, migrate, openDatabaseFile, type Db, type FileIdentity } from "./open.js";
import type { ReadMark } from "../decoded.js";
import { DueBounds } from "./due-bounds.js";
import { SqliteRepo, type WriteEpoch } from "./repo.js";

export const SQLITE_FILE = "redshift-local.sqlite";

/**
 * The in-memory store opens an empty database image (`sqlite3_deserialize`, SQLite's `memdb` VFS),
 * not `:memory:`. A `:memory:` database keeps every page in its page cache, and a COMMIT may walk
 * that cache's whole hash table to drop pages past the end (pcache1TruncateUnsafe): a write then
 * costs in proportion to everything stored. A memdb image sits behind an ordinary bounded page
 * cache, and its commits cost the same at any size. It grows to SQLite's default limit for it,
 * 1 GiB; past it a write is refused with 503 ServiceUnavailable, and nothing of it is applied.
 */
const EMPTY_DATABASE = Buffer.alloc(0);
/**
 * The page cache in front of the in-memory image: a page it misses is a copy from memory, while a
 * larger cache is more memory for every statement and COMMIT to go through, so a small cache is the
 * cheaper one (in-process CreateCluster ~8 % faster with 128 pages than with SQLite's default ~500,
 * AuthorizeEndpointAccess ~15 % faster than with 2,000).
 */
const MEMORY_CACHE_PAGES = 128;
const MEMORY_FULL = "The in-memory store is full (1 GiB): the write was not applied. Restart with --data-dir to keep more.";

/** SQLITE_FULL: the in-memory image is at its limit. */
function isFull(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === "SQLITE_FULL";
}

export interface SqliteOptions {
  /** Directory for the database file; omitted = in memory. */
  readonly dataDir?: string | undefined;
  /** How long and how often an operation is retried while another process holds the lock. */
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Called before each retry caused by the lock (logs, tests). */
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  /**
   * Called with the text of every SQL statement this store runs (better-sqlite3's `verbose`), for
   * the statement-count tests. Absent in production: no cost.
   */
  readonly onStatement?: ((sql: string) => void) | undefined;
  /** Test hook: open the file read-only, as SQLite does for a file this process cannot write. */
  readonly openReadOnly?: boolean | undefined;
  /** Test hook: in memory, the most pages (4 KiB) the database may grow to, instead of 1 GiB's. */
  readonly memoryPages?: number | undefined;
}

type Mode = "read" | "write";

export class SqliteStore implements Store {
  readonly kind: "sqlite" | "memory";
  readonly location: string;
  readonly #db: Db;
  readonly #tx: Tx;
  readonly #readTx: Tx;
  readonly #beginWrite: Database.Statement;
  readonly #beginRead: Database.Statement;
  readonly #commit: Database.Statement;
  readonly #rollback: Database.Statement;
  readonly #savepoint: Database.Statement;
  readonly #release: Database.Statement;
  readonly #rollbackTo: Database.Statement;
  /** A file's open write transaction, shared by the writes that ran since it began (commit-group.ts). */
  #group: CommitGroup | undefined;
  readonly #retry: RetryPolicy;
  readonly #onRetry: ((event: RetryEvent) => void) | undefined;
  readonly #identity: FileIdentity | undefined;
  /** A file's checkpoints, run by a worker thread (checkpointer.ts). */
  readonly #checkpointer: Checkpointer | undefined;
  readonly #dataVersion: Database.Statement;
  /** When something falls due, as far as this connection knows (due-bounds.ts). */
  readonly #due: DueBounds;
  /** What may have changed rows behind the write repos (repo.ts WriteEpoch); moved by #undone and at a group's BEGIN. */
  readonly #epoch: WriteEpoch = { value: 0 };
  /** `PRAGMA data_version` when the last group of writes began (a file: another connection's commits move it). */
  #writeVersion: number | undefined;
  #problem: string | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  /** Operations not yet settled, including those waiting out a backoff outside the queue. */
  readonly #running = new Set<Promise<unknown>>();
  #closed = false;
  /**
   * The database a read transaction sees (store/decoded.ts): this connection's write transactions
   * so far (counted when each starts and ends) and, for a file, `PRAGMA data_version` read as the
   * read transaction's first statement. Entities read under one mark are valid for the next read
   * under the same one.
   */
  readonly #mark: ReadMark = { writes: 0, version: 0, open: () => this.#openRead() };
  /** Reads asked for so far (each read's number, #fileRead). */
  #readsAsked = 0;
  /** The last look at `PRAGMA data_version`, and how many reads had been asked for when it was taken. */
  #look: { readonly version: number; readonly asked: number } = { version: 0, asked: -1 };
  /** The file read in progress: whether its snapshot is open, and whether it must run again. */
  #reading: { open: boolean; stale: boolean } | undefined;

  constructor(options: SqliteOptions = {}) {
    this.#retry = resolveRetry(options.retry);
    this.#onRetry = options.onRetry;
    if (options.dataDir !== undefined) {
      const dir = resolve(options.dataDir);
      this.location = join(dir, SQLITE_FILE);
      this.kind = "sqlite";
      this.#db = openDatabaseFile(dir, this.location, { readonly: options.openReadOnly, verbose: options.onStatement });
      this.#identity = fileIdentity(this.location);
      if (options.openReadOnly !== true) {
        this.#db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
        // Should the worker fail, this connection checkpoints as SQLite does by default.
        this.#checkpointer = new Checkpointer(this.location, () => {
          if (!this.#closed) this.#db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
        });
      }
    } else {
      this.location = ":memory:";
      this.kind = "memory";
      this.#db = new Database(EMPTY_DATABASE, options.onStatement === undefined ? {} : { verbose: (sql) => options.onStatement!(String(sql)) });
      this.#db.pragma(`cache_size = ${MEMORY_CACHE_PAGES}`);
      // Nothing but this connection can open the image. In SQLite's default locking mode each
      // transaction takes the lock anew and, at its end, gives it back and drops from the page cache
      // what lies past the image (pcache1TruncateUnsafe, a walk of the cache); holding the lock for
      // good skips both (in-process writes ~8 % faster).
      this.#db.pragma("locking_mode = EXCLUSIVE");
      migrate(this.#db);
      if (options.memoryPages !== undefined) this.#db.pragma(`max_page_count = ${options.memoryPages}`);
    }
    const repos = {} as Record<EntityKind, SqliteRepo<EntityKind>>;
    this.#due = new DueBounds(this.#db, () => this.#mark.writes);
    for (const kind of ENTITY_KINDS) repos[kind] = new SqliteRepo(this.#db, TABLES[kind] as unknown as TableSpec<EntityKind>, this.#due.of(kind), undefined, this.#epoch);
    // Read-only transactions get repos of their own that share decoded entities (store/decoded.ts).
    const readRepos = {} as Record<EntityKind, SqliteRepo<EntityKind>>;
    for (const kind of ENTITY_KINDS) readRepos[kind] = new SqliteRepo(this.#db, TABLES[kind] as unknown as TableSpec<EntityKind>, undefined, this.#mark);
    this.#dataVersion = this.#db.prepare("PRAGMA data_version").pluck();
    this.#tx = { ...(repos as unknown as Repos), anyDue: async (now: number) => this.#anyDue(now), wroteDueBy: (now: number) => this.#due.wroteDueBy(now) };
    this.#readTx = readOnlyTx({ ...(readRepos as unknown as Repos), anyDue: async (now: number) => this.#anyDue(now, true), wroteDueBy: () => false });
    this.#beginWrite = this.#db.prepare("BEGIN IMMEDIATE");
    this.#beginRead = this.#db.prepare("BEGIN");
    this.#commit = this.#db.prepare("COMMIT");
    this.#rollback = this.#db.prepare("ROLLBACK");
    this.#savepoint = this.#db.prepare("SAVEPOINT member");
    this.#release = this.#db.prepare("RELEASE member");
    this.#rollbackTo = this.#db.prepare("ROLLBACK TO member");
  }

  /** The schema version of the open database. */
  get schemaVersion(): number {
    return this.#db.pragma("user_version", { simple: true }) as number;
  }

  transact<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#track(this.#withRetry("write", fn));
  }

  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#track(this.#withRetry("read", fn, ++this.#readsAsked));
  }

  health(): StoreHealth {
    if (this.#problem === undefined && this.#identity !== undefined && !this.#sameFile()) this.#problem = this.#removedMessage();
    return this.#problem === undefined ? { ok: true } : { ok: false, problem: this.#problem };
  }

  async snapshot(): Promise<Snapshot> {
    return this.read(async () => {
      this.#openRead();
      const snap = {} as Record<EntityKind, EntityBase[]>;
      for (const kind of ENTITY_KINDS) {
        const rows = this.#db.prepare(`SELECT body FROM ${TABLES[kind].table} ORDER BY region, account, created_at, id`).all() as Row[];
        snap[kind] = rows.map((r) => rowToEntity<EntityBase>(r));
      }
      return snap as unknown as Snapshot;
    });
  }

  /**
   * `PRAGMA data_version` changes when another connection (process) commits; `total_changes()`
   * counts this connection's own row changes (counted when made, so a rolled-back one is a false change).
   */
  async changeMarker(): Promise<string> {
    const others = this.#db.pragma("data_version", { simple: true }) as number;
    const own = (this.#db.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
    return `${others}:${own}`;
  }

  async reset(): Promise<void> {
    await this.transact(async () => {
      this.#epoch.value++; // rows removed behind the repos
      for (const kind of ENTITY_KINDS) this.#db.exec(`DELETE FROM ${TABLES[kind].table}`);
    });
  }

  /** Checkpoints the worker thread completed, once none is running (checkpointer.ts; 0 in memory). */
  async checkpointsDone(): Promise<number> {
    await this.#checkpointer?.idle();
    return this.#checkpointer?.checkpoints ?? 0;
  }

  async close(): Promise<void> {
    // Operations in a backoff are not in the queue: wait for them too (each is bounded).
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
    await this.#queue;
    if (this.#closed) return;
    this.#closed = true;
    await this.#checkpointer?.close();
    this.#db.close();
  }

  #track<T>(p: Promise<T>): Promise<T> {
    this.#running.add(p);
    const done = () => this.#running.delete(p);
    p.then(done, done);
    return p;
  }

  /**
   * Runs `fn` in a transaction; when the lock is taken by another process, rolls back and runs it
   * again from scratch after a backoff. The backoff is spent outside the queue, so this process's
   * other operations (reads especially) go on meanwhile and nothing waits on a sleeping slot.
   * `asked`: a read's number (#readsAsked when it was asked for); 0 for a write.
   */
  async #withRetry<T>(mode: Mode, fn: (tx: Tx) => Promise<T>, asked = 0): Promise<T> {
    const started = performance.now();
    for (let attempt = 1; ; attempt++) {
      try {
        if (mode === "write" && this.kind === "sqlite") {
          // Acknowledged once its group is committed, which it awaits outside the queue.
          const { value, committed } = await this.#enqueue(() => this.#groupedWrite(fn));
          await committed;
          return value;
        }
        return await this.#enqueue(() => this.#attempt(mode, fn, asked));
      } catch (err) {
        if (!isContention(err)) throw err;
        const delayMs = nextDelay(this.#retry, attempt, performance.now() - started);
        if (delayMs === undefined) throw contentionError(attempt);
        this.#onRetry?.({ mode, attempt, delayMs });
        await sleep(delayMs);
      }
    }
  }

  #enqueue<T>(run: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #attempt<T>(mode: Mode, fn: (tx: Tx) => Promise<T>, asked: number): Promise<T> {
    if (this.#closed) throw new Error("store is closed");
    // In memory, a read needs no transaction at all: this connection is the database's only one and
    // the queue runs one operation at a time, so nothing can change while the read runs; its repos
    // refuse every write (readOnlyTx) and it has nothing to undo.
    if (mode === "read") {
      if (this.kind === "memory") return fn(this.#readTx);
      if (this.#group !== undefined) this.#commitGroup(); // a read sees only what is committed
      return this.#fileRead(fn, asked);
    }
    // A write here is in memory: a file's writes are grouped (#groupedWrite), which checks the file.
    this.#mark.writes++;
    try {
      this.#beginWrite.run();
      try {
        const result = await fn(this.#tx);
        this.#commit.run();
        return result;
      } catch (err) {
        if (this.#db.inTransaction) this.#rollback.run();
        this.#undone();
        throw isFull(err) ? new ServiceUnavailable(MEMORY_FULL) : err;
      }
    } finally {
      // Whatever the write did (committed or rolled back), entities read before it are not reused.
      this.#mark.writes++;
    }
  }

  /**
   * A write to a file, inside the open group or opening one (commit-group.ts). Resolves when the
   * operation is done, with the group's commit for the caller to await outside the queue.
   */
  async #groupedWrite<T>(fn: (tx: Tx) => Promise<T>): Promise<{ value: T; committed: Promise<void> }> {
    if (this.#closed) throw new Error("store is closed");
    let group = this.#group;
    if (group === undefined) {
      this.#checkFile();
      this.#beginWrite.run(); // another process's lock throws here, before anything began
      group = this.#group = new CommitGroup();
      this.#noteOtherWriters();
    } else this.#savepoint.run();
    this.#mark.writes++;
    try {
      const value = await fn(this.#tx);
      if (group.members > 0) this.#release.run();
      group.members++;
      if (group.members >= MAX_GROUP) this.#commitGroup();
      else if (!group.scheduled) {
        group.scheduled = true;
        // On the next turn of the loop, so that the writes asked for in this one join the group;
        // through the queue, so that it never lands inside another operation.
        const member = group;
        setImmediate(() => void this.#enqueue(async () => (this.#group === member ? this.#commitGroup() : undefined)).catch(() => undefined));
      }
      return { value, committed: group.committed };
    } catch (err) {
      this.#undone();
      if (!(group.members > 0 && this.#undoMember())) {
        // The group's first operation, or SQLite undid the whole transaction itself (or its
        // savepoint could not be undone): the group ends here, and its members were not committed.
        this.#group = undefined;
        group.fail(err);
        if (this.#db.inTransaction) this.#rollback.run();
      }
      throw err;
    } finally {
      // Whatever the write did, entities read before it are not reused.
      this.#mark.writes++;
    }
  }

  /** Undoes the failed member's writes alone; false when the transaction is gone or cannot be kept. */
  #undoMember(): boolean {
    if (!this.#db.inTransaction) return false;
    try {
      this.#rollbackTo.run();
      this.#release.run();
      return true;
    } catch {
      return false;
    }
  }

  /** Commits the open group and settles its members; a failed COMMIT fails every one of them. Never throws. */
  #commitGroup(): void {
    const group = this.#group!;
    this.#group = undefined;
    try {
      this.#checkFile(); // no write acknowledged into a file that was removed meanwhile
      this.#commit.run();
    } catch (err) {
      group.fail(err);
      this.#undone();
      try {
        if (this.#db.inTransaction) this.#rollback.run();
      } catch {
        // The members already have the error; the next write's BEGIN reports what is wrong.
      }
      return;
    }
    group.succeed();
    this.#checkpointer?.noteCommit();
  }

  /**
   * A read of a file. It first looks at `PRAGMA data_version` (one statement, outside any
   * transaction): while neither this connection nor another has written since, what earlier reads
   * kept is current and the read may need nothing else — no transaction at all. Its snapshot
   * (`BEGIN`) is opened only when it runs a statement (#openRead); if another connection committed
   * between the first look and the snapshot, whatever the read took from what was kept may be
   * older than what it now reads, so it runs again, wholly inside the snapshot.
   *
   * One look serves every read asked for before it was taken (`asked`): such a read may answer
   * the database as it was at the look, a moment after it arrived — as the PostgreSQL store's
   * shared look does (postgres/shared-look.ts). A read that needs a new look takes it on the next
   * turn of the event loop (`setImmediate`), so that the requests arriving in this turn are asked
   * for first and share it: under load a burst of reads costs one look, not one each. A read asked
   * for after the last look takes a new one, so none answers from before it arrived.
   */
  async #fileRead<T>(fn: (tx: Tx) => Promise<T>, asked: number): Promise<T> {
    if (asked > this.#look.asked) {
      // Reads that arrive in this turn of the event loop queue up behind this one meanwhile.
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.#look = { version: this.#dataVersion.get() as number, asked: this.#readsAsked };
    }
    this.#mark.version = this.#look.version;
    const read = { open: false, stale: false };
    this.#reading = read;
    try {
      let result: T | undefined;
      let failure: { readonly error: unknown } | undefined;
      try {
        result = await fn(this.#readTx);
      } catch (error) {
        failure = { error };
      }
      // Stale: the answer (or error) may mix older and newer state; the second run cannot be.
      if (read.stale) result = await fn(this.#readTx);
      else if (failure !== undefined) throw failure.error;
      if (read.open) this.#commit.run();
      return result as T;
    } catch (err) {
      if (this.#db.inTransaction) this.#rollback.run();
      throw err;
    } finally {
      this.#reading = undefined;
    }
  }

  /** Opens the current file read's snapshot, before its first statement (ReadMark.open). */
  #openRead(): void {
    const read = this.#reading;
    if (read === undefined || read.open) return;
    this.#beginRead.run();
    read.open = true;
    // The snapshot's first statement: did another connection commit since the read's first look?
    const version = this.#dataVersion.get() as number;
    // A fresher look for the reads asked for so far.
    this.#look = { version, asked: this.#readsAsked };
    if (version !== this.#mark.version) {
      this.#mark.version = version;
      read.stale = true;
    }
  }

  /**
   * `anyDue` without reading the tables in the common case (due-bounds.ts). A read has asked
   * data_version already (#fileRead); a write's group asked it at its BEGIN IMMEDIATE
   * (#noteOtherWriters), and no other connection can commit while the group holds the write lock.
   * In memory there is no other connection.
   */
  #anyDue(now: number, inRead = false): boolean {
    if (this.#identity === undefined) return this.#due.anyDue(now, 0, !inRead);
    if (!inRead) return this.#due.anyDue(now, this.#writeVersion ?? (this.#dataVersion.get() as number), true);
    return this.#due.anyDue(now, this.#mark.version, false, () => {
      this.#openRead();
      return this.#mark.version;
    });
  }

  /**
   * A write (or a group's COMMIT) was undone. What was read inside it may no longer be what is
   * stored: a due transition it settled, an entity the write repos kept.
   */
  #undone(): void {
    this.#due.forget();
    this.#epoch.value++;
  }

  /** At a file's BEGIN IMMEDIATE: if another connection committed since the last group, what the write repos kept may be stale. */
  #noteOtherWriters(): void {
    const version = this.#dataVersion.get() as number;
    if (version !== this.#writeVersion) {
      this.#writeVersion = version;
      this.#epoch.value++;
    }
  }

  #checkFile(): void {
    if (this.#identity === undefined) return;
    if (this.#problem === undefined && !this.#sameFile()) this.#problem = this.#removedMessage();
    if (this.#problem !== undefined) throw new ServiceUnavailable(this.#problem);
  }

  #sameFile(): boolean {
    const now = fileIdentity(this.location);
    return now !== undefined && now.dev === this.#identity!.dev && now.ino === this.#identity!.ino;
  }

  #removedMessage(): string {
    return (
      `The database file ${this.location} was removed or replaced while redshift-local was running; ` +
      "writes are refused so that none is acknowledged and then lost. Restart redshift-local."
    );
  }
}
