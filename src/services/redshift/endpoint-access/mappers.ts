/**
 * Entity → wire mappers for the endpoint-access outputs: the only place where grant and endpoint
 * entities become `EndpointAuthorization` / `EndpointAccess` shapes. A grant or endpoint read again
 * unchanged reuses its wire value and XML (protocol/stable-wire.ts): a grant's while its cluster's
 * live status is the same, an endpoint's as long as the entity is.
 */
import type { AuthorizationView } from "../../../domain/authorizations/view.js";
import type { Endpoint } from "../../../domain/entities.js";
import type { ValueOf } from "../../../protocol/shapes.js";
import { StableWires } from "../../../protocol/stable-wire.js";
import type { EndpointAccess, EndpointAuthorization } from "./shapes.js";

type AuthorizationWire = ValueOf<typeof EndpointAuthorization>;
type EndpointWire = ValueOf<typeof EndpointAccess>;

const stableAuthorizations = new StableWires<AuthorizationView["grant"], AuthorizationWire>();
const stableEndpoints = new StableWires<Endpoint, EndpointWire>();

export function authorizationOutput(view: AuthorizationView): AuthorizationWire {
  return stableAuthorizations.of(view.grant, view.clusterStatus, () => authorizationWire(view));
}

export function endpointOutput(endpoint: Endpoint): EndpointWire {
  return stableEndpoints.of(endpoint, undefined, () => endpointWire(endpoint));
}

function authorizationWire(view: AuthorizationView): AuthorizationWire {
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
function endpointWire(endpoint: Endpoint): EndpointWire {
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
