/**
 * XML encoding of operation outputs and error envelopes, driven by the shape tables.
 *
 * Element name = member locationName ?? member name; list items = the list's item name (`member`
 * when the model gives none); absent (undefined/null) members are omitted; booleans lowercase;
 * timestamps RFC 3339 with milliseconds and `Z`. Every text node is escaped. (docs/wire-protocol.md,
 * Responses and Errors)
 */
import type { AwsError } from "../domain/errors.js";
import type { WireProtocol } from "./decode.js";
import type { Shape, StructureShape } from "./shapes.js";

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  // Most values (ids, names, statuses) need nothing: test once before replacing.
  if (!NEEDS_ESCAPE.test(text)) return text;
  // Characters illegal in XML 1.0 (control characters other than tab/LF/CR) are dropped.
  return text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c] ?? c).replace(ILLEGAL_XML_CHARS, "");
}

interface EncodedMember {
  readonly name: string;
  readonly tag: string;
  readonly shape: Shape;
}

/** Each structure's members with their element names, computed once per shape (the tables are static). */
const MEMBER_LISTS = new WeakMap<StructureShape, readonly EncodedMember[]>();

function membersOf(shape: StructureShape): readonly EncodedMember[] {
  let list = MEMBER_LISTS.get(shape);
  if (!list) {
    list = Object.entries(shape.members).map(([name, member]) => ({ name, tag: member.locationName ?? name, shape: member.shape }));
    MEMBER_LISTS.set(shape, list);
  }
  return list;
}

/** The XML of a structure's members (without an enclosing element). */
export function encodeMembers(shape: StructureShape, value: Record<string, unknown>): string {
  let xml = "";
  for (const m of membersOf(shape)) {
    const v = value[m.name];
    if (v !== undefined && v !== null) xml += encodeElement(m.tag, m.shape, v);
  }
  return xml;
}

function encodeElement(tag: string, shape: Shape, v: unknown): string {
  switch (shape.type) {
    case "structure":
      return `<${tag}>${encodeMembers(shape, v as Record<string, unknown>)}</${tag}>`;
    case "list": {
      const items = v as unknown[];
      if (items.length === 0) return `<${tag}/>`;
      let xml = `<${tag}>`;
      for (const item of items) xml += encodeElement(shape.item, shape.member, item);
      return xml + `</${tag}>`;
    }
    case "timestamp":
      return `<${tag}>${new Date(v as number).toISOString()}</${tag}>`;
    case "boolean":
      return `<${tag}>${v ? "true" : "false"}</${tag}>`;
    case "integer":
      return `<${tag}>${String(v)}</${tag}>`;
    case "string":
      return `<${tag}>${escapeXml(String(v))}</${tag}>`;
  }
}

export interface ResponseBody {
  body: string;
  contentType: string;
}

const EC2_NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
const XML_PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A successful response: the awsQuery `<OpResult>` wrapper plus ResponseMetadata, or EC2's flat form. */
export function encodeSuccess(
  protocol: WireProtocol,
  namespace: string,
  operation: string,
  output: StructureShape | undefined,
  value: Record<string, unknown> | undefined,
  requestId: string,
): ResponseBody {
  if (protocol === "query") {
    const result = output ? `<${operation}Result>${encodeMembers(output, value ?? {})}</${operation}Result>` : "";
    return {
      body: `<${operation}Response xmlns="${namespace}">${result}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`,
      contentType: "text/xml",
    };
  }
  const members = output ? encodeMembers(output, value ?? {}) : "<return>true</return>";
  return {
    body: `${XML_PROLOG}<${operation}Response xmlns="${EC2_NAMESPACE}"><requestId>${requestId}</requestId>${members}</${operation}Response>`,
    contentType: "text/xml;charset=UTF-8",
  };
}

/**
 * The error envelope: awsQuery `<ErrorResponse>` or EC2 `<Response><Errors>`. Exactly one `<Error>`.
 * An empty `namespace` writes `<ErrorResponse>` without one (for a service that is not emulated).
 * The message and code may echo client input: both are escaped.
 */
export function encodeError(protocol: WireProtocol, namespace: string, error: AwsError, requestId: string): ResponseBody {
  const message = escapeXml(error.message);
  if (protocol === "query") {
    return {
      body:
        `<ErrorResponse${namespace === "" ? "" : ` xmlns="${escapeXml(namespace)}"`}><Error><Type>${error.fault}</Type><Code>${escapeXml(error.code)}</Code>` +
        `<Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      contentType: "text/xml",
    };
  }
  return {
    body:
      `${XML_PROLOG}<Response><Errors><Error><Code>${escapeXml(error.code)}</Code><Message>${message}</Message></Error></Errors>` +
      `<RequestID>${requestId}</RequestID></Response>`,
    contentType: "text/xml;charset=UTF-8",
  };
}
