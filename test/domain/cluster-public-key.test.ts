import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { clusterPublicKey } from "../../src/domain/clusters/public-key.js";

describe("cluster public key", () => {
  it("is the same line for the same namespace in every release (a golden value: clusters keep their key across upgrades)", () => {
    const key = clusterPublicKey({ account: "123456789012", region: "us-east-1", id: "examplecluster", namespaceId: "00000000-0000-4000-8000-000000000001" });
    assert.equal(
      key,
      "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCo1Q6170F2sloQoAos4Kwj8pERaLFqkCAZrX5FMqQumq/9dapHT6cBQIj9ZiAPQux3MYa6yU72p9fEks5lwmC/B9CaObq1Wp0rAerP/3rUEEiPtGRcgXmpB5s0JF13KLdONxTW9HXA8JmYyUoA2ZLpeKiinTYN8GsK7SGgvMfqIu3C/GvLeVIxWmRQUjJUj033YpIlUBN6Sg96smLKDTmfW6dMvzidpyGSzXroy5h44WbSFqbP5jiueFgcyhloQ+xYmT1H82ZOqnKnkHaMMIj9jer32PRbIA2TjrsshpY8kdBQYlsaXIiW6DgODQBtXHnLvwZX8wqFwglNZU2ETZvZ Amazon-Redshift",
    );
  });

  it("differs with the namespace", () => {
    const base = { account: "123456789012", region: "us-east-1", id: "examplecluster" };
    assert.notEqual(clusterPublicKey({ ...base, namespaceId: "a" }), clusterPublicKey({ ...base, namespaceId: "b" }));
  });
});
