/**
 * Wire values built and encoded once per stored entity, not once per answer.
 *
 * A read-only transaction gets entities as shared, deep-frozen values (store/decoded.ts): the same
 * object for as long as the stored entity does not change. What an answer says about such an entity
 * is a function of the entity and of a few inputs that vary apart from it (the time, for a
 * cluster's next maintenance window; the live status of a grant's cluster) — the *stamp*. So the
 * wire value is kept per entity with its stamp and reused while the stamp is the same, and the
 * encoder keeps its XML per wire value: a hot resource read over and over costs one lookup instead
 * of a mapping and ~150 strings.
 *
 * It can never answer stale: a changed entity is another object (decoded anew from its new text),
 * a changed stamp builds anew, and a kept wire value is deep-frozen so nothing can change it after
 * its XML was made. Entities that are not frozen (a write transaction's own copies, which its
 * handler may still change) are mapped every time, as before. Memory follows the entities: the
 * maps are weak, so a wire value and its XML go when the decoded entity is dropped.
 */
import { deepFreeze } from "../store/decoded.js";
import type { StructureShape } from "./shapes.js";

/** Wire values the encoder may encode once, with their XML once it is made. */
const ENCODED = new WeakMap<object, { shape: StructureShape; xml: string } | null>();

/**
 * The XML of `value`'s members under `shape`: `encode`'s, made once for a stable wire value and
 * kept with it; made every time for any other value.
 */
export function encodedOnce<V extends object>(shape: StructureShape, value: V, encode: (shape: StructureShape, value: V) => string): string {
  const known = ENCODED.get(value);
  if (known === undefined) return encode(shape, value);
  if (known !== null && known.shape === shape) return known.xml;
  const xml = flattened(encode(shape, value));
  ENCODED.set(value, { shape, xml });
  return xml;
}

/**
 * `text`, made one contiguous string. XML built by concatenation is a rope of a few hundred pieces,
 * and V8 walks the whole rope again each time an answer that holds it is measured or written
 * (`Buffer.byteLength` for Content-Length, then the socket write): flattened once when it is kept,
 * each answer copies it in one piece instead. Measuring a string flattens it in place (V8's
 * `String::Flatten`, which `Utf8Length` calls first), so the kept value is the flat one.
 */
function flattened(text: string): string {
  Buffer.byteLength(text);
  return text;
}

/**
 * One mapper's wire values, per entity and stamp. `stamp` is compared with `===`: a number, a
 * string or undefined, never a fresh object.
 */
export class StableWires<E extends object, W extends object> {
  readonly #kept = new WeakMap<E, { readonly stamp: unknown; readonly wire: W }>();

  /** The wire value of `entity` under `stamp`: the kept one, or `build()`'s (kept if the entity is frozen). */
  of(entity: E, stamp: unknown, build: () => W): W {
    if (!Object.isFrozen(entity)) return build();
    const kept = this.#kept.get(entity);
    if (kept !== undefined && kept.stamp === stamp) return kept.wire;
    const wire = deepFreeze(build());
    ENCODED.set(wire, null);
    this.#kept.set(entity, { stamp, wire });
    return wire;
  }
}
