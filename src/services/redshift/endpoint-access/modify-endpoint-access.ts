/** ModifyEndpointAccess: replaces an endpoint's security groups (domain/endpoints/modify.ts). */
import { modifyEndpointAccess } from "../../../domain/endpoints/modify.js";
import { operation } from "../../operation.js";
import { endpointOutput } from "./mappers.js";
import { EndpointAccess, ModifyEndpointAccessMessage } from "./shapes.js";

export const ModifyEndpointAccess = operation({
  input: ModifyEndpointAccessMessage,
  output: EndpointAccess,
  handler: async (ctx, input) =>
    endpointOutput(await modifyEndpointAccess(ctx, { endpointName: input.EndpointName, vpcSecurityGroupIds: input.VpcSecurityGroupIds })),
});
