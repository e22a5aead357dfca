/**
 * The published package works: `npm pack`, installed into an empty project, gives a working
 * `npx redshift-local --version` and a typed library import that compiles and runs.
 *
 * Cost: `npm pack --ignore-scripts` packs the dist/ that `npm test` has just built (the `prepare`
 * script, which `npm pack`/`npm publish` run, is that same build; the test checks it is), and the
 * install uses `--ignore-scripts --prefer-offline`, so it comes from npm's cache when warm (CI's and a
 * developer's are, from installing this repository) and needs no compiler. With scripts ignored,
 * better-sqlite3's install step (prebuild-install, else node-gyp) does not run; the test puts the
 * repository's binary of the same pinned version in place instead — the file that step would
 * download for this Node.js. If npm is missing, or the registry is unreachable with a cold cache,
 * the test skips with one line saying so.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { REPO_ROOT } from "./spawn.js";

/** Guards against a hung child only; no assertion is about time. */
const GUARD_MS = 180_000;
const NATIVE = join("build", "Release", "better_sqlite3.node");
/** npm's codes for "could not reach the registry" (and "not in the cache" with --offline). */
const NETWORK_ERRORS = /\b(ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH)\b/;

interface Run {
  readonly code: number | string;
  readonly stdout: string;
  readonly stderr: string;
}

/** npm and node children without the `npm_*` settings `npm test` puts in our environment. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && !k.startsWith("REDSHIFT_LOCAL_")) env[k] = v;
  return { ...env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: cleanEnv(), timeout: GUARD_MS, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as NodeJS.ErrnoException).code ?? error.signal ?? 1) : 0, stdout, stderr });
    });
  });
}

function show(what: string, r: Run): string {
  return `${what} exited ${String(r.code)}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};

/** The consumer's program: typed imports, one deliberate misuse the types must refuse, a start and a close. */
const PROGRAM = `import { ManualClock, startRedshiftLocal, VERSION, type RedshiftLocal } from "redshift-local";

const clock = new ManualClock(Date.UTC(2030, 0, 1));
// @ts-expect-error: the port is a number; the package's types must say so (an untyped import would not).
void (() => startRedshiftLocal({ port: "4566" }));
const rs: RedshiftLocal = await startRedshiftLocal({ port: 0, clock, logLevel: "silent" });
try {
  const health = (await (await fetch(rs.url + "/_redshift-local/health")).json()) as { status: string; version: string };
  await rs.reset();
  console.log(JSON.stringify({ status: health.status, version: health.version, VERSION, date: (await fetch(rs.url + "/_redshift-local/health")).headers.get("date") }));
} finally {
  await rs.close();
}
`;

describe("npm pack", () => {
  let dir: string;
  let npm: Run;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "redshift-local-pack-"));
    npm = await run("npm", ["--version"], dir);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("npm pack: the tarball installed in an empty project gives `npx redshift-local --version` and a typed library import that runs", { timeout: 4 * GUARD_MS }, async (t) => {
    if (npm.code !== 0) {
      t.skip("npm is not installed");
      return;
    }
    assert.equal(pkg.scripts["prepare"], "npm run build", "npm pack and publish build dist/ first");
    assert.ok(existsSync(join(REPO_ROOT, "dist", "src", "index.js")), "dist/ is missing: run `npm run build` first (npm test does)");

    // 1. The tarball: the built code with its declarations, the bin with a shebang, the license.
    const packed = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], REPO_ROOT);
    assert.equal(packed.code, 0, show("npm pack", packed));
    const [tarball] = JSON.parse(packed.stdout) as { filename: string; files: { path: string; mode: number }[] }[];
    assert.ok(tarball);
    const files = new Set(tarball.files.map((f) => f.path));
    for (const needed of ["package.json", "README.md", "LICENSE", "dist/src/index.js", "dist/src/index.d.ts", "dist/src/cli/main.js"]) {
      assert.ok(files.has(needed), `the tarball contains ${needed}`);
    }
    for (const path of files) {
      assert.ok(/^(package\.json|README\.md|LICENSE|dist\/src\/.*\.(js|d\.ts)(\.map)?)$/.test(path), `nothing but the built code, README and LICENSE: ${path}`);
      if (path.endsWith(".js")) assert.ok(files.has(path.replace(/\.js$/, ".d.ts")), `${path} has its declarations`);
    }
    // The tarball ships no TypeScript sources, so each source map carries its own (inlineSources):
    // a stack trace from an installed copy still maps to readable code.
    const map = JSON.parse(readFileSync(join(REPO_ROOT, "dist", "src", "index.js.map"), "utf8")) as { sources: string[]; sourcesContent?: (string | null)[] };
    assert.equal(map.sourcesContent?.length, map.sources.length, "dist/src/index.js.map carries its sources");
    assert.ok(map.sourcesContent.every((s) => typeof s === "string" && s.length > 0), "every source is inlined");
    const bin = pkg.bin["redshift-local"]!;
    assert.match(readFileSync(join(REPO_ROOT, bin), "utf8").split("\n")[0]!, /^#!\/usr\/bin\/env node$/, "the bin starts with a node shebang");

    // 2. An empty project installs it (better-sqlite3's binary put in place, see the header).
    const app = join(dir, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    const install = await run("npm", ["install", "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund", join(dir, tarball.filename)], app);
    if (install.code !== 0 && NETWORK_ERRORS.test(install.stderr)) {
      t.skip(`the npm registry is unreachable and npm's cache lacks the dependencies (${NETWORK_ERRORS.exec(install.stderr)![1]})`);
      return;
    }
    assert.equal(install.code, 0, show("npm install <tarball>", install));
    const installed = join(app, "node_modules", "better-sqlite3");
    const repoSqlite = join(REPO_ROOT, "node_modules", "better-sqlite3");
    const version = (path: string) => (JSON.parse(readFileSync(join(path, "package.json"), "utf8")) as { version: string }).version;
    assert.equal(version(installed), version(repoSqlite), "the same better-sqlite3 as the repository's (package.json pins it)");
    mkdirSync(join(installed, "build", "Release"), { recursive: true });
    copyFileSync(join(repoSqlite, NATIVE), join(installed, NATIVE));

    // 3. The command.
    const installedBin = join(app, "node_modules", pkg.name, bin);
    assert.ok((statSync(installedBin).mode & 0o111) !== 0, "npm installed the bin executable");
    // `--no --`: the installed bin or nothing (never a download of some registry package of that name).
    const npx = await run("npx", ["--no", "--", "redshift-local", "--version"], app);
    assert.equal(npx.code, 0, show("npx redshift-local --version", npx));
    assert.equal(npx.stdout.trim(), `redshift-local ${pkg.version}`);

    // 4. The typed import: strict tsc over the installed package's declarations too (no
    //    skipLibCheck), then the emitted JavaScript runs. A TypeScript project on Node.js has
    //    @types/node (the declarations use Buffer and node:http types); the repository's is linked
    //    in rather than downloaded.
    mkdirSync(join(app, "node_modules", "@types"), { recursive: true });
    symlinkSync(join(REPO_ROOT, "node_modules", "@types", "node"), join(app, "node_modules", "@types", "node"), "dir");
    writeFileSync(join(app, "main.ts"), PROGRAM);
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2022", "ESNext.Disposable"], types: ["node"], outDir: "out" },
        files: ["main.ts"],
      }),
    );
    const tsc = await run(process.execPath, [join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], app);
    assert.equal(tsc.code, 0, show("tsc", tsc));
    const program = await run(process.execPath, [join(app, "out", "main.js")], app);
    assert.equal(program.code, 0, show("the consumer's program", program));
    assert.deepEqual(JSON.parse(program.stdout), { status: "ok", version: pkg.version, VERSION: pkg.version, date: "Tue, 01 Jan 2030 00:00:00 GMT" });
  });
});
