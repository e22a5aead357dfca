/**
 * The console's live side, one per server instance: the view model, the timeline of recent calls
 * and transitions, and the server-sent-event streams of the open pages.
 *
 * How a change is seen, whichever instance made it (several processes on one SQLite file, several
 * instances on one PostgreSQL database): while at least one page is open, the hub polls the store —
 * one shared poll per instance, never one per page. A poll reads the store's change marker (O(1):
 * Store.changeMarker) and probes for due transitions (one indexed lookup); when transitions are due
 * it settles them (the settling every request does, so a page watches `creating` turn `active`
 * without any client calling); only when something was written (or settled) does it read a snapshot,
 * and it pushes the model to every page when that differs from the last one. The poll runs every POLL_MS, and waits at
 * least five times its own duration (a poll that took 400 ms waits 2 s before the next), so a large
 * store cannot be kept busy by open pages. A write answered by this instance polls at once.
 *
 * Recording a call (http.ts, once per AWS request) is O(1) and cannot throw into the request path:
 * the entry goes into a bounded ring, and pages get new entries in one batched event.
 */
import type { ServerResponse } from "node:http";
import { settle } from "../../domain/settle.js";
import { isoTimestamp } from "../../protocol/encode.js";
import type { App } from "../app.js";
import { buildConsoleModel, transitionsBetween, type ConsoleModel } from "./view-model.js";

export type TimelineEntry =
  | {
      readonly seq: number;
      readonly time: string;
      readonly type: "call";
      readonly action: string | null;
      readonly service: string | null;
      readonly account: string | null;
      readonly region: string | null;
      readonly status: number;
      readonly code: string | null;
    }
  | {
      readonly seq: number;
      readonly time: string;
      readonly type: "transition";
      readonly kind: string;
      readonly id: string;
      readonly account: string;
      readonly region: string;
      readonly from: string | null;
      readonly to: string | null;
    };

/** What http.ts knows of an answered AWS request. */
export interface AnsweredCall {
  readonly action: string | undefined;
  readonly service: string | undefined;
  readonly account: string | undefined;
  readonly region: string | undefined;
  readonly status: number;
  readonly error: { readonly code: string } | undefined;
}

export interface ConsoleHubOptions {
  /** Poll interval while a page is open; default 1 000 ms. */
  readonly pollMs?: number;
  /** Timeline entries kept; default 300. */
  readonly timelineLimit?: number;
}

export const DEFAULT_POLL_MS = 1_000;
const DEFAULT_TIMELINE_LIMIT = 300;
/** A poll waits at least this many times its own duration before the next one. */
const POLL_COST_FACTOR = 5;
/** After a write answered here, poll this soon (batches a burst of writes). */
const NUDGE_MS = 20;
/** New timeline entries are sent in one event per this interval. */
const TIMELINE_FLUSH_MS = 100;
/** A comment line keeps idle streams open through proxies. */
const HEARTBEAT_MS = 15_000;
/** A page that does not read its stream is dropped past this many buffered bytes. */
const MAX_BUFFERED_BYTES = 8 << 20;
/** Transitions recorded from one poll (a reset of a large store would otherwise flood the timeline). */
const MAX_TRANSITIONS_PER_POLL = 100;

export class ConsoleHub {
  readonly #app: App;
  readonly #pollMs: number;
  readonly #limit: number;
  readonly #clients = new Set<ServerResponse>();
  #timeline: TimelineEntry[] = [];
  #outbox: TimelineEntry[] = [];
  #seq = 0;
  #model: ConsoleModel | undefined;
  /** The model's resources as JSON: what "changed" is decided on (its time changes every poll). */
  #modelKey: string | undefined;
  /** Models pushed to every stream so far. */
  #modelBroadcasts = 0;
  /** The store's change marker when the model was read. */
  #marker: string | undefined;
  #refreshing: Promise<void> | undefined;
  #pollTimer: NodeJS.Timeout | undefined;
  #pollAt = 0;
  #lastPollMs = 0;
  #flushTimer: NodeJS.Timeout | undefined;
  #lastWrite = 0;
  #closed = false;
  #failing = false;

  constructor(app: App, options: ConsoleHubOptions = {}) {
    this.#app = app;
    this.#pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    this.#limit = options.timelineLimit ?? DEFAULT_TIMELINE_LIMIT;
  }

  /** Open event streams (for tests and the shutdown log). */
  get streams(): number {
    return this.#clients.size;
  }

  /** Records one answered AWS call. O(1); never throws. */
  recordCall(call: AnsweredCall): void {
    try {
      this.#add({
        seq: ++this.#seq,
        time: isoTimestamp(this.#app.clock.now()),
        type: "call",
        action: call.action ?? null,
        service: call.service ?? null,
        account: call.account ?? null,
        region: call.region ?? null,
        status: call.status,
        code: call.error?.code ?? null,
      });
      if (this.#clients.size > 0 && call.status < 400 && call.action !== undefined && !/^(Describe|Get|List)/.test(call.action)) this.#schedulePoll(NUDGE_MS);
    } catch {
      // The timeline is a debugging aid: it never fails a request.
    }
  }

  /** The current model and timeline, polled now (single-flight with the streams' poll). */
  async current(): Promise<{ model: ConsoleModel; timeline: readonly TimelineEntry[] }> {
    await this.#refresh();
    const model = this.#model ?? buildConsoleModel({}, this.#app.clock.now());
    return { model, timeline: this.#timeline.slice(-this.#limit).reverse() };
  }

  /** Answers GET /events: an event stream that stays open until the page leaves or the server stops. */
  openStream(res: ServerResponse): void {
    if (this.#closed) {
      res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Connection: "close" });
      res.end("The server is stopping.\n");
      return;
    }
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Accel-Buffering": "no",
    });
    res.write("retry: 2000\n\n");
    this.#clients.add(res);
    const drop = () => this.#clients.delete(res);
    res.once("close", drop);
    // The first events: the whole timeline, then the model as soon as a poll has read it.
    this.#write(res, "timeline", { full: true, entries: this.#timeline.slice(-this.#limit).reverse() });
    const broadcasts = this.#modelBroadcasts;
    this.#refresh().then(
      () => {
        // Unless the poll just pushed a new model to every stream, this one included.
        if (this.#model && this.#clients.has(res) && this.#modelBroadcasts === broadcasts) this.#write(res, "model", this.#model);
        this.#schedulePoll(this.#pollMs);
      },
      () => undefined,
    );
  }

  /** Ends every stream and stops polling; later streams are refused (the server is stopping). */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#pollTimer);
    clearTimeout(this.#flushTimer);
    this.#pollTimer = this.#flushTimer = undefined;
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }

  /** `entry` numbered by the caller (`++this.#seq`), so it is stored as built. */
  #add(numbered: TimelineEntry): void {
    this.#timeline.push(numbered);
    // Amortised O(1): trim once the ring holds twice its size.
    if (this.#timeline.length >= 2 * this.#limit) this.#timeline = this.#timeline.slice(-this.#limit);
    if (this.#clients.size === 0 || this.#closed) return;
    this.#outbox.push(numbered);
    if (this.#outbox.length > this.#limit) this.#outbox = this.#outbox.slice(-this.#limit);
    this.#flushTimer ??= setTimeout(() => this.#flush(), TIMELINE_FLUSH_MS).unref();
  }

  #flush(): void {
    this.#flushTimer = undefined;
    const entries = this.#outbox.reverse();
    this.#outbox = [];
    if (entries.length > 0) this.#broadcast("timeline", { full: false, entries });
  }

  /** Polls in `ms` unless a poll is already due sooner; only while streams are open. */
  #schedulePoll(ms: number): void {
    if (this.#closed || this.#clients.size === 0) return;
    const at = Date.now() + ms;
    if (this.#pollTimer !== undefined && this.#pollAt <= at) return;
    clearTimeout(this.#pollTimer);
    this.#pollAt = at;
    this.#pollTimer = setTimeout(() => {
      this.#pollTimer = undefined;
      this.#refresh().then(
        () => this.#schedulePoll(Math.max(this.#pollMs, POLL_COST_FACTOR * this.#lastPollMs)),
        () => undefined,
      );
    }, ms).unref();
  }

  #refresh(): Promise<void> {
    this.#refreshing ??= this.#poll().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #poll(): Promise<void> {
    const started = performance.now();
    const app = this.#app;
    try {
      const now = app.clock.now();
      // Read before the snapshot, so a write committed in between is seen by the next poll.
      const marker = app.store.changeMarker ? await app.store.changeMarker() : undefined;
      if (this.#failing) app.logger.info("console: the store answers again");
      this.#failing = false;
      const due = await app.store.read((tx) => tx.anyDue(now));
      if (due) {
        const scope = { account: app.defaultAccount, region: "us-east-1" };
        await app.store.transact((tx) => settle({ tx, scope, now, quotas: app.quotas, delays: app.delays }));
      } else if (marker !== undefined && marker === this.#marker && this.#model !== undefined) {
        // Nothing was written anywhere since the last snapshot.
        return this.#heartbeat();
      }
      const snapshot = await app.store.snapshot();
      this.#marker = marker;
      const model = buildConsoleModel(snapshot, now);
      const key = JSON.stringify(model.kinds);
      if (key === this.#modelKey) return this.#heartbeat();
      const before = this.#model;
      this.#model = model;
      this.#modelKey = key;
      if (before !== undefined) {
        for (const t of transitionsBetween(before, model, MAX_TRANSITIONS_PER_POLL)) this.#add({ seq: ++this.#seq, time: model.time, type: "transition", ...t });
      }
      this.#modelBroadcasts++;
      this.#broadcast("model", model);
    } catch (err) {
      if (this.#closed) return;
      // A store that cannot be read now (PostgreSQL restarting, the server closing): the next poll tries again.
      if (!this.#failing) app.logger.warn("console: could not read the store", { error: err instanceof Error ? err.message : String(err) });
      this.#failing = true;
    } finally {
      this.#lastPollMs = performance.now() - started;
    }
  }

  /** A comment line on streams that have been quiet for a while. */
  #heartbeat(): void {
    if (this.#clients.size > 0 && Date.now() - this.#lastWrite > HEARTBEAT_MS) this.#broadcastRaw(": heartbeat\n\n");
  }

  #broadcast(event: string, data: unknown): void {
    if (this.#clients.size === 0) return;
    this.#broadcastRaw(frame(event, data));
  }

  #broadcastRaw(text: string): void {
    this.#lastWrite = Date.now();
    for (const res of this.#clients) this.#send(res, text);
  }

  #write(res: ServerResponse, event: string, data: unknown): void {
    this.#send(res, frame(event, data));
  }

  #send(res: ServerResponse, text: string): void {
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      this.#clients.delete(res);
      res.destroy();
      return;
    }
    res.write(text);
  }
}

/** One server-sent event; JSON has no raw line breaks, so the data fits one `data:` line. */
function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
