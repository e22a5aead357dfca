/**
 * Checkpoints off the event loop, for the SQLite file store.
 *
 * In WAL mode SQLite copies the log back into the database file (a checkpoint) from inside the
 * COMMIT that takes the log past `wal_autocheckpoint` pages, and waits there for the disk. With
 * better-sqlite3 that COMMIT is synchronous: every ~1,000 pages one write — and every request
 * queued behind it — waits for the copy and its `fsync`, which made most of the file store's p99
 * under a write load. Here a worker thread with a connection of its own runs
 * `PRAGMA wal_checkpoint(PASSIVE)` — which neither waits for nor blocks readers and writers — every
 * `COMMITS_PER_CHECKPOINT` commits, one checkpoint at a time. The serving connection keeps its own
 * automatic checkpoint as a backstop at `BACKSTOP_PAGES` (the log stays bounded should the worker
 * fall behind), and returns to SQLite's default if the worker fails.
 *
 * Durability does not change: a write is acknowledged once its COMMIT is in the log, as before;
 * a checkpoint only moves committed pages from the log into the database file.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** Commits between two checkpoints (a group of ~8 writes appends ~20 pages: ~1,300 pages each, about SQLite's own 1,000). */
export const COMMITS_PER_CHECKPOINT = 64;

/** The serving connection's own automatic checkpoint while the worker runs (~32 MB of log). */
export const BACKSTOP_PAGES = 8000;

/** SQLite's default `wal_autocheckpoint`, restored when the worker fails. */
export const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

/** The worker, as CommonJS source: no file of its own to find whether the code is bundled or not. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = 0");
parentPort.on("message", (message) => {
  if (message === "close") {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // Busy or failing this time: the next one tries again, and the backstop bounds the log.
  }
  parentPort.postMessage("done");
});
`;

export class Checkpointer {
  readonly #file: string;
  readonly #onFailure: () => void;
  #worker: Worker | undefined;
  #commits = 0;
  #running = false;
  #failed = false;
  #closing = false;
  #done = 0;
  #idle: (() => void)[] = [];

  /** `onFailure`: the worker cannot run (it is not restarted); the caller checkpoints itself again. */
  constructor(file: string, onFailure: () => void) {
    this.#file = file;
    this.#onFailure = onFailure;
  }

  /** Checkpoints completed so far (for tests). */
  get checkpoints(): number {
    return this.#done;
  }

  /** After each COMMIT of the serving connection. Never throws. */
  noteCommit(): void {
    if (++this.#commits < COMMITS_PER_CHECKPOINT || this.#running || this.#failed || this.#closing) return;
    this.#commits = 0;
    this.#running = true;
    try {
      const worker = (this.#worker ??= this.#start());
      // A running checkpoint holds the process (and whoever awaits it) until it is done.
      worker.ref();
      worker.postMessage("checkpoint");
    } catch {
      this.#fail();
    }
  }

  /** Resolves once no checkpoint is running (for tests). */
  idle(): Promise<void> {
    return this.#running ? new Promise((resolve) => this.#idle.push(resolve)) : Promise.resolve();
  }

  /** Waits for a running checkpoint, then ends the worker and its connection. */
  async close(): Promise<void> {
    this.#closing = true;
    const worker = this.#worker;
    if (worker === undefined || this.#failed) return;
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    worker.ref();
    worker.postMessage("close");
    await exited;
  }

  #start(): Worker {
    const require = createRequire(import.meta.url);
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: require.resolve("better-sqlite3"), file: this.#file } });
    worker.unref();
    worker.on("message", () => {
      this.#done++;
      this.#settle();
    });
    worker.on("error", () => this.#fail());
    worker.on("exit", () => {
      if (!this.#closing) this.#fail();
      this.#settle();
    });
    return worker;
  }

  #settle(): void {
    this.#running = false;
    if (!this.#closing) this.#worker?.unref(); // closing: held until the worker has exited
    for (const resolve of this.#idle.splice(0)) resolve();
  }

  #fail(): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#settle();
    try {
      this.#onFailure();
    } catch {
      // The store is closing or broken: its own checks report that.
    }
  }
}
