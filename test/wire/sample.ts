/**
 * A seeded sample of the never-5xx sweep. Every hostile value × every member × every operation is
 * tens of thousands of requests (over a minute on a quiet machine, many on a busy one); each run
 * instead takes a different, reproducible sample of them:
 *
 * - every operation, both callers, with the request without parameters, its list-shape probes, and
 *   `KINDS_PER_OPERATION` hostile values put in every member at once;
 * - the hostile values are dealt round-robin from a seeded shuffle, so each one lands on at least one
 *   operation per run (`assignKinds`);
 * - each member of each operation gets `KINDS_PER_MEMBER` hostile values alone over the valid base,
 *   and `STRUCTURAL_PER_MEMBER` structural mutations (gaps, huge indices, garbage below, …).
 *
 * The seed comes from NEVER5XX_SEED, else it is random; it is printed in the test names, so a failure
 * is replayed with `NEVER5XX_SEED=<seed> node --import tsx --test test/wire/never-5xx.test.ts`.
 */
import { mulberry32 } from "../../src/server/faults/engine.js";

export const KINDS_PER_OPERATION = 4;
export const KINDS_PER_MEMBER = 2;
export const STRUCTURAL_PER_MEMBER = 2;

/** What a probe is, so that a sample can be chosen by category. */
export type ProbeGroup =
  | { readonly type: "bare" }
  | { readonly type: "every member"; readonly kind: string }
  | { readonly type: "one member"; readonly kind: string; readonly leaf: string }
  | { readonly type: "structural"; readonly leaf: string }
  | { readonly type: "list shape" };

/** NEVER5XX_SEED when set (a non-negative integer), else a fresh random one. */
export function runSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.NEVER5XX_SEED;
  if (given !== undefined && given.trim() !== "") {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`NEVER5XX_SEED must be a non-negative integer, got ${JSON.stringify(given)}`);
    return seed >>> 0;
  }
  return Math.floor(Math.random() * 2 ** 32);
}

/** FNV-1a of a label, to give each (seed, operation, side) its own stream. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seedable generator of floats in [0, 1) for one label: the fault engine's mulberry32. */
export function random(seed: number, label: string): () => number {
  return mulberry32((seed ^ hash(label)) >>> 0);
}

export function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The hostile values each operation gets in every member at once: a seeded shuffle of `kinds`, dealt
 * round-robin, so that with operations × perOperation ≥ kinds every value is used at least once.
 */
export function assignKinds(operations: readonly string[], kinds: readonly string[], seed: number, perOperation = KINDS_PER_OPERATION): Map<string, string[]> {
  const deck = shuffle(kinds, random(seed, "kinds"));
  const out = new Map<string, string[]>();
  operations.forEach((op, i) => {
    const mine = new Set<string>();
    for (let j = 0; j < Math.min(perOperation, deck.length); j++) mine.add(deck[(i * perOperation + j) % deck.length]!);
    out.set(op, [...mine]);
  });
  return out;
}

/**
 * Indices of `groups` (one per probe, in the probe list's order) to send: the same for the same
 * seed and label, so the list can be rebuilt for a new world and resumed at the same place.
 */
export function sampleIndices(groups: readonly ProbeGroup[], everyMemberKinds: readonly string[], seed: number, label: string): number[] {
  const rand = random(seed, label);
  const oneMember = new Map<string, number[]>();
  const structural = new Map<string, number[]>();
  const chosen: number[] = [];
  groups.forEach((g, i) => {
    if (g.type === "bare" || g.type === "list shape" || (g.type === "every member" && everyMemberKinds.includes(g.kind))) chosen.push(i);
    else if (g.type === "one member") oneMember.set(g.leaf, [...(oneMember.get(g.leaf) ?? []), i]);
    else if (g.type === "structural") structural.set(g.leaf, [...(structural.get(g.leaf) ?? []), i]);
  });
  for (const indices of oneMember.values()) chosen.push(...shuffle(indices, rand).slice(0, KINDS_PER_MEMBER));
  for (const indices of structural.values()) chosen.push(...shuffle(indices, rand).slice(0, STRUCTURAL_PER_MEMBER));
  return chosen.sort((a, b) => a - b);
}
