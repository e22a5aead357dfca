/** DeleteEndpointAccess: the owner deletes an endpoint (domain/endpoints/delete.ts). */
import { deleteEndpointAccess } from "../../../domain/endpoints/delete.js";
import { operation } from "../../operation.js";
import { endpointOutput } from "./mappers.js";
import { DeleteEndpointAccessMessage, EndpointAccess } from "./shapes.js";

export const DeleteEndpointAccess = operation({
  input: DeleteEndpointAccessMessage,
  output: EndpointAccess,
  handler: async (ctx, input) => endpointOutput(await deleteEndpointAccess(ctx, input.EndpointName)),
});
