/**
 * The tagging operations of the Redshift service table (one file per action beside this): every
 * resource type of src/domain/tags/registry.ts, addressed by ARN.
 */
import type { AnyOperation } from "../../operation.js";
import { CreateTags } from "./create-tags.js";
import { DeleteTags } from "./delete-tags.js";
import { DescribeTags } from "./describe-tags.js";

export const tagOperations: Record<"CreateTags" | "DeleteTags" | "DescribeTags", AnyOperation> = { CreateTags, DeleteTags, DescribeTags };
