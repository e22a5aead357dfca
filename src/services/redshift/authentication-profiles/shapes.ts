/**
 * The model's `AuthenticationProfile` structure and the operations' inputs and outputs. List items per
 * the SDK schema: `<AuthenticationProfiles><member>`; test/protocol/usage-auth-roundtrip.test.ts proves them.
 * The name's pattern and length are checked by the domain (`InvalidAuthenticationProfileRequestFault`).
 */
import type { AuthenticationProfileView } from "../../../domain/authentication-profiles/operations.js";
import { list, required, string, structure, type ValueOf } from "../../../protocol/shapes.js";

export const AuthenticationProfileShape = structure({
  AuthenticationProfileName: string(),
  AuthenticationProfileContent: string(),
});

export const AuthenticationProfileList = list(AuthenticationProfileShape);

/** Input of Create and Modify. */
export const AuthenticationProfileMessage = structure({
  AuthenticationProfileName: required(string()),
  AuthenticationProfileContent: required(string()),
});

export function profileToWire(p: AuthenticationProfileView): ValueOf<typeof AuthenticationProfileShape> {
  return { AuthenticationProfileName: p.name, AuthenticationProfileContent: p.content };
}
