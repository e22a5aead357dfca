/** The command line as the CLI tests read it: a start's options, or a usage error's message. */
import assert from "node:assert/strict";
import { parseCli, type CliOptions } from "../../src/cli/parse.js";

export function start(argv: string[], env: Record<string, string> = {}): CliOptions {
  const cmd = parseCli(argv, env);
  assert.equal(cmd.kind, "start", cmd.kind === "error" ? cmd.message : cmd.kind);
  return cmd.options;
}

export function usageError(argv: string[], env: Record<string, string> = {}): string {
  const cmd = parseCli(argv, env);
  assert.equal(cmd.kind, "error", `expected a usage error for ${JSON.stringify(argv)} ${JSON.stringify(env)}`);
  return cmd.message;
}
