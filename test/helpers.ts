/**
 * Shared test helpers: start a server (in memory, silent, port 0), official SDK clients per account,
 * and `expectAwsError` for the typed exceptions the SDKs raise.
 */
import assert from "node:assert/strict";
import { EC2Client } from "@aws-sdk/client-ec2";
import { RedshiftClient } from "@aws-sdk/client-redshift";
import { STSClient } from "@aws-sdk/client-sts";
import { startRedshiftLocal, type RedshiftLocal, type RedshiftLocalOptions } from "../src/index.js";
import { PG_URL, dropSchema, freshSchema } from "./postgres.js";

export const GRANTOR = "111111111111";
export const GRANTEE = "222222222222";
export const STRANGER = "333333333333";
export const REGION = "us-east-1";

/**
 * A server on port 0, silent, in memory — or, with env REDSHIFT_LOCAL_TEST_STORE=postgres (`npm run
 * test:pg`), on a fresh schema of the PostgreSQL database REDSHIFT_LOCAL_TEST_PG, dropped at close.
 * A test that passes its own `store` keeps it.
 */
export async function startServer(options: RedshiftLocalOptions = {}): Promise<RedshiftLocal> {
  if (options.store !== undefined || process.env["REDSHIFT_LOCAL_TEST_STORE"] !== "postgres") {
    return startRedshiftLocal({ port: 0, store: { kind: "memory" }, logLevel: "silent", ...options });
  }
  if (!PG_URL) throw new Error("REDSHIFT_LOCAL_TEST_STORE=postgres needs REDSHIFT_LOCAL_TEST_PG=postgres://…");
  const schema = freshSchema();
  let rs: RedshiftLocal;
  try {
    rs = await startRedshiftLocal({ port: 0, store: { kind: "postgres", url: PG_URL, schema, poolSize: 4 }, logLevel: "silent", ...options });
  } catch (err) {
    await dropSchema(schema);
    throw err;
  }
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= rs.close().then(() => dropSchema(schema)));
  return { url: rs.url, port: rs.port, reset: () => rs.reset(), close, [Symbol.asyncDispose]: close };
}

export interface Clients {
  readonly redshift: RedshiftClient;
  readonly ec2: EC2Client;
  readonly sts: STSClient;
}

/** SDK clients whose access key is the 12-digit account id (docs/differences-from-aws.md: such a key is that account). */
export function clientsFor(url: string, account: string, region = REGION): Clients {
  const config = {
    endpoint: url,
    region,
    credentials: { accessKeyId: account, secretAccessKey: "test" },
    maxAttempts: 1,
  };
  return { redshift: new RedshiftClient(config), ec2: new EC2Client(config), sts: new STSClient(config) };
}

interface SdkError {
  name: string;
  message: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/**
 * Awaits a rejected SDK call and checks the error: `name` is the SDK's exception class name (for
 * Redshift's modelled errors the class, e.g. `ClusterNotFoundFault`; for unmodelled ones the wire code)
 * and the HTTP status. Returns the error for further assertions.
 */
export async function expectAwsError(promise: Promise<unknown>, name: string, status?: number): Promise<SdkError> {
  let error: SdkError | undefined;
  try {
    await promise;
  } catch (err) {
    error = err as SdkError;
  }
  assert.ok(error, `expected ${name} but the call succeeded`);
  assert.equal(error.name, name, `expected ${name}, got ${error.name}: ${error.message}`);
  if (status !== undefined) assert.equal(error.$metadata?.httpStatusCode, status, `HTTP status of ${name}`);
  assert.ok(error.$metadata?.requestId, "the error carries a request id");
  return error;
}

/** POSTs a raw form body (unsigned unless headers say otherwise). */
export async function rawPost(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(url + "/", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}
