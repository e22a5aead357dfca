import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FAMILIES, checkValue, familyParameters } from "../../src/domain/parameter-groups/catalogue.js";
import { paginateList } from "../../src/domain/parameter-groups/operations.js";
import { normaliseParameterGroupName } from "../../src/domain/parameter-groups/rules.js";

const spec = (name: string) => familyParameters("redshift-1.0").find((p) => p.name === name)!;

describe("parameter group rules", () => {
  it("the redshift-1.0 table: every default satisfies its own parameter's checks, names are sorted and unique", () => {
    const params = FAMILIES.get("redshift-1.0")!;
    for (const p of params) checkValue(p, p.defaultValue);
    const names = params.map((p) => p.name);
    assert.deepEqual(names, [...names].sort());
    assert.equal(new Set(names).size, names.length);
  });

  it("checkValue: integer ranges are the AllowedValues' comma-separated ranges, negative bounds included", () => {
    checkValue(spec("statement_timeout"), "0");
    checkValue(spec("statement_timeout"), "100");
    checkValue(spec("statement_timeout"), "2147483647");
    assert.throws(() => checkValue(spec("statement_timeout"), "99"), /InvalidParameterValue|allowed values/);
    checkValue(spec("extra_float_digits"), "-15");
    checkValue(spec("extra_float_digits"), "2");
    assert.throws(() => checkValue(spec("extra_float_digits"), "-16"));
    checkValue(spec("max_cursor_result_set_size"), "default");
    checkValue(spec("require_ssl"), "False");
  });

  it("normaliseParameterGroupName: AWS's naming rules, lower-cased", () => {
    assert.equal(normaliseParameterGroupName("My-Group1"), "my-group1");
    for (const bad of ["", "9a", "a--b", "a-", "a_b", "a.b", "a".repeat(256)]) assert.throws(() => normaliseParameterGroupName(bad), /ParameterGroupName/);
  });

  it("paginateList: pages resume after the last item named by the Marker; the last page has none", () => {
    const items = Array.from({ length: 45 }, (_, i) => `p${String(i).padStart(2, "0")}`);
    const first = paginateList(items, (x) => x, { MaxRecords: 20 });
    assert.deepEqual(first.items, items.slice(0, 20));
    const second = paginateList(items, (x) => x, { MaxRecords: 20, Marker: first.marker });
    assert.deepEqual(second.items, items.slice(20, 40));
    const third = paginateList(items, (x) => x, { MaxRecords: 20, Marker: second.marker });
    assert.deepEqual(third.items, items.slice(40));
    assert.equal(third.marker, undefined);
    assert.equal(paginateList(items.slice(0, 20), (x) => x, { MaxRecords: 20 }).marker, undefined);
    assert.throws(() => paginateList(items, (x) => x, { Marker: "rl1.bad" }), /Marker/);
  });
});
