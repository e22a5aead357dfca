/**
 * EC2 filter-value wildcards (`*` any run, `?` one character, `\` escaping `*`, `?` or `\`), matched
 * over code points. Not a regular expression: a value such as `*a*a*a*a*b` would backtrack for
 * minutes against a 256-character tag, and a 1 MiB value overflows the regex compiler.
 *
 * A value is split at its stars into segments. The first segment (unless the value starts with a
 * star) must match at the start, the last (unless it ends with one) at the end, each a direct
 * comparison; every other segment is placed at its leftmost occurrence after the previous one, which
 * is correct for globs and scans each text position once. The search is bit-parallel (Shift-And: one
 * bit per segment character, `?` matching every character), so a segment of L characters costs
 * ⌈L/32⌉ word operations per text character: matching is O(text × ⌈value/32⌉), where a greedy
 * two-pointer walk costs O(text × value) (30,000 steps for a 250-character value against a
 * 255-character description, hundreds of times per resource).
 */

/** Code points, with two sentinels no code point takes. */
const STAR = -2;
const ONE = -1;
type Segment = readonly number[];

/** Counts matching work (tests bound the work of a Describe by counting instead of timing it). */
export interface MatchMeter {
  steps: number;
}

/** A filter value compiled once per call. */
export interface Glob {
  /** No star at all: the text must match `segments[0]` exactly. */
  readonly exact: boolean;
  readonly leadingStar: boolean;
  readonly trailingStar: boolean;
  readonly segments: readonly Segment[];
  /** Characters the value needs (`?` and literals): a shorter text cannot match. */
  readonly fixed: number;
}

export function compileGlob(value: string): Glob {
  const tokens: number[] = [];
  const chars = Array.from(value);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === "\\" && i + 1 < chars.length && "*?\\".includes(chars[i + 1]!)) tokens.push(chars[++i]!.codePointAt(0)!);
    else if (c === "*") {
      if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR);
    } else tokens.push(c === "?" ? ONE : c.codePointAt(0)!);
  }
  const segments: number[][] = [];
  let current: number[] = [];
  let fixed = 0;
  for (const t of tokens) {
    if (t === STAR) {
      if (current.length > 0) segments.push(current);
      current = [];
    } else {
      current.push(t);
      fixed++;
    }
  }
  if (current.length > 0 || tokens.length === 0) segments.push(current);
  const leadingStar = tokens[0] === STAR;
  const trailingStar = tokens.length > 0 && tokens[tokens.length - 1] === STAR;
  return { exact: !tokens.includes(STAR), leadingStar, trailingStar, segments, fixed };
}

/** A text as the matcher reads it: its code points. */
export function codePoints(text: string): number[] {
  const out: number[] = [];
  for (const c of text) out.push(c.codePointAt(0)!);
  return out;
}

/** Whether `text` (code points) matches; work is added to `meter`. */
export function globMatches(glob: Glob, text: readonly number[], meter?: MatchMeter): boolean {
  if (glob.fixed > text.length) return false;
  if (glob.exact) return glob.fixed === text.length && matchesAt(glob.segments[0]!, text, 0, meter);
  const segments = glob.segments;
  let first = 0;
  let last = segments.length;
  let pos = 0;
  let end = text.length;
  if (!glob.leadingStar) {
    const head = segments[first++]!;
    if (!matchesAt(head, text, 0, meter)) return false;
    pos = head.length;
  }
  if (!glob.trailingStar && last > first) {
    const tail = segments[--last]!;
    end = text.length - tail.length;
    if (end < pos || !matchesAt(tail, text, end, meter)) return false;
  }
  for (let s = first; s < last; s++) {
    const found = search(segments[s]!, text, pos, end, meter);
    if (found < 0) return false;
    pos = found;
  }
  return true;
}

function matchesAt(segment: Segment, text: readonly number[], at: number, meter?: MatchMeter): boolean {
  if (meter) meter.steps += segment.length;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c !== ONE && c !== text[at + i]) return false;
  }
  return true;
}

/** Per segment: one bit mask per distinct character, and the mask of its `?` positions. */
interface Masks {
  readonly words: number;
  readonly byChar: Map<number, Uint32Array>;
  readonly any: Uint32Array;
  /** ASCII characters' masks by code point (an array read instead of a map lookup). */
  readonly ascii: readonly Uint32Array[];
  /** The same masks as numbers when the segment fits one word (the common case, and the fast one). */
  readonly ascii1: Int32Array;
  readonly byChar1: Map<number, number>;
  readonly any1: number;
}

const masksOf = new WeakMap<Segment, Masks>();

function masks(segment: Segment): Masks {
  let m = masksOf.get(segment);
  if (m) return m;
  const words = Math.ceil(segment.length / 32);
  const any = new Uint32Array(words);
  segment.forEach((c, j) => {
    if (c === ONE) any[j >>> 5]! |= 1 << (j & 31);
  });
  const byChar = new Map<number, Uint32Array>();
  segment.forEach((c, j) => {
    if (c === ONE) return;
    let mask = byChar.get(c);
    if (!mask) byChar.set(c, (mask = Uint32Array.from(any)));
    mask[j >>> 5]! |= 1 << (j & 31);
  });
  const ascii = Array.from({ length: 128 }, (_, c) => byChar.get(c) ?? any);
  const byChar1 = new Map<number, number>();
  const ascii1 = new Int32Array(words === 1 ? 128 : 0);
  if (words === 1) {
    for (const [c, mask] of byChar) byChar1.set(c, mask[0]!);
    for (let c = 0; c < 128; c++) ascii1[c] = ascii[c]![0]!;
  }
  m = { words, byChar, any, ascii, ascii1, byChar1, any1: any[0] ?? 0 };
  masksOf.set(segment, m);
  return m;
}

/**
 * The end of the leftmost occurrence of `segment` in `text[from, to)`, or -1 (Shift-And: bit j of
 * the state says the last j + 1 characters read match the segment's first j + 1).
 */
function search(segment: Segment, text: readonly number[], from: number, to: number, meter?: MatchMeter): number {
  const m = masks(segment);
  const lastBit = 1 << ((segment.length - 1) & 31);
  if (meter) meter.steps += (to - from) * m.words;
  if (m.words === 1) {
    let state = 0;
    for (let i = from; i < to; i++) {
      const c = text[i]!;
      state = ((state << 1) | 1) & (c < 128 ? m.ascii1[c]! : (m.byChar1.get(c) ?? m.any1));
      if ((state & lastBit) !== 0) return i + 1;
    }
    return -1;
  }
  const { words, byChar, any, ascii } = m;
  const state = new Uint32Array(words);
  const lastWord = (segment.length - 1) >>> 5;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    const mask = c < 128 ? ascii[c]! : (byChar.get(c) ?? any);
    let carry = 1;
    for (let w = 0; w < words; w++) {
      const word = state[w]!;
      state[w] = ((word << 1) | carry) & mask[w]!;
      carry = word >>> 31;
    }
    if ((state[lastWord]! & lastBit) !== 0) return i + 1;
  }
  return -1;
}

/** A single value as a predicate over strings (tests, and callers matching one value). */
export function globMatcher(value: string, meter?: MatchMeter): (text: string) => boolean {
  const glob = compileGlob(value);
  return (text) => globMatches(glob, codePoints(text), meter);
}
