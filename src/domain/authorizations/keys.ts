/** An authorization is identified by (grantor account, region, cluster, grantee); its id in the grantor's partition. */
export function authorizationId(clusterId: string, grantee: string): string {
  return `${clusterId}/${grantee}`;
}
