/**
 * Entity → wire mappers for the endpoint-access outputs: the only place where grant and endpoint
 * entities become `EndpointAuthorization` / `EndpointAccess` shapes.
 */
import type { AuthorizationView } from "../../../domain/authorizations/view.js";
import type { Endpoint } from "../../../domain/entities.js";
import type { ValueOf } from "../../../protocol/shapes.js";
import type { EndpointAccess, EndpointAuthorization } from "./shapes.js";

export function authorizationOutput(view: AuthorizationView): ValueOf<typeof EndpointAuthorization> {
  const { grant } = view;
  return {
    Grantor: grant.account,
    Grantee: grant.grantee,
    ClusterIdentifier: grant.clusterId,
    AuthorizeTime: grant.createdAt,
    ClusterStatus: view.clusterStatus,
    Status: grant.status,
    AllowedAllVPCs: grant.allowedAllVpcs,
    AllowedVPCs: [...grant.allowedVpcs],
    EndpointCount: grant.endpointCount,
  };
}

/**
 * While `creating`, AWS's answer has no Address and no VpcEndpoint yet (observed in 2021,
 * docs/differences-from-aws.md, Endpoints); they appear once the endpoint is active. EndpointCreateTime
 * is always there.
 */
export function endpointOutput(endpoint: Endpoint): ValueOf<typeof EndpointAccess> {
  const creating = endpoint.status === "creating";
  const nic = endpoint.networkInterface;
  return {
    ClusterIdentifier: endpoint.clusterId,
    ResourceOwner: endpoint.clusterOwner,
    SubnetGroupName: endpoint.subnetGroupName,
    EndpointStatus: endpoint.status,
    EndpointName: endpoint.name,
    EndpointCreateTime: endpoint.createdAt,
    Port: endpoint.port,
    Address: creating ? undefined : endpoint.address,
    VpcSecurityGroups: endpoint.securityGroupIds.map((id) => ({ VpcSecurityGroupId: id, Status: "active" })),
    VpcEndpoint: creating
      ? undefined
      : {
          VpcEndpointId: endpoint.vpcEndpointId,
          VpcId: endpoint.vpcId,
          NetworkInterfaces: [
            {
              NetworkInterfaceId: nic.networkInterfaceId,
              SubnetId: nic.subnetId,
              PrivateIpAddress: nic.privateIpAddress,
              AvailabilityZone: nic.availabilityZone,
            },
          ],
        },
  };
}
