/**
 * What the Terraform e2e tests share: finding `terraform` and the hashicorp/aws filesystem mirror
 * (skipping with a message naming what is missing), a working directory whose CLI configuration
 * uses the mirror, and running a Terraform command with its output.
 *
 * Terraform and the hashicorp/aws provider cannot be installed from the registries this project
 * uses, so they are looked up on the machine: `terraform` on PATH (or TERRAFORM_BIN) and the provider
 * in a filesystem mirror (TF_PROVIDER_MIRROR, default /opt/tf-plugins).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findOnPath, skipUnlessRequired } from "../tools.js";

export const MIRROR = process.env.TF_PROVIDER_MIRROR ?? "/opt/tf-plugins";
/** Guards a hung command only; no assertion is about time. */
const COMMAND_GUARD_MS = 6 * 60_000;

function findTerraform(): string | undefined {
  if (process.env.TERRAFORM_BIN) return existsSync(process.env.TERRAFORM_BIN) ? process.env.TERRAFORM_BIN : undefined;
  return findOnPath("terraform");
}

/** Terraform's name for this platform: linux_amd64, darwin_arm64, … */
function platform(): string {
  const arch: Record<string, string> = { x64: "amd64", arm64: "arm64", ia32: "386", arm: "arm" };
  return `${process.platform === "win32" ? "windows" : process.platform}_${arch[process.arch] ?? process.arch}`;
}

/** Versions of hashicorp/aws unpacked in the mirror for this platform. */
function mirroredProviders(): string[] {
  const base = join(MIRROR, "registry.terraform.io", "hashicorp", "aws");
  if (!existsSync(base)) return [];
  return readdirSync(base).filter((version) => existsSync(join(base, version, platform())));
}

const terraform = findTerraform();
const providers = mirroredProviders();
/** Neither can come from the package registries this project uses, so they are skipped, saying which is missing. */
export const missing = skipUnlessRequired(
  "terraform",
  terraform === undefined
    ? `terraform is not installed: no terraform on PATH${process.env.TERRAFORM_BIN ? ` and TERRAFORM_BIN=${process.env.TERRAFORM_BIN} does not exist` : " (or set TERRAFORM_BIN)"}`
    : providers.length === 0
      ? `the hashicorp/aws provider is not installed: no ${join(MIRROR, "registry.terraform.io/hashicorp/aws/<version>", platform())} filesystem mirror (or set TF_PROVIDER_MIRROR)`
      : undefined,
);

export interface Run {
  readonly code: number | string;
  readonly output: string;
}

export function run(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(terraform!, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (output += d));
    const guard = setTimeout(() => child.kill("SIGKILL"), COMMAND_GUARD_MS);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      resolve({ code: code ?? signal ?? "unknown", output });
    });
  });
}

export interface Workspace {
  readonly dir: string;
  /** Writes main.tf. */
  readonly write: (config: string) => void;
  /** Runs `terraform <args> -no-color` and asserts its exit code; returns its output. */
  readonly tf: (args: string[], expected: number, what: string) => Promise<string>;
}

/** A fresh directory (`prefix` in the temp dir) whose Terraform installs hashicorp/aws from the mirror only. */
export function workspace(prefix: string): Workspace {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(
    join(dir, "cli.tfrc"),
    `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(MIRROR)}\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\n`,
  );
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("TF_") && k !== "CHECKPOINT_DISABLE") env[k] = v;
  Object.assign(env, {
    TF_CLI_CONFIG_FILE: join(dir, "cli.tfrc"),
    TF_DATA_DIR: join(dir, ".terraform"),
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
  });
  return {
    dir,
    write: (config) => writeFileSync(join(dir, "main.tf"), config),
    tf: async (args, expected, what) => {
      const result = await run(dir, env, [...args, "-no-color"]);
      assert.equal(result.code, expected, `terraform ${what} exited ${result.code}, expected ${expected}:\n${result.output}`);
      return result.output;
    },
  };
}
