/**
 * The round-trip harness behind the *-roundtrip tests: an official SDK client whose transport
 * records the serialized request and answers with our encoder's XML, so each shape table is proved
 * both ways without a server — the SDK's request decodes (and validates) to the command's input, and
 * our encoded output parses to the value we encoded.
 */
import assert from "node:assert/strict";
import { Params, decodeStructure } from "../../src/protocol/decode.js";
import { encodeSuccess } from "../../src/protocol/encode.js";
import { parseForm } from "../../src/protocol/form.js";
import type { Shape } from "../../src/protocol/shapes.js";
import { validateStructure } from "../../src/protocol/validate.js";
import type { ServiceDef } from "../../src/services/operation.js";

interface SdkClient {
  send(command: never): Promise<unknown>;
}

type SdkClientClass<C extends SdkClient> = new (config: {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  maxAttempts: number;
  requestHandler: never;
}) => C;

/** An SDK client whose transport records the request body and answers 200 with `reply()`. */
export function capturingClient<C extends SdkClient>(Client: SdkClientClass<C>, reply: () => string): { client: C; body: () => string } {
  let body = "";
  const client = new Client({
    endpoint: "http://127.0.0.1:1",
    region: "us-east-1",
    credentials: { accessKeyId: "111111111111", secretAccessKey: "test" },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { body?: string }) => {
        body = request.body ?? "";
        const headers = { "content-type": "text/xml", "x-amzn-requestid": "req-1" };
        return { response: { statusCode: 200, headers, body: new TextEncoder().encode(reply()) } };
      },
    } as never,
  });
  return { client, body: () => body };
}

/** SDK values → plain data: Dates → epoch ms, `$metadata` and undefined members dropped. */
export function plain(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== "$metadata" && v !== undefined) out[k] = plain(v);
    return out;
  }
  return value;
}

/** Every member of the shape is present and every list has an item, recursively. */
export function assertPopulated(shape: Shape, value: unknown, path: string): void {
  assert.notEqual(value, undefined, `${path} is missing`);
  if (shape.type === "structure") {
    for (const [name, member] of Object.entries(shape.members)) assertPopulated(member.shape, (value as Record<string, unknown>)[name], `${path}.${name}`);
  } else if (shape.type === "list") {
    const items = value as unknown[];
    assert.ok(Array.isArray(items) && items.length > 0, `${path} is an empty list`);
    items.forEach((item, i) => assertPopulated(shape.member, item, `${path}[${i}]`));
  }
}

/**
 * Sends `command` through the SDK: the serialized request must name the action and version and decode
 * (and validate) to exactly `command.input`; returns the form body and the SDK's parse of `output`
 * as our encoder wrote it.
 */
export async function roundTrip<C extends SdkClient>(
  Client: SdkClientClass<C>,
  service: ServiceDef,
  name: string,
  command: { input: object },
  output: Record<string, unknown> | undefined,
): Promise<{ form: string; parsed: unknown }> {
  const op = service.operations[name];
  assert.ok(op, `${name} is an operation of ${service.signingName}`);
  const { client, body } = capturingClient(Client, () => encodeSuccess(service.protocol, service.namespace, name, op.output, output, "req-1").body);
  const parsed = plain(await client.send(command as never));
  const map = new Map<string, string>();
  parseForm(body(), map, true);
  assert.equal(map.get("Action"), name);
  assert.equal(map.get("Version"), service.version);
  const input = decodeStructure(op.input, new Params(map), service.protocol);
  validateStructure(op.input, input);
  assert.deepEqual(input, plain(command.input), `${name}: decoded input`);
  return { form: body(), parsed };
}
