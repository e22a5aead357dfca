/** CreateTags: adds tags to a resource addressed by its ARN (no output members). */
import { createTags } from "../../../domain/tags/redshift.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { TagList } from "../clusters/shapes.js";

export const CreateTagsInput = structure({ ResourceName: required(string()), Tags: required(TagList) });

export const CreateTags = operation({
  input: CreateTagsInput,
  output: undefined,
  handler: async (ctx, input) => {
    await createTags(ctx, input);
  },
});
