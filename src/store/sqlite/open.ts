/**
 * Opening the database file so that start-up tells the truth: the data directory is created one
 * level at a time (never `mkdirSync({ recursive: true })`, which loops forever on procfs, where
 * `mkdir` answers ENOENT under an existing parent), and before the server listens the file must
 * pass SQLite's `quick_check` and take a real committed write. SQLite silently opens a file it may
 * not write read-only, and `BEGIN IMMEDIATE; ROLLBACK` succeeds on it, so only a write proves the
 * store can serve writes. Every failure is one Error whose message names the path and the cause.
 */
import { accessSync, constants, mkdirSync, statSync, type BigIntStats, type Stats } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { LATEST_VERSION, MIGRATIONS } from "./migrations.js";

export type Db = Database.Database;

/** Waiting for another process that is migrating the same file at start-up is fine: nothing is served yet. */
const STARTUP_BUSY_TIMEOUT_MS = 5000;

export interface OpenFileOptions {
  /**
   * Test hook: open the file read-only, as SQLite does on its own for a file this process may not
   * write (tests run as root, which may write any file, so they cannot make one unwritable).
   */
  readonly readonly?: boolean | undefined;
  /** Called with every statement run (better-sqlite3's `verbose`); tests count them. */
  readonly verbose?: ((sql: string) => void) | undefined;
}

/** The identity of the file a path names, to notice when the path stops naming it. */
export interface FileIdentity {
  readonly dev: bigint;
  readonly ino: bigint;
}

export function fileIdentity(path: string): FileIdentity | undefined {
  let st: BigIntStats | undefined;
  try {
    st = statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined; // ENOTDIR, EACCES…: the path no longer leads to our file either
  }
  return st ? { dev: st.dev, ino: st.ino } : undefined;
}

/** Creates `dir` and its missing parents, one `mkdir` each: bounded by the path's depth. */
export function ensureDirectory(dir: string): void {
  const st = statOrUndefined(dir);
  if (st?.isDirectory()) return;
  if (st) throw new Error(`the data directory ${dir} is not a directory`);
  const parent = dirname(dir);
  if (parent !== dir) ensureDirectory(parent);
  try {
    mkdirSync(dir);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === "EEXIST" && statOrUndefined(dir)?.isDirectory()) return; // created meanwhile by another process
    throw new Error(`cannot create the data directory ${dir}: ${reason(e)}`, { cause: err });
  }
}

/** Opens (or creates) the database file, checks it, migrates it; the returned handle is ready to serve. */
export function openDatabaseFile(dir: string, path: string, options: OpenFileOptions = {}): Db {
  ensureDirectory(dir);
  const st = statOrUndefined(path);
  if (st && !st.isFile()) throw new Error(`the database ${path} is not a regular file`);
  let db: Db | undefined;
  try {
    const verbose = options.verbose;
    db = new Database(path, { readonly: options.readonly === true, ...(verbose === undefined ? {} : { verbose: (sql: unknown) => verbose(String(sql)) }) });
    db.pragma(`busy_timeout = ${STARTUP_BUSY_TIMEOUT_MS}`);
    if (db.readonly) throw Object.assign(new Error("opened read-only"), { code: "SQLITE_READONLY" });
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    const check = db.pragma("quick_check(1)", { simple: true }) as string;
    if (check !== "ok") throw Object.assign(new Error(firstLine(check)), { code: "SQLITE_CORRUPT" });
    migrate(db);
    writeProbe(db);
    // While serving, a busy lock must not block the event loop (better-sqlite3 is synchronous):
    // fail at once and let the store retry asynchronously.
    db.pragma("busy_timeout = 0");
    return db;
  } catch (err) {
    db?.close();
    throw new Error(describeOpenFailure(dir, path, err), { cause: err });
  }
}

/** An idempotent, committed write: re-sets the schema version to itself (one WAL frame). */
function writeProbe(db: Db): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  db.exec("BEGIN IMMEDIATE");
  try {
    db.pragma(`user_version = ${version}`);
    db.exec("COMMIT");
  } finally {
    if (db.inTransaction) db.exec("ROLLBACK");
  }
}

export function migrate(db: Db): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new Error(`database schema version ${current} is newer than this redshift-local (${LATEST_VERSION}); upgrade redshift-local`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

function describeOpenFailure(dir: string, path: string, err: unknown): string {
  const raw = (err as { code?: unknown }).code;
  const code = typeof raw === "string" ? raw : "";
  const message = (err as Error).message;
  if (code.startsWith("SQLITE_READONLY")) return `the database ${path} is read-only (${message})`;
  if (code === "SQLITE_NOTADB") return `the database ${path} is not a SQLite database (${message})`;
  if (code.startsWith("SQLITE_CORRUPT")) return `the database ${path} is corrupted: ${firstLine(message)}`;
  // SQLite creates the file and its -wal and -shm companions beside it: an unwritable directory
  // shows only as "unable to open database file".
  if (code.startsWith("SQLITE_CANTOPEN") && !writable(dir)) return `the data directory ${dir} is read-only: cannot create ${path} (${message})`;
  return `cannot open the database ${path}: ${message}`;
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (err) {
    // ENOTDIR (a parent is a file), EACCES, ELOOP…: nothing usable at this path.
    const e = err as NodeJS.ErrnoException;
    if (e.code === "ENOTDIR") throw new Error(`the data directory ${path} is not a directory (a parent of it is a file)`, { cause: err });
    throw new Error(`cannot use the data directory ${path}: ${reason(e)}`, { cause: err });
  }
}

function reason(e: NodeJS.ErrnoException): string {
  const text: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EROFS: "read-only file system",
    ENOENT: "the file system does not allow creating it",
    ENOSPC: "no space left on device",
    ENOTDIR: "a parent is not a directory",
  };
  return e.code !== undefined && text[e.code] ? `${text[e.code]} (${e.code})` : e.message;
}

function firstLine(s: string): string {
  return s.split("\n", 1)[0]!;
}
