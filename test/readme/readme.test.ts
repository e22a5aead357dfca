/**
 * README.md's examples run as written, so the README cannot drift from the product.
 *
 * Convention for README.md's fenced code blocks — every block is run or deliberately skipped:
 *
 * - ```js / ```javascript: run with plain `node` (no transpiler: it must be JavaScript that Node.js
 *   20 runs), as an ES module.
 * - ```ts / ```typescript: type-checked with the repository's `tsc` (strict) and run through tsx.
 * - ```sh / ```bash: run with `bash -eu` (a failing command fails the block). When a program the
 *   block calls (e.g. `aws`, `curl`) is not installed, the block is skipped with one line naming it.
 * - ```yaml / ```yml / ```json: a seed file. The built CLI starts with `--seed FILE`; every call's
 *   identifying parameters (`…Identifier`, `…Name`, `Account`, `CidrBlock`) must then be found in
 *   an entity of that call's account in `GET /_redshift-local/state`.
 * - A block is not run when the line before it is `<!-- readme-test: skip (reason) -->` or its
 *   info string contains `no-run` (```sh no-run). Any other block fails the test: mark it.
 *
 * Every runnable block runs, in README order, against one in-process server (port 0, in memory)
 * that is reset (POST /_redshift-local/reset) before each block, as the README tells readers to do
 * between examples; `http://127.0.0.1:4566` in a block is replaced by that server's URL. Snippets
 * are written to a temporary project under the OS temp dir in which `redshift-local` resolves to
 * this repository (its package.json `exports` → dist/, so the package is built first, as `npm test`
 * does) and the other packages to the repository's node_modules. A `console.log(…); // → TEXT`
 * line promises an output: the block's stdout must be exactly those lines, in order.
 * The test fails if the README has no runnable block.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadSeedFile, type RedshiftLocal, type SeedCall } from "../../src/index.js";
import { BUILT_CLI, REPO_ROOT, startCli } from "../e2e/spawn.js";
import { startServer } from "../helpers.js";
import { expectedOutput, parseBlocks, programsOf, type Block } from "./blocks.js";

const README_ENDPOINT = "http://127.0.0.1:4566";
/** The CLI's --default-account when none is given: the account of seed calls without one. */
const DEFAULT_ACCOUNT = "000000000000";
/** Guards against a hung child only; no assertion is about time. */
const GUARD_MS = 120_000;

const blocks = parseBlocks(readFileSync(join(REPO_ROOT, "README.md"), "utf8"));
const runnable = blocks.filter((b) => b.kind !== undefined && b.skip === undefined);

interface Run {
  readonly code: number | string;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, timeout: GUARD_MS, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as NodeJS.ErrnoException).code ?? error.signal ?? 1) : 0, stdout, stderr });
    });
  });
}

/**
 * The caller's environment without AWS settings (profiles, endpoints, credentials files) that would
 * make a block depend on this machine; the AWS CLI gets no pager, one attempt and no metadata calls.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("AWS_") && !k.startsWith("REDSHIFT_LOCAL_")) env[k] = v;
  return {
    ...env,
    AWS_CONFIG_FILE: "/nonexistent/redshift-local/config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/redshift-local/credentials",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_MAX_ATTEMPTS: "1",
    AWS_PAGER: "",
    AWS_CLI_AUTO_PROMPT: "off",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
}

function describeRun(what: string, result: Run): string {
  return `${what} exited ${String(result.code)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

function title(block: Block): string {
  return `README.md:${block.line} under "${block.section}" (${block.info || "no info string"})`;
}

/** A temporary project: `work/` holds the snippets; `redshift-local` resolves to this repository. */
function makeProject(): { root: string; work: string } {
  const root = mkdtempSync(join(tmpdir(), "redshift-local-readme-"));
  const work = join(root, "work");
  mkdirSync(join(root, "node_modules"));
  mkdirSync(work);
  // work/node_modules is the repository's (the SDKs, tsx, @types/node); the package itself is found
  // one level up, as an installed dependency would be.
  symlinkSync(join(REPO_ROOT, "node_modules"), join(work, "node_modules"), "dir");
  symlinkSync(REPO_ROOT, join(root, "node_modules", "redshift-local"), "dir");
  writeFileSync(join(work, "package.json"), JSON.stringify({ type: "module", private: true }));
  writeFileSync(
    join(work, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2022", "ESNext.Disposable"],
        types: ["node"],
        skipLibCheck: true,
        noEmit: true,
      },
    }),
  );
  return { root, work };
}

/** `command -v` for each program, in bash as the block will run. */
async function missingPrograms(programs: readonly string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  const missing: string[] = [];
  for (const p of programs) if ((await run("bash", ["-c", 'command -v -- "$1" >/dev/null', "bash", p], REPO_ROOT, env)).code !== 0) missing.push(p);
  return missing;
}

/** Every seed call's identifying parameters appear in an entity of its account. */
function assertSeedApplied(calls: readonly SeedCall[], state: Record<string, unknown>): void {
  const entities = Object.values(state).filter(Array.isArray).flat() as { account?: string }[];
  for (const [i, call] of calls.entries()) {
    const account = call.account ?? DEFAULT_ACCOUNT;
    const params = call.params ?? {};
    const identifying = Object.entries(params)
      .filter(([k, v]) => typeof v === "string" && (/(Identifier|Name)$/.test(k) || k === "Account" || k === "CidrBlock"))
      .map(([, v]) => (v as string).toLowerCase());
    if (identifying.length === 0) continue;
    const found = entities.some((e) => e.account === account && identifying.every((v) => JSON.stringify(e).toLowerCase().includes(JSON.stringify(v))));
    assert.ok(found, `seed call ${i} (${call.action}): no entity of ${account} with ${identifying.join(", ")}`);
  }
}

describe("README examples run as written", () => {
  let rs: RedshiftLocal;
  let project: { root: string; work: string };
  const env = cleanEnv();

  before(async () => {
    assert.ok(existsSync(join(REPO_ROOT, "dist", "src", "index.js")), "dist/ is missing: run `npm run build` first (npm test does)");
    rs = await startServer();
    project = makeProject();
  });

  after(async () => {
    await rs?.close();
    if (project) rmSync(project.root, { recursive: true, force: true });
  });

  it("README: every code block is runnable or deliberately marked skip, and at least one runs", () => {
    const unmarked = blocks.filter((b) => b.kind === undefined && b.skip === undefined);
    assert.deepEqual(unmarked.map(title), [], "blocks in no runnable language must be marked <!-- readme-test: skip (reason) -->");
    assert.ok(runnable.length > 0, "README.md has no runnable code block");
    assert.ok(runnable.some((b) => b.kind === "js" || b.kind === "ts"), "README.md has an SDK example that runs");
  });

  for (const block of runnable) {
    it(`README: the example at ${title(block)} runs as written`, { timeout: 4 * GUARD_MS }, async (t) => {
      const reset = await fetch(`${rs.url}/_redshift-local/reset`, { method: "POST" });
      assert.equal(reset.status, 200);
      const code = block.code.replaceAll(README_ENDPOINT, rs.url);
      const file = join(project.work, `block-${block.line}`);
      switch (block.kind) {
        case "js": {
          writeFileSync(`${file}.mjs`, code);
          // Plain node: no tsx, so TypeScript-only syntax (`await using`, annotations) fails here.
          const result = await run(process.execPath, [`${file}.mjs`], project.work, env);
          assert.equal(result.code, 0, describeRun(title(block), result));
          assertOutput(block, result);
          return;
        }
        case "ts": {
          writeFileSync(`${file}.ts`, code);
          const tsc = await run(process.execPath, [join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], project.work, env);
          assert.equal(tsc.code, 0, describeRun(`tsc (strict) on ${title(block)}`, tsc));
          const result = await run(process.execPath, ["--import", import.meta.resolve("tsx"), `${file}.ts`], project.work, env);
          rmSync(`${file}.ts`); // the next TypeScript block's tsc run checks only itself
          assert.equal(result.code, 0, describeRun(title(block), result));
          assertOutput(block, result);
          return;
        }
        case "sh": {
          const missing = await missingPrograms(programsOf(code), env);
          if (missing.length > 0) {
            t.skip(`${missing.join(", ")} not installed`);
            return;
          }
          writeFileSync(`${file}.sh`, code);
          const result = await run("bash", ["-eu", `${file}.sh`], project.work, env);
          assert.equal(result.code, 0, describeRun(title(block), result));
          return;
        }
        case "seed": {
          const ext = block.info.split(/\s+/)[0] === "json" ? "json" : "yaml";
          writeFileSync(`${file}.${ext}`, code);
          assert.ok(existsSync(BUILT_CLI), "dist/ is missing: run `npm run build` first");
          await using server = await startCli(["--in-memory", "--port", "0", "--log-level", "warn", "--seed", `${file}.${ext}`], { built: true });
          const state = (await (await fetch(`${server.url}/_redshift-local/state`)).json()) as Record<string, unknown>;
          assertSeedApplied(loadSeedFile(`${file}.${ext}`), state);
          assert.equal(await server.stop(), 0);
          return;
        }
      }
    });
  }
});

function assertOutput(block: Block, result: Run): void {
  const expected = expectedOutput(block.code);
  if (expected.length === 0) return;
  const printed = result.stdout.split("\n").map((l) => l.trim()).filter(Boolean);
  assert.deepEqual(printed, expected, `what ${title(block)} prints, against its "// → …" comments`);
}
