/** JSON-lines logging to stderr (or an injected sink). Never log secrets or signatures. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
export const LOG_LEVELS = Object.keys(RANK) as LogLevel[];

export type LogSink = (line: string) => void;

export class Logger {
  readonly #min: number;
  readonly #sink: LogSink;

  constructor(level: LogLevel = "info", sink: LogSink = (line) => process.stderr.write(line + "\n")) {
    this.#min = RANK[level];
    this.#sink = sink;
  }

  enabled(level: Exclude<LogLevel, "silent">): boolean {
    return RANK[level] >= this.#min;
  }

  log(level: Exclude<LogLevel, "silent">, msg: string, fields: Record<string, unknown> = {}): void {
    if (RANK[level] < this.#min) return;
    this.#sink(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
  }

  debug(msg: string, fields?: Record<string, unknown>): void {
    this.log("debug", msg, fields);
  }
  info(msg: string, fields?: Record<string, unknown>): void {
    this.log("info", msg, fields);
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.log("warn", msg, fields);
  }
  error(msg: string, fields?: Record<string, unknown>): void {
    this.log("error", msg, fields);
  }
}
