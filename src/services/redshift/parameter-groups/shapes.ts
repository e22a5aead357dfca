/**
 * The model's `ClusterParameterGroup` and `Parameter` structures and their mappers. List items per
 * the SDK schemas: `<ParameterGroups><ClusterParameterGroup>`, `<Parameters><Parameter>`,
 * `<Tags><Tag>`; test/protocol/parameter-groups-roundtrip.test.ts proves them through the SDK.
 */
import type { ParameterGroupView, ParameterView } from "../../../domain/parameter-groups/rules.js";
import { boolean, list, string, structure, type ValueOf } from "../../../protocol/shapes.js";
import { TagList } from "../clusters/shapes.js";

export const ClusterParameterGroupShape = structure({
  ParameterGroupName: string(),
  ParameterGroupFamily: string(),
  Description: string(),
  Tags: TagList,
});

export const ParameterShape = structure({
  ParameterName: string(),
  ParameterValue: string(),
  Description: string(),
  Source: string(),
  DataType: string(),
  AllowedValues: string(),
  ApplyType: string(),
  IsModifiable: boolean,
});

export const ParametersList = list(ParameterShape, "Parameter");

/** Output of Modify/Reset: `ClusterParameterGroupNameMessage`. */
export const ClusterParameterGroupNameMessage = structure({ ParameterGroupName: string(), ParameterGroupStatus: string() });

export function parameterGroupToWire(group: ParameterGroupView): ValueOf<typeof ClusterParameterGroupShape> {
  return { ParameterGroupName: group.name, ParameterGroupFamily: group.family, Description: group.description, Tags: [...group.tags] };
}

export function parameterToWire(p: ParameterView): ValueOf<typeof ParameterShape> {
  return {
    ParameterName: p.spec.name,
    ParameterValue: p.value,
    Description: p.spec.description,
    Source: p.source,
    DataType: p.spec.dataType,
    AllowedValues: p.spec.allowedValues,
    ApplyType: p.spec.applyType,
    IsModifiable: p.spec.isModifiable,
  };
}
