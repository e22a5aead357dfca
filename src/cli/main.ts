#!/usr/bin/env node
/**
 * The `redshift-local` command (README "Command line"): flags + environment → options (parse.ts) →
 * `startRedshiftLocal`. Nothing else happens here: the server, the store and the logs are the
 * library's.
 *
 * Output contract: one line `redshift-local listening on http://HOST:PORT` on stdout when ready;
 * JSON log lines on stderr; a plain `redshift-local: …` line on stderr for the error that ends the
 * process. Exit codes: 0 (help, version, clean stop on SIGINT/SIGTERM), 1 (start-up failed: a seed
 * call, the port, the database), 2 (bad flags or values, unreadable --seed/--credentials file).
 */
import { loadCredentialsFile, loadSeedFile, startRedshiftLocal, type Credential, type RedshiftLocal, type SeedCall } from "../index.js";
import { parseCli } from "./parse.js";

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

function fail(code: number, message: string, hint = false): never {
  process.stderr.write(`redshift-local: ${message}\n${hint ? "Run 'redshift-local --help' for the flags and environment variables.\n" : ""}`);
  process.exit(code);
}

async function main(): Promise<void> {
  const command = parseCli(process.argv.slice(2), process.env);
  switch (command.kind) {
    case "help":
      process.stdout.write(command.text);
      return;
    case "version":
      process.stdout.write(command.text + "\n");
      return;
    case "error":
      return fail(EXIT_USAGE, command.message, true);
    case "start":
      break;
  }
  const { options } = command;

  // The files are read here, not inside startRedshiftLocal, so that an unreadable or malformed file
  // is a bad flag value (exit 2) while a seed call that fails is a failed start (exit 1).
  let credentials: Credential[] | undefined;
  let seed: SeedCall[] | undefined;
  try {
    if (options.credentials !== undefined) credentials = loadCredentialsFile(options.credentials);
    if (options.seed !== undefined) seed = loadSeedFile(options.seed);
  } catch (err) {
    return fail(EXIT_USAGE, (err as Error).message, true);
  }
  if (options.auth === "strict" && credentials?.length === 0) {
    return fail(EXIT_USAGE, `--auth strict needs at least one key in ${options.credentials}: without one every request would be refused`, true);
  }

  let server: RedshiftLocal | undefined;
  let stopRequested = false;
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) fail(EXIT_FAILURE, `${signal} again: exiting without waiting for in-flight requests`);
    stopRequested = true;
    if (!server) return; // still starting: stop as soon as the server is up
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (err: unknown) => fail(EXIT_FAILURE, `error while stopping: ${(err as Error).message}`),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  try {
    server = await startRedshiftLocal({
      ...options,
      ...(credentials ? { credentials } : {}),
      ...(seed ? { seed } : {}),
    });
  } catch (err) {
    const error = err as NodeJS.ErrnoException;
    const hint = error.code === "EADDRINUSE" ? " (pick another --port, or 0 for a free one)" : "";
    return fail(EXIT_FAILURE, `could not start: ${error.message}${hint}`);
  }
  process.stdout.write(`redshift-local listening on ${server.url}\n`);
  if (stopRequested) stop("SIGTERM");
}

main().catch((err: unknown) => fail(EXIT_FAILURE, err instanceof Error ? (err.stack ?? err.message) : String(err)));
