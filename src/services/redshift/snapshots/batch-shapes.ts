/** Shapes of the batch snapshot operations: `<Resources><String>`, `<Errors><SnapshotErrorMessage>`. */
import { list, string, structure } from "../../../protocol/shapes.js";

export const SnapshotIdentifierList = list(string(), "String");

export const SnapshotErrorList = list(
  structure({ SnapshotIdentifier: string(), SnapshotClusterIdentifier: string(), FailureCode: string(), FailureReason: string() }),
  "SnapshotErrorMessage",
);
