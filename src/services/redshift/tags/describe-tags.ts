/** DescribeTags: the tags of one resource (by ARN), or of the caller's resources of a type, a page at a time. */
import { describeTags } from "../../../domain/tags/redshift.js";
import { integer, list, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { Tag, TagKeyList, TagValueList } from "../clusters/shapes.js";

export const DescribeTagsInput = structure({
  ResourceName: string(),
  ResourceType: string(),
  MaxRecords: integer(),
  Marker: string(),
  TagKeys: TagKeyList,
  TagValues: TagValueList,
});

/** `TaggedResourceListMessage`: `<TaggedResources><TaggedResource>` and `<Marker>`. */
export const DescribeTagsOutput = structure({
  TaggedResources: list(structure({ Tag, ResourceName: string(), ResourceType: string() }), "TaggedResource"),
  Marker: string(),
});

export const DescribeTags = operation({
  readOnly: true,
  input: DescribeTagsInput,
  output: DescribeTagsOutput,
  handler: async (ctx, input) => {
    const page = await describeTags(ctx, input);
    return { TaggedResources: page.items, Marker: page.marker };
  },
});
