/**
 * XML encoding of operation outputs and error envelopes, driven by the shape tables.
 *
 * Element name = member locationName ?? member name; list items = the list's item name (`member`
 * when the model gives none); absent (undefined/null) members are omitted; booleans lowercase;
 * timestamps RFC 3339 with milliseconds and `Z`. (../shared/reference/aws-protocol.md §2, §3, §4)
 */
import type { AwsError } from "../domain/errors.js";
import type { WireProtocol } from "./decode.js";
import type { Shape, StructureShape } from "./shapes.js";

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeXml(text: string): string {
  // Characters illegal in XML 1.0 (control characters other than tab/LF/CR) are dropped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c] ?? c).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

export function encodeMembers(shape: StructureShape, value: Record<string, unknown>, out: string[]): void {
  for (const [name, member] of Object.entries(shape.members)) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    encodeElement(member.locationName ?? name, member.shape, v, out);
  }
}

function encodeElement(tag: string, shape: Shape, v: unknown, out: string[]): void {
  switch (shape.type) {
    case "structure":
      out.push(`<${tag}>`);
      encodeMembers(shape, v as Record<string, unknown>, out);
      out.push(`</${tag}>`);
      return;
    case "list": {
      const items = v as unknown[];
      if (items.length === 0) {
        out.push(`<${tag}/>`);
        return;
      }
      out.push(`<${tag}>`);
      for (const item of items) encodeElement(shape.item, shape.member, item, out);
      out.push(`</${tag}>`);
      return;
    }
    case "timestamp":
      out.push(`<${tag}>${new Date(v as number).toISOString()}</${tag}>`);
      return;
    case "boolean":
      out.push(`<${tag}>${v ? "true" : "false"}</${tag}>`);
      return;
    case "integer":
      out.push(`<${tag}>${String(v)}</${tag}>`);
      return;
    case "string":
      out.push(`<${tag}>${escapeXml(String(v))}</${tag}>`);
      return;
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
  const out: string[] = [];
  if (protocol === "query") {
    out.push(`<${operation}Response xmlns="${namespace}">`);
    if (output) {
      out.push(`<${operation}Result>`);
      encodeMembers(output, value ?? {}, out);
      out.push(`</${operation}Result>`);
    }
    out.push(`<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`);
    return { body: out.join(""), contentType: "text/xml" };
  }
  out.push(XML_PROLOG, `<${operation}Response xmlns="${EC2_NAMESPACE}"><requestId>${requestId}</requestId>`);
  if (output) encodeMembers(output, value ?? {}, out);
  else out.push("<return>true</return>");
  out.push(`</${operation}Response>`);
  return { body: out.join(""), contentType: "text/xml;charset=UTF-8" };
}

/** The error envelope: awsQuery `<ErrorResponse>` or EC2 `<Response><Errors>`. Exactly one `<Error>`. */
export function encodeError(protocol: WireProtocol, namespace: string, error: AwsError, requestId: string): ResponseBody {
  const message = escapeXml(error.message);
  if (protocol === "query") {
    return {
      body:
        `<ErrorResponse xmlns="${namespace}"><Error><Type>${error.fault}</Type><Code>${escapeXml(error.code)}</Code>` +
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
