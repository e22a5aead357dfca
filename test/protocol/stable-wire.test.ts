/**
 * Wire values built and encoded once per stored entity (src/protocol/stable-wire.ts): reused only
 * for the same frozen entity under the same stamp, frozen so nothing can change them once encoded,
 * and encoded to exactly what a fresh value encodes to.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encodeMembers } from "../../src/protocol/encode.js";
import { integer, list, string, structure, type StructureShape, type ValueOf } from "../../src/protocol/shapes.js";
import { StableWires, encodedOnce } from "../../src/protocol/stable-wire.js";

const Item = structure({ Name: string(), Size: integer(), Parts: list(structure({ Key: string() }), "Part") });
type ItemWire = ValueOf<typeof Item>;

interface Thing {
  readonly name: string;
  readonly size: number;
}

const toWire = (t: Thing, extra: string): ItemWire => ({ Name: t.name, Size: t.size, Parts: [{ Key: extra }] });

describe("stable wire values", () => {
  it("stable wire: a frozen entity's wire value is built once per stamp", () => {
    const stable = new StableWires<Thing, ItemWire>();
    const entity = Object.freeze({ name: "a", size: 1 });
    let builds = 0;
    const of = (stamp: string) => stable.of(entity, stamp, () => (builds++, toWire(entity, stamp)));
    const first = of("x");
    assert.equal(of("x"), first, "same entity, same stamp: the kept value");
    assert.equal(builds, 1);
    const moved = of("y");
    assert.equal(builds, 2, "another stamp builds anew");
    assert.equal(moved.Parts?.[0]?.Key, "y");
    const other = Object.freeze({ name: "a", size: 1 });
    stable.of(other, "y", () => (builds++, toWire(other, "y")));
    assert.equal(builds, 3, "an equal but different entity object is another entity");
  });

  it("stable wire: an entity that is not frozen (a write transaction's own copy) is mapped every time", () => {
    const stable = new StableWires<Thing, ItemWire>();
    const entity = { name: "a", size: 1 };
    let builds = 0;
    const build = () => (builds++, toWire(entity, "x"));
    const first = stable.of(entity, "x", build);
    entity.size = 2;
    const second = stable.of(entity, "x", build);
    assert.equal(builds, 2);
    assert.equal(second.Size, 2, "the change is seen");
    assert.equal(Object.isFrozen(first), false, "and the value it got is its own");
  });

  it("stable wire: a kept value is deep-frozen, so its XML cannot go stale", () => {
    const stable = new StableWires<Thing, ItemWire>();
    const entity = Object.freeze({ name: "a", size: 1 });
    const wire = stable.of(entity, 0, () => toWire(entity, "k"));
    assert.throws(() => {
      (wire as { Size?: number }).Size = 5;
    }, TypeError);
    assert.throws(() => {
      (wire.Parts![0] as { Key?: string }).Key = "changed";
    }, TypeError);
    assert.throws(() => wire.Parts!.push({ Key: "more" }), TypeError);
  });

  it("stable wire: a kept value's XML is encoded once and equals a fresh value's", () => {
    const stable = new StableWires<Thing, ItemWire>();
    const entity = Object.freeze({ name: "a<b", size: 7 });
    const wire = stable.of(entity, 0, () => toWire(entity, "k&v"));
    const fresh = toWire(entity, "k&v");
    const expected = "<Name>a&lt;b</Name><Size>7</Size><Parts><Part><Key>k&amp;v</Key></Part></Parts>";
    assert.equal(encodeMembers(Item, fresh), expected);
    assert.equal(encodeMembers(Item, wire), expected);

    let encodes = 0;
    const counting = (shape: StructureShape, value: ItemWire) => (encodes++, encodeMembers(shape, value));
    const other = stable.of(Object.freeze({ name: "b", size: 1 }), 0, () => toWire(entity, "z"));
    for (let i = 0; i < 3; i++) encodedOnce(Item, other, counting);
    assert.equal(encodes, 1, "a stable value: encoded once");
    for (let i = 0; i < 3; i++) encodedOnce(Item, fresh, counting);
    assert.equal(encodes, 4, "any other value: encoded every time");
  });
});
