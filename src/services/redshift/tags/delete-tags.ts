/** DeleteTags: removes tag keys from a resource addressed by its ARN (no output members). */
import { deleteTags } from "../../../domain/tags/redshift.js";
import { required, string, structure } from "../../../protocol/shapes.js";
import { operation } from "../../operation.js";
import { TagKeyList } from "../clusters/shapes.js";

export const DeleteTagsInput = structure({ ResourceName: required(string()), TagKeys: required(TagKeyList) });

export const DeleteTags = operation({
  input: DeleteTagsInput,
  output: undefined,
  handler: async (ctx, input) => {
    await deleteTags(ctx, input);
  },
});
