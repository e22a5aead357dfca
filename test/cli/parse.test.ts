import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FLAGS } from "../../src/cli/flags.js";
import { parseCli } from "../../src/cli/parse.js";
import { start, usageError } from "./parse-helpers.js";
import { VERSION } from "../../src/version.js";

describe("parseCli", () => {
  describe("defaults", () => {
    it("parseCli: no flags → 127.0.0.1:4566, SQLite in ./.redshift-local, open auth, default account, info logs", () => {
      assert.deepEqual(start([]), {
        host: "127.0.0.1",
        port: 4566,
        store: { kind: "sqlite", dataDir: "./.redshift-local" },
        auth: "open",
        defaultAccount: "000000000000",
        delays: [],
        quotas: [],
        logLevel: "info",
      });
    });
  });

  describe("flags", () => {
    it("parseCli: every flag reaches its option", () => {
      const o = start([
        "--host=0.0.0.0",
        "--port",
        "0",
        "--data-dir",
        "/tmp/x",
        "--auth",
        "strict",
        "--credentials",
        "creds.json",
        "--default-account",
        "123456789012",
        "--seed",
        "seed.yaml",
        "--delay",
        "endpoint-create=5m",
        "--delay=realistic",
        "--quota",
        "grants-per-cluster=2",
        "--log-level",
        "debug",
      ]);
      assert.deepEqual(o, {
        host: "0.0.0.0",
        port: 0,
        store: { kind: "sqlite", dataDir: "/tmp/x" },
        auth: "strict",
        credentials: "creds.json",
        defaultAccount: "123456789012",
        seed: "seed.yaml",
        delays: ["endpoint-create=5m", "realistic"],
        quotas: ["grants-per-cluster=2"],
        logLevel: "debug",
      });
    });

    it("parseCli: --in-memory selects the memory store", () => {
      assert.deepEqual(start(["--in-memory"]).store, { kind: "memory" });
    });

    it("parseCli: --help and -h return the help text documenting every flag and variable", () => {
      for (const flag of ["--help", "-h"]) {
        const cmd = parseCli([flag], {});
        assert.equal(cmd.kind, "help");
        const text = (cmd as { text: string }).text;
        for (const f of FLAGS) {
          assert.match(text, new RegExp(`--${f.name}\\b`), `help mentions --${f.name}`);
          assert.ok(text.includes(f.env), `help mentions ${f.env}`);
        }
        assert.ok(text.includes("endpoint-create") && text.includes("grants-per-cluster"), "help lists transitions and quotas");
      }
    });

    it("parseCli: --help wins over invalid environment variables", () => {
      assert.equal(parseCli(["--help"], { REDSHIFT_LOCAL_PORT: "nope" }).kind, "help");
    });

    it("parseCli: --version reports the package version", () => {
      assert.deepEqual(parseCli(["--version"], {}), { kind: "version", text: `redshift-local ${VERSION}` });
    });
  });

  describe("environment", () => {
    const env = {
      REDSHIFT_LOCAL_HOST: "::1",
      REDSHIFT_LOCAL_PORT: "4567",
      REDSHIFT_LOCAL_DATA_DIR: "/var/lib/rl",
      REDSHIFT_LOCAL_AUTH: "strict",
      REDSHIFT_LOCAL_CREDENTIALS: "/etc/rl/creds.json",
      REDSHIFT_LOCAL_DEFAULT_ACCOUNT: "111122223333",
      REDSHIFT_LOCAL_SEED: "/etc/rl/seed.json",
      REDSHIFT_LOCAL_DELAY: "all=1s, endpoint-create=5m",
      REDSHIFT_LOCAL_QUOTA: "grants-per-cluster=2,endpoints-per-grant=1",
      REDSHIFT_LOCAL_LOG_LEVEL: "warn",
    };

    it("parseCli: every variable is honoured; list variables are comma-separated", () => {
      assert.deepEqual(start([], env), {
        host: "::1",
        port: 4567,
        store: { kind: "sqlite", dataDir: "/var/lib/rl" },
        auth: "strict",
        credentials: "/etc/rl/creds.json",
        defaultAccount: "111122223333",
        seed: "/etc/rl/seed.json",
        delays: ["all=1s", "endpoint-create=5m"],
        quotas: ["grants-per-cluster=2", "endpoints-per-grant=1"],
        logLevel: "warn",
      });
    });

    it("parseCli: flags win over variables; repeated flags come after the variable's entries", () => {
      const o = start(
        ["--host", "127.0.0.2", "--port", "0", "--auth", "open", "--default-account", "444455556666", "--log-level", "error", "--delay", "endpoint-create=0"],
        env,
      );
      assert.equal(o.host, "127.0.0.2");
      assert.equal(o.port, 0);
      assert.equal(o.auth, "open");
      assert.equal(o.defaultAccount, "444455556666");
      assert.equal(o.logLevel, "error");
      assert.deepEqual(o.delays, ["all=1s", "endpoint-create=5m", "endpoint-create=0"]);
    });

    it("parseCli: an empty variable counts as unset", () => {
      assert.equal(start([], { REDSHIFT_LOCAL_PORT: "", REDSHIFT_LOCAL_IN_MEMORY: "" }).port, 4566);
    });

    it("parseCli: REDSHIFT_LOCAL_IN_MEMORY takes the usual boolean spellings", () => {
      for (const v of ["1", "true", "YES", "on"]) assert.deepEqual(start([], { REDSHIFT_LOCAL_IN_MEMORY: v }).store, { kind: "memory" });
      for (const v of ["0", "false", "no", "OFF"]) assert.equal(start([], { REDSHIFT_LOCAL_IN_MEMORY: v }).store.kind, "sqlite");
      assert.match(usageError([], { REDSHIFT_LOCAL_IN_MEMORY: "maybe" }), /REDSHIFT_LOCAL_IN_MEMORY 'maybe' is not a boolean/);
    });

    it("parseCli: a --data-dir flag overrides REDSHIFT_LOCAL_IN_MEMORY, and --in-memory overrides REDSHIFT_LOCAL_DATA_DIR", () => {
      assert.deepEqual(start(["--data-dir", "d"], { REDSHIFT_LOCAL_IN_MEMORY: "1" }).store, { kind: "sqlite", dataDir: "d" });
      assert.deepEqual(start(["--in-memory"], { REDSHIFT_LOCAL_DATA_DIR: "d" }).store, { kind: "memory" });
    });

    it("parseCli: REDSHIFT_LOCAL_DATA_DIR with REDSHIFT_LOCAL_IN_MEMORY=1 is refused", () => {
      assert.match(usageError([], { REDSHIFT_LOCAL_DATA_DIR: "d", REDSHIFT_LOCAL_IN_MEMORY: "1" }), /cannot be used together/);
    });

    it("parseCli: a bad value from a variable names the variable", () => {
      assert.match(usageError([], { REDSHIFT_LOCAL_PORT: "http" }), /^REDSHIFT_LOCAL_PORT 'http'/);
      assert.match(usageError([], { REDSHIFT_LOCAL_QUOTA: "grants-per-cluster=2,bogus=1" }), /^REDSHIFT_LOCAL_QUOTA 'bogus=1': unknown quota/);
    });
  });

  describe("errors", () => {
    it("parseCli: an unknown flag is refused by name", () => {
      assert.equal(usageError(["--bogus"]), "unknown flag --bogus");
      assert.equal(usageError(["-x"]), "unknown flag -x");
    });

    it("parseCli: positional arguments are refused", () => {
      assert.match(usageError(["serve"]), /unexpected argument 'serve'/);
    });

    it("parseCli: a flag without its value is refused", () => {
      assert.match(usageError(["--port"]), /--port/);
      assert.match(usageError(["--in-memory=yes"]), /--in-memory' does not take an argument/);
    });

    it("parseCli: a port outside 0–65535 or not a number is refused", () => {
      for (const p of ["65536", "-1", "80a", "", "1e3", "123456"]) assert.match(usageError([`--port=${p}`]), /is not a port number/, p);
      assert.equal(start(["--port", "65535"]).port, 65535);
    });

    it("parseCli: --data-dir with --in-memory is refused", () => {
      assert.match(usageError(["--data-dir", "d", "--in-memory"]), /--data-dir and --in-memory cannot be used together/);
    });

    it("parseCli: an empty --data-dir or --host is refused", () => {
      assert.match(usageError(["--data-dir="]), /--data-dir must not be empty/);
      assert.match(usageError(["--host="]), /--host '' is not a host/);
    });

    it("parseCli: --store postgres://… selects the PostgreSQL store, with --pg-pool-size", () => {
      assert.deepEqual(start(["--store", "postgres://rl:secret@db.example/rl"]).store, { kind: "postgres", url: "postgres://rl:secret@db.example/rl" });
      assert.deepEqual(start(["--store", "postgresql://db/rl", "--pg-pool-size", "25"]).store, { kind: "postgres", url: "postgresql://db/rl", poolSize: 25 });
      assert.deepEqual(start([], { REDSHIFT_LOCAL_STORE: "postgres://db/rl", REDSHIFT_LOCAL_PG_POOL_SIZE: "3" }).store, {
        kind: "postgres",
        url: "postgres://db/rl",
        poolSize: 3,
      });
      // A flag for one store overrides a variable for another.
      assert.deepEqual(start(["--data-dir", "d"], { REDSHIFT_LOCAL_STORE: "postgres://db/rl" }).store, { kind: "sqlite", dataDir: "d" });
      assert.equal(start(["--store", "postgres://db/rl"], { REDSHIFT_LOCAL_DATA_DIR: "d" }).store.kind, "postgres");
    });

    it("parseCli: --store with another store, a bad pool size, or a pool size without --store is refused", () => {
      assert.match(usageError(["--store", "postgres://db/rl", "--data-dir", "d"]), /--store and --data-dir cannot be used together/);
      assert.match(usageError(["--store", "postgres://db/rl", "--in-memory"]), /--store and --in-memory cannot be used together/);
      assert.match(usageError([], { REDSHIFT_LOCAL_STORE: "postgres://db/rl", REDSHIFT_LOCAL_IN_MEMORY: "1" }), /REDSHIFT_LOCAL_STORE and REDSHIFT_LOCAL_IN_MEMORY cannot be used together/);
      for (const n of ["0", "1001", "ten", "-1", "2.5"]) assert.match(usageError(["--store", "postgres://db/rl", `--pg-pool-size=${n}`]), /is not a pool size \(1–1000\)/, n);
      assert.match(usageError(["--pg-pool-size", "5"]), /--pg-pool-size needs --store postgres:\/\//);
      const message = usageError(["--store", "postgres://rl:secret@[bad/rl"]);
      assert.match(message, /is not a valid URL/);
      assert.ok(!message.includes("secret"), "the password is not echoed");
    });

    it("parseCli: a --store that is not a postgres URL is refused without echoing a password", () => {
      const message = usageError(["--store", "mysql://u:hunter2@h/db"]);
      assert.match(message, /is not a postgres:\/\/ URL/);
      assert.ok(!message.includes("hunter2"));
    });

    it("parseCli: --auth other than open or strict is refused", () => {
      assert.match(usageError(["--auth", "none"]), /--auth 'none' is not valid; use open or strict/);
    });

    it("parseCli: a default account that is not 12 digits is refused", () => {
      for (const a of ["12345678901", "1234567890123", "12345678901a"]) assert.match(usageError(["--default-account", a]), /exactly 12 digits/, a);
    });

    it("parseCli: an unknown --delay transition or a bad duration is refused", () => {
      assert.match(usageError(["--delay", "cluster-explode=1s"]), /unknown transition 'cluster-explode'/);
      assert.match(usageError(["--delay", "endpoint-create=soon"]), /invalid duration 'soon'/);
      assert.match(usageError(["--delay", "endpoint-create"]), /invalid delay/);
    });

    it("parseCli: an unknown --quota name or a bad number is refused", () => {
      assert.match(usageError(["--quota", "clusters-per-account=3"]), /unknown quota 'clusters-per-account'/);
      assert.match(usageError(["--quota", "grants-per-cluster=-1"]), /invalid quota/);
      assert.match(usageError(["--quota", "grants-per-cluster"]), /invalid quota/);
    });

    it("parseCli: an unknown log level is refused", () => {
      assert.match(usageError(["--log-level", "verbose"]), /--log-level 'verbose' is not valid; use debug, info, warn, error, silent/);
    });
  });
});
