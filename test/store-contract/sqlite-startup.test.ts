/**
 * The SQLite file backend tells the truth at start-up and while serving: a data directory that is
 * not one (or cannot be created, even on procfs) is refused at once, a read-only or corrupted
 * database is refused before anything is served, and a database file removed while the store is
 * open makes writes fail with 503 ServiceUnavailable (reads still answer) and health say why.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, it } from "node:test";
import { AwsError } from "../../src/domain/errors.js";
import { SQLITE_FILE, SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { A1, R1, entity } from "./fixtures.js";

const S1 = { account: A1, region: R1 };

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "rl-startup-"));
  file = join(dir, SQLITE_FILE);
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

const refused = (dataDir: string, pattern: RegExp) =>
  assert.throws(
    () => new SqliteStore({ dataDir }),
    (err: Error) => {
      assert.match(err.message, pattern);
      return true;
    },
  );

/** A real database with some rows, closed (so everything is in the main file). */
async function populatedDatabase(): Promise<void> {
  const store = new SqliteStore({ dataDir: dir });
  await store.transact(async (tx) => {
    for (let i = 0; i < 200; i++) await tx.vpcs.insert(entity("vpcs", { id: `vpc-${i}` }));
  });
  await store.close();
}

describe("sqlite start-up checks", () => {
  it("sqlite start-up: a data directory that is a regular file is refused as 'not a directory', naming it", () => {
    const path = join(dir, "plain-file");
    writeFileSync(path, "x");
    refused(path, new RegExp(`^the data directory ${path} is not a directory$`));
  });

  it("sqlite start-up: a data directory below a regular file is refused as 'not a directory'", () => {
    writeFileSync(join(dir, "plain-file"), "x");
    refused(join(dir, "plain-file", "sub", "data"), /is not a directory/);
  });

  it("sqlite start-up: a data directory on procfs is refused at once, not looped on (mkdir answers ENOENT there)", { skip: !existsSync("/proc/self") && "no /proc on this system" }, () => {
    // fs.mkdirSync(…, { recursive: true }) spins forever on this path (the old behaviour).
    refused("/proc/redshift-local-test/data", /^cannot create the data directory \/proc\/redshift-local-test: .*ENOENT/);
  });

  it("sqlite start-up: a database path that is a directory is refused, naming it", () => {
    mkdirSync(file);
    refused(dir, new RegExp(`^the database ${file} is not a regular file$`));
  });

  it("sqlite start-up: a database SQLite can only open read-only is refused as read-only, naming the file", async () => {
    await populatedDatabase();
    assert.throws(
      () => new SqliteStore({ dataDir: dir, openReadOnly: true }),
      (err: Error) => {
        assert.equal(err.message, `the database ${file} is read-only (opened read-only)`);
        return true;
      },
    );
  });

  it("sqlite start-up: an unwritable database file or data directory is refused as read-only (as an unprivileged user)", async (t) => {
    await populatedDatabase();
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    const message = openAsUnprivileged(dir);
    if (message === undefined) return t.skip("cannot run as an unprivileged user here (root ignores file modes)");
    assert.equal(message, `the database ${file} is read-only (attempt to write a readonly database)`);
    // A writable file in a read-only directory cannot get its -wal beside it: refused too.
    chmodSync(file, 0o666);
    assert.match(openAsUnprivileged(dir)!, new RegExp(`^the database ${file} is read-only|^the data directory ${dir} is read-only`));
    // An empty read-only directory cannot even create the file.
    chmodSync(dir, 0o755);
    rmSync(file);
    chmodSync(dir, 0o555);
    assert.match(openAsUnprivileged(dir)!, new RegExp(`^the data directory ${dir} is read-only: cannot create ${file}`));
  });

  it("sqlite start-up: a database corrupted past its header is refused as corrupted, naming the file", async () => {
    await populatedDatabase();
    const size = statSync(file).size;
    assert.ok(size > 8192, "several pages");
    const fd = openSync(file, "r+");
    // Keep the 100-byte header (it still says "SQLite format 3"); garbage over everything else.
    const garbage = Buffer.alloc(size - 100, 0xa5);
    writeSync(fd, garbage, 0, garbage.length, 100);
    closeSync(fd);
    refused(dir, new RegExp(`^the database ${file} is corrupted: `));
  });

  it("sqlite start-up: a database with damaged pages behind a valid first page is refused by quick_check", async () => {
    await populatedDatabase();
    const size = statSync(file).size;
    const pageSize = 4096;
    const fd = openSync(file, "r+");
    const garbage = Buffer.alloc(size - 2 * pageSize, 0x5a);
    writeSync(fd, garbage, 0, garbage.length, 2 * pageSize);
    closeSync(fd);
    refused(dir, new RegExp(`^the database ${file} is corrupted: \\S`));
  });
});

describe("sqlite database file removed while open", () => {
  it("sqlite: after the data directory is deleted, writes answer 503 ServiceUnavailable, reads still answer, health says why", async () => {
    const store = new SqliteStore({ dataDir: dir });
    await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v1" })));
    assert.deepEqual(store.health(), { ok: true });
    rmSync(dir, { recursive: true, force: true });
    const health = store.health();
    assert.equal(health.ok, false);
    assert.match(!health.ok ? health.problem : "", new RegExp(`database file ${file} was removed or replaced.*Restart redshift-local`));
    let ran = false;
    await assert.rejects(
      store.transact(async (tx) => {
        ran = true;
        await tx.vpcs.insert(entity("vpcs", { id: "v2" }));
      }),
      (err: unknown) => {
        assert.ok(err instanceof AwsError);
        assert.equal(err.code, "ServiceUnavailable");
        assert.equal(err.status, 503);
        assert.match(err.message, /was removed or replaced/);
        return true;
      },
    );
    assert.equal(ran, false, "the write never started");
    assert.equal(await store.read((tx) => tx.vpcs.count({})), 1, "reads still answer from the open file");
    mkdirSync(dir);
    await store.close();
  });

  it("sqlite: a database file replaced by another file at the same path is noticed too, and stays refused", async () => {
    const store = new SqliteStore({ dataDir: dir });
    await store.transact((tx) => tx.vpcs.insert(entity("vpcs", { id: "v1" })));
    rmSync(file);
    // Another process starting meanwhile would create a new, empty database at the same path.
    const other = new SqliteStore({ dataDir: dir });
    await assert.rejects(store.transact((tx) => tx.vpcs.remove(S1, "v1")), /was removed or replaced/);
    assert.equal(store.health().ok, false);
    await other.close();
    await store.close();
  });
});

/**
 * Opens a store on `dataDir` in a child process running as `nobody` (tests usually run as root,
 * which writes whatever the file modes say), or in this process when it is unprivileged. Returns
 * the error message, or undefined when no unprivileged attempt is possible here.
 */
function openAsUnprivileged(dataDir: string): string | undefined {
  const open = (): string => {
    try {
      new SqliteStore({ dataDir });
      return "opened";
    } catch (err) {
      return (err as Error).message;
    }
  };
  if (process.getuid?.() !== 0) return open();
  const storeUrl = pathToFileURL(join(import.meta.dirname, "..", "..", "src", "store", "sqlite", "sqlite-store.ts")).href;
  const script = `const { SqliteStore } = await import(${JSON.stringify(storeUrl)});
try { new SqliteStore({ dataDir: ${JSON.stringify(dataDir)} }); console.log("opened"); } catch (err) { console.log(err.message); }`;
  const probe = join(tmpdir(), `rl-probe-${process.pid}.mts`);
  writeFileSync(probe, script, { mode: 0o644 });
  try {
    const run = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), probe], { uid: 65534, gid: 65534, encoding: "utf8", cwd: tmpdir(), timeout: 60_000 });
    if (run.error || run.status !== 0) return undefined;
    return run.stdout.trim();
  } finally {
    rmSync(probe, { force: true });
  }
}
