/**
 * Redshift-style pagination
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/API_DescribeClusters.html;
 * docs/differences-from-aws.md, Pagination): `MaxRecords` 20–100, default 100; `Marker` opaque and
 * present only when more records remain; a marker we did not issue is `InvalidParameterValue`.
 * Order is stable (creation time, then account, then id) and a page reads O(page) rows: the marker
 * is the position of the last record returned, and the store resumes strictly after it.
 */
import type { EntityBase } from "./entities.js";
import { InvalidParameterValue } from "./errors.js";
import { cursorOf, type Cursor, type PageRequest } from "../store/store.js";

export const DEFAULT_MAX_RECORDS = 100;
export const MIN_MAX_RECORDS = 20;
export const MAX_MAX_RECORDS = 100;

const MARKER_PREFIX = "rl1.";

export function pageSize(maxRecords: number | undefined): number {
  if (maxRecords === undefined) return DEFAULT_MAX_RECORDS;
  if (!Number.isInteger(maxRecords) || maxRecords < MIN_MAX_RECORDS || maxRecords > MAX_MAX_RECORDS) {
    throw new InvalidParameterValue(`MaxRecords must be between ${MIN_MAX_RECORDS} and ${MAX_MAX_RECORDS}.`);
  }
  return maxRecords;
}

export function encodeMarker(cursor: Cursor): string {
  return MARKER_PREFIX + Buffer.from(JSON.stringify([cursor.createdAt, cursor.account, cursor.id]), "utf8").toString("base64url");
}

export function decodeMarker(marker: string | undefined): Cursor | undefined {
  if (marker === undefined || marker === "") return undefined;
  const invalid = () => new InvalidParameterValue(`Invalid Marker '${marker.length > 64 ? marker.slice(0, 64) + "…" : marker}'.`);
  if (!marker.startsWith(MARKER_PREFIX)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(marker.slice(MARKER_PREFIX.length), "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== "number" ||
    typeof parsed[1] !== "string" ||
    typeof parsed[2] !== "string"
  ) {
    throw invalid();
  }
  return { createdAt: parsed[0], account: parsed[1], id: parsed[2] };
}

export interface Page<E> {
  readonly items: E[];
  /** Present only when more records remain. */
  readonly marker?: string;
}

/**
 * Reads one page: asks the store for `size + 1` records after the marker, returns `size` and a marker
 * when the extra one exists. `fetch` must apply the same stable order as the store's `find`.
 */
export async function paginate<E extends EntityBase>(
  fetch: (page: PageRequest) => Promise<E[]>,
  input: { MaxRecords?: number | undefined; Marker?: string | undefined },
): Promise<Page<E>> {
  const size = pageSize(input.MaxRecords);
  const after = decodeMarker(input.Marker);
  const rows = await fetch({ after, limit: size + 1 });
  if (rows.length <= size) return { items: rows };
  const items = rows.slice(0, size);
  return { items, marker: encodeMarker(cursorOf(items[items.length - 1]!)) };
}
