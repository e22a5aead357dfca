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
import type { ListShape, Shape, StructureShape } from "./shapes.js";
import { encodedOnce } from "./stable-wire.js";

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

/** An element's tags, built once per member (the shape tables are static): encoding only concatenates. */
interface Tags {
  readonly open: string;
  readonly close: string;
  /** `<tag/>`, for an empty list. */
  readonly empty: string;
}

interface EncodedMember extends Tags {
  readonly name: string;
  readonly shape: Shape;
}

const tagsOf = (tag: string): Tags => ({ open: `<${tag}>`, close: `</${tag}>`, empty: `<${tag}/>` });

/** Each structure's members with their element tags, computed once per shape. */
const MEMBER_LISTS = new WeakMap<StructureShape, readonly EncodedMember[]>();
/** Each list shape's item tags, computed once per shape. */
const ITEM_TAGS = new WeakMap<ListShape, Tags>();

function membersOf(shape: StructureShape): readonly EncodedMember[] {
  let list = MEMBER_LISTS.get(shape);
  if (!list) {
    list = Object.entries(shape.members).map(([name, member]) => ({ name, shape: member.shape, ...tagsOf(member.locationName ?? name) }));
    MEMBER_LISTS.set(shape, list);
  }
  return list;
}

function itemTagsOf(shape: ListShape): Tags {
  let tags = ITEM_TAGS.get(shape);
  if (!tags) {
    tags = tagsOf(shape.item);
    ITEM_TAGS.set(shape, tags);
  }
  return tags;
}

/**
 * The XML of a structure's members (without an enclosing element); a stable wire value's is made
 * once (stable-wire.ts).
 */
export function encodeMembers(shape: StructureShape, value: Record<string, unknown>): string {
  return encodedOnce(shape, value, membersXml);
}

function membersXml(shape: StructureShape, value: Record<string, unknown>): string {
  let xml = "";
  const members = membersOf(shape);
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    const v = value[m.name];
    if (v !== undefined && v !== null) xml += encodeElement(m, m.shape, v);
  }
  return xml;
}

function encodeElement(tags: Tags, shape: Shape, v: unknown): string {
  switch (shape.type) {
    case "structure":
      return tags.open + encodeMembers(shape, v as Record<string, unknown>) + tags.close;
    case "list": {
      const items = v as unknown[];
      if (items.length === 0) return tags.empty;
      const itemTags = itemTagsOf(shape);
      let xml = tags.open;
      for (let i = 0; i < items.length; i++) xml += encodeElement(itemTags, shape.member, items[i]);
      return xml + tags.close;
    }
    case "timestamp":
      return tags.open + isoTimestamp(v as number) + tags.close;
    case "boolean":
      return tags.open + (v ? "true" : "false") + tags.close;
    case "integer":
      return tags.open + String(v) + tags.close;
    case "string":
      return tags.open + escapeXml(typeof v === "string" ? v : String(v)) + tags.close;
  }
}

const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00Z: from there on, and before 1970, Date formats (six-digit or negative years). */
const FAST_LIMIT_MS = 253_402_300_800_000;
/** `YYYY-MM-DDT` by day number: the days a response names are few (creation, next window, …). */
const DAY_PREFIXES = new Map<number, string>();
const MAX_DAY_PREFIXES = 4096;

function dayPrefix(day: number): string {
  let prefix = DAY_PREFIXES.get(day);
  if (prefix === undefined) {
    if (DAY_PREFIXES.size >= MAX_DAY_PREFIXES) DAY_PREFIXES.clear();
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    DAY_PREFIXES.set(day, prefix);
  }
  return prefix;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * RFC 3339 with milliseconds and `Z`, exactly `Date.prototype.toISOString` (which formats through
 * the runtime, several times slower): each day's prefix is made once, the time of day here.
 */
export function isoTimestamp(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0 || ms >= FAST_LIMIT_MS) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  rest -= seconds * 1000;
  return `${dayPrefix(day)}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${pad3(Math.floor(rest))}Z`;
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
