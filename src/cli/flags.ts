/**
 * The command line, declared once as data (README "Command line"): every flag with its environment variable,
 * value placeholder, default and help line. `parseCli` and `--help` both walk this table, so a flag
 * cannot exist without its documentation or its environment variable.
 */

export interface FlagSpec {
  /** Long flag name without `--`. */
  readonly name: string;
  readonly env: string;
  readonly type: "string" | "boolean";
  /** Repeatable flag; its environment variable is a comma-separated list (or split on `separator`). */
  readonly multiple?: boolean;
  /** Separator of the environment variable's list when items contain commas. */
  readonly separator?: string;
  /** Placeholder shown in `--help`. */
  readonly value?: string;
  /** Default shown in `--help` (the real defaults live in parse.ts and the library). */
  readonly default?: string;
  readonly help: string;
}

export const FLAGS = [
  { name: "host", env: "REDSHIFT_LOCAL_HOST", type: "string", value: "HOST", default: "127.0.0.1", help: "Interface to listen on." },
  { name: "port", env: "REDSHIFT_LOCAL_PORT", type: "string", value: "PORT", default: "4566", help: "Port to listen on, 0–65535; 0 picks a free port." },
  {
    name: "data-dir",
    env: "REDSHIFT_LOCAL_DATA_DIR",
    type: "string",
    value: "DIR",
    default: "./.redshift-local",
    help: "Directory of the embedded SQLite database (redshift-local.sqlite, WAL mode); state survives restarts.",
  },
  {
    name: "in-memory",
    env: "REDSHIFT_LOCAL_IN_MEMORY",
    type: "boolean",
    help: "Keep all state in memory; nothing touches the disk. Not with --data-dir.",
  },
  {
    name: "store",
    env: "REDSHIFT_LOCAL_STORE",
    type: "string",
    value: "URL",
    help: "postgres://user:password@host:5432/db: keep state in PostgreSQL, shared by every instance pointed at it. Not with --data-dir or --in-memory.",
  },
  {
    name: "pg-pool-size",
    env: "REDSHIFT_LOCAL_PG_POOL_SIZE",
    type: "string",
    value: "N",
    default: "10",
    help: "Connections this instance opens to PostgreSQL (--store) for requests, 1–1000 (plus one for its lease).",
  },
  {
    name: "auth",
    env: "REDSHIFT_LOCAL_AUTH",
    type: "string",
    value: "open|strict",
    default: "open",
    help: "open: any credentials, the account is the 12-digit access key or --default-account; strict: every request signed by a key in --credentials (required).",
  },
  {
    name: "credentials",
    env: "REDSHIFT_LOCAL_CREDENTIALS",
    type: "string",
    value: "FILE",
    help: 'JSON list of {"accessKeyId","secretAccessKey","accountId"}; their signatures are verified in every mode.',
  },
  {
    name: "default-account",
    env: "REDSHIFT_LOCAL_DEFAULT_ACCOUNT",
    type: "string",
    value: "ACCOUNT",
    default: "000000000000",
    help: "12-digit account of unsigned requests and of non-numeric unknown keys (open mode).",
  },
  {
    name: "seed",
    env: "REDSHIFT_LOCAL_SEED",
    type: "string",
    value: "FILE",
    help: "JSON or YAML list of {account, region, service, action, params} calls applied in order when the store is empty.",
  },
  {
    name: "delay",
    env: "REDSHIFT_LOCAL_DELAY",
    type: "string",
    multiple: true,
    value: "SPEC",
    default: "all=0",
    help: "Lifecycle delay: TRANSITION=DURATION (e.g. endpoint-create=5m, cluster-create=90s), all=DURATION, or realistic. Repeatable; later ones win.",
  },
  {
    name: "quota",
    env: "REDSHIFT_LOCAL_QUOTA",
    type: "string",
    multiple: true,
    value: "NAME=N",
    help: "Override a quota, e.g. grants-per-cluster=2. Repeatable.",
  },
  {
    name: "fault",
    env: "REDSHIFT_LOCAL_FAULT",
    type: "string",
    multiple: true,
    separator: ";",
    value: "SPEC",
    help:
      "Fault rule: [SERVICE:]OPERATION or * then comma-separated KEY=VALUE: one of error=CODE [status=NNN] [message=TEXT] [when=before|after], " +
      "latency=DURATION, hold=TRANSITION [resource=NAME]; and account=, region=, probability=0..1, count=N, for=DURATION, seed=N, id=NAME. " +
      "E.g. redshift:AuthorizeEndpointAccess,error=Throttling,count=2. Repeatable.",
  },
  {
    name: "fault-seed",
    env: "REDSHIFT_LOCAL_FAULT_SEED",
    type: "string",
    value: "N",
    default: "0",
    help: "Seed of the fault rules' random draws (probability=), 0–4294967295: the same seed fires the same faults.",
  },
  {
    name: "allowed-host",
    env: "REDSHIFT_LOCAL_ALLOWED_HOST",
    type: "string",
    multiple: true,
    value: "NAME",
    help:
      "Another host name the admin routes (/_redshift-local/…) answer for, besides localhost, 127.0.0.1, ::1 and --host " +
      "(e.g. a docker service name; listening on 0.0.0.0 trusts no name). AWS API calls answer for any name. Repeatable.",
  },
  {
    name: "shutdown-grace",
    env: "REDSHIFT_LOCAL_SHUTDOWN_GRACE",
    type: "string",
    value: "DURATION",
    default: "10s",
    help: "On SIGINT/SIGTERM, how long requests already being received or answered may take; their connections are then closed by force. Idle and half-sent connections close at once.",
  },
  {
    name: "log-level",
    env: "REDSHIFT_LOCAL_LOG_LEVEL",
    type: "string",
    value: "LEVEL",
    default: "info",
    help: "debug, info, warn, error or silent. Logs are JSON lines on stderr.",
  },
] as const satisfies readonly FlagSpec[];

export type FlagName = (typeof FLAGS)[number]["name"];

/** The `--help` text: usage, every flag with its environment variable, and the exit codes. */
export function helpText(version: string, transitions: readonly string[], quotas: readonly string[]): string {
  const indent = " ".repeat(29);
  const rows = FLAGS.map((f: FlagSpec) => {
    const flag = `--${f.name}${f.value ? ` ${f.value}` : ""}`;
    const def = f.default ? ` (default ${f.default})` : "";
    const repeat = f.multiple ? (f.separator === ";" ? ", semicolon-separated" : ", comma-separated") : f.type === "boolean" ? " (1/true/yes/on or 0/false/no/off)" : "";
    const [first, ...rest] = wrap(`${f.help}${def}`, 72);
    return [`  ${flag.padEnd(26)} ${first}`, ...rest.map((l) => indent + l), `${indent}env ${f.env}${repeat}`].join("\n");
  });
  return [
    `redshift-local ${version} — local emulator of the Amazon Redshift control plane, EC2 and STS.`,
    "",
    "Usage:",
    "  redshift-local [--host 127.0.0.1] [--port 4566] [--data-dir ./.redshift-local | --in-memory]",
    "                 [--store postgres://user@host/db [--pg-pool-size N]] [--auth open|strict] [--credentials FILE]",
    "                 [--default-account 000000000000] [--seed FILE] [--delay SPEC]... [--quota NAME=N]...",
    "                 [--fault SPEC]... [--fault-seed N] [--allowed-host NAME]... [--shutdown-grace 10s] [--log-level info]",
    "",
    "Options (flags win over environment variables; an empty variable counts as unset):",
    ...rows,
    `  ${"--help, -h".padEnd(26)} Print this help and exit.`,
    `  ${"--version".padEnd(26)} Print the version and exit.`,
    "",
    `Transitions for --delay: ${transitions.join(", ")}.`,
    "Durations: 500ms, 90s, 5m, 1h, or a bare number of milliseconds.",
    `Quotas for --quota: ${quotas.join(", ")}.`,
    "",
    "When ready, prints one line 'redshift-local listening on http://HOST:PORT' to stdout.",
    "SIGINT/SIGTERM: stop accepting, finish in-flight requests (for at most --shutdown-grace), close the",
    "store, exit 0. A second signal exits 1 at once.",
    "Exit codes: 0 success; 1 start-up failed (a --seed call failed, the port is taken, the database",
    "cannot be opened); 2 bad flags, values, environment variables, or unreadable --seed/--credentials file.",
    "",
  ].join("\n");
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}
