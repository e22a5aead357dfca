/**
 * The web console in a real browser: Debian's Chromium, headless, driven by playwright-core (no
 * browser download). Skipped with one line when Chromium is absent (REDSHIFT_LOCAL_E2E_REQUIRE=chromium
 * in CI makes that a failure, test/e2e/tools.ts).
 *
 * Every change is made through the AWS SDK while the page stays open, and the page must show it
 * without a reload (server-sent events). Lifecycles run on a ManualClock: the test moves it, and the
 * console's poll settles what is due, so `creating` turns `active` with no client calling. Waits are
 * for what the page shows (Playwright's auto-waiting locators), never for a time.
 *
 * Screenshots at 1280×900 and 390×844 go to test-output/console/ (gitignored) on every run, and to
 * docs/images/ (committed, linked from the README) when REDSHIFT_LOCAL_UPDATE_SCREENSHOTS=1.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { CreateTagsCommand } from "@aws-sdk/client-ec2";
import {
  AuthorizeEndpointAccessCommand,
  AuthorizeSnapshotAccessCommand,
  CreateClusterSnapshotCommand,
  CreateEndpointAccessCommand,
  RevokeEndpointAccessCommand,
  RevokeSnapshotAccessCommand,
} from "@aws-sdk/client-redshift";
import { chromium, type Browser, type Page } from "playwright-core";
import { GRANTEE, GRANTOR, clientsFor, startServer } from "../../helpers.js";
import { createCluster, endpointWorld, grant, granteeEndpoint, type World } from "../../fixtures/endpoint-world.js";
import { REPO_ROOT } from "../spawn.js";
import { chromiumMissing, findChromium } from "../tools.js";

const skip = chromiumMissing();
const SHOTS = join(REPO_ROOT, "test-output", "console");
const DOCS_IMAGES = join(REPO_ROOT, "docs", "images");
/** Guards against a page that never shows what is awaited; no assertion is about time. */
const UI_GUARD_MS = 20_000;

const MINUTE = 60_000;

describe("web console in Chromium", { skip }, () => {
  let browser: Browser;
  before(async () => {
    browser = await chromium.launch({ executablePath: findChromium()!, headless: true, args: ["--no-sandbox"] });
  });
  after(async () => {
    await browser?.close();
  });

  /** A page on the console that fails the test on any dialog, page error or console error. */
  async function openConsole(world: World, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport });
    page.setDefaultTimeout(UI_GUARD_MS);
    const problems: string[] = [];
    page.on("dialog", (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console error: ${m.text()}`);
    });
    await page.goto(`${world.rs.url}/_redshift-local/`);
    await page.locator("#live.ok").waitFor();
    return { page, problems };
  }

  it("console: a grant made through the SDK appears (cluster, grantee, Authorized) without a reload; a forced revoke shows Revoking, then the grant is gone", async () => {
    await using world = await endpointWorld({ delays: { "endpoint-delete": 10 * MINUTE } });
    const { page, problems } = await openConsole(world);
    const grants = page.locator("#table-authorizations tbody");
    await page.locator("#table-clusters tbody tr", { hasText: "analytics" }).waitFor();
    assert.equal(await grants.locator("tr", { hasText: GRANTEE }).count(), 0, "no grant yet");

    await grant(world);
    const row = grants.locator("tr", { hasText: GRANTEE });
    await row.filter({ hasText: "Authorized" }).waitFor();
    assert.match(await row.innerText(), /analytics/);
    assert.match(await row.innerText(), new RegExp(GRANTOR));
    // The diagram: the grantee's box receives the grant, drawn as an arrow.
    await page.locator(`#diagram text:text("Account ${GRANTEE}")`).waitFor();
    await page.locator("#diagram g.grant.authorized").waitFor();

    // An endpoint keeps the grant Revoking while it is deleted.
    await granteeEndpoint(world, "reporting");
    await page.locator("#table-endpoints tbody tr", { hasText: "reporting" }).filter({ hasText: "active" }).waitFor();
    await world.grantor.redshift.send(new RevokeEndpointAccessCommand({ ClusterIdentifier: "analytics", Account: GRANTEE, Force: true }));
    await row.filter({ hasText: "Revoking" }).waitFor();
    await page.locator("#diagram g.grant.revoking").waitFor();
    await page.locator("#timeline tbody tr", { hasText: "RevokeEndpointAccess" }).first().waitFor();

    world.clock.advance(10 * MINUTE);
    await grants.locator("tr", { hasText: "None" }).waitFor();
    assert.equal(await page.locator("#diagram g.grant").count(), 0, "no arrow once the grant is gone");
    await page.locator("#timeline tbody tr", { hasText: "authorizations" }).filter({ hasText: "gone" }).first().waitFor();
    assert.deepEqual(problems, []);
  });

  it("console: a snapshot shared with another account shows its owner and who may restore it, live; after a revoke only the owner", async () => {
    await using world = await endpointWorld();
    const { page, problems } = await openConsole(world);
    await world.grantor.redshift.send(new CreateClusterSnapshotCommand({ ClusterIdentifier: "analytics", SnapshotIdentifier: "nightly" }));
    const row = page.locator("#table-snapshots tbody tr", { hasText: "nightly" });
    await row.filter({ hasText: "available" }).waitFor();
    assert.match(await row.innerText(), new RegExp(`${GRANTOR} \\(owner\\)`));
    assert.doesNotMatch(await row.innerText(), new RegExp(GRANTEE));
    await world.grantor.redshift.send(new AuthorizeSnapshotAccessCommand({ SnapshotIdentifier: "nightly", AccountWithRestoreAccess: GRANTEE }));
    await row.filter({ hasText: GRANTEE }).waitFor();
    await world.grantor.redshift.send(new RevokeSnapshotAccessCommand({ SnapshotIdentifier: "nightly", AccountWithRestoreAccess: GRANTEE }));
    await row.filter({ hasNotText: GRANTEE }).waitFor();
    assert.match(await row.innerText(), new RegExp(`${GRANTOR} \\(owner\\)`));
    assert.deepEqual(problems, []);
  });

  it("console: names and tags containing <script> are shown as text, with no dialog and no console error", async () => {
    await using world = await endpointWorld();
    const { page, problems } = await openConsole(world);
    const evil = `<script>alert("x")</script><img src=x onerror=alert(2)>`;
    await world.grantor.ec2.send(new CreateTagsCommand({ Resources: [world.grantorNet.vpcId], Tags: [{ Key: "Name", Value: evil }] }));
    const vpcRow = page.locator("#table-vpcs tbody tr", { hasText: world.grantorNet.vpcId });
    await vpcRow.filter({ hasText: "<script>" }).waitFor();
    assert.ok((await vpcRow.innerText()).includes(evil), "the tag is shown as the text it is");
    await vpcRow.click();
    assert.ok((await page.locator("#details").innerText()).includes(JSON.stringify(evil)), "the JSON details show it as text too");
    assert.equal(await page.locator("#tables script, #tables img, #details script").count(), 0, "no element was made from the value");
    assert.deepEqual(problems, []);
  });

  it("console: an endpoint goes from creating to active as the emulator's clock moves, with no client calling", async () => {
    await using world = await endpointWorld({ delays: { "endpoint-create": 5 * MINUTE } });
    await grant(world);
    const { page, problems } = await openConsole(world);
    await world.grantee.redshift.send(
      new CreateEndpointAccessCommand({ EndpointName: "slow-one", ClusterIdentifier: "analytics", ResourceOwner: GRANTOR, SubnetGroupName: world.granteeNet.subnetGroupName }),
    );
    const row = page.locator("#table-endpoints tbody tr", { hasText: "slow-one" });
    await row.filter({ hasText: "creating" }).waitFor();
    await page.locator("#diagram g.endpoint", { hasText: "slow-one · creating" }).waitFor();
    world.clock.advance(5 * MINUTE);
    await row.filter({ hasText: "active" }).waitFor();
    await page.locator("#timeline tbody tr", { hasText: "endpoints slow-one" }).filter({ hasText: "creating → active" }).waitFor();
    // Selecting the endpoint in the diagram shows its JSON.
    await page.locator("#diagram g.endpoint", { hasText: "slow-one" }).click();
    assert.match(await page.locator("#details").innerText(), /"name": "slow-one"/);
    assert.deepEqual(problems, []);
  });

  it("console: the empty state shows the server's real URL for the CLI, an SDK and Terraform; filters narrow tables to one account", async () => {
    await using world = await endpointWorld();
    const { page } = await openConsole(world);
    // endpointWorld made a cluster: the empty state is hidden until the store is reset.
    assert.equal(await page.locator("#empty").isVisible(), false);
    await world.rs.reset();
    await page.locator("#empty").waitFor({ state: "visible" });
    for (const id of ["#empty-cli", "#empty-sdk", "#empty-terraform"]) {
      assert.ok((await page.locator(id).innerText()).includes(world.rs.url), `${id} names ${world.rs.url}`);
    }
    // Two accounts' clusters; the account filter keeps one (and the URL remembers it).
    await createCluster(world.grantor, "owned-by-grantor");
    await createCluster(world.grantee, "owned-by-grantee");
    await page.locator("#table-clusters tbody tr", { hasText: "owned-by-grantee" }).waitFor();
    await page.selectOption("#filter-account", GRANTOR);
    await page.locator("#table-clusters tbody tr", { hasText: "owned-by-grantee" }).waitFor({ state: "detached" });
    assert.equal(await page.locator("#table-clusters tbody tr", { hasText: "owned-by-grantor" }).count(), 1);
    assert.match(page.url(), new RegExp(`account=${GRANTOR}`));
    // Keyboard: rows are focusable and Enter shows the JSON.
    await page.locator("#table-clusters tbody tr").first().focus();
    await page.keyboard.press("Enter");
    assert.match(await page.locator("#details").innerText(), /"id": "owned-by-grantor"/);
  });

  it("console: the diagram stays legible with 10 accounts and 50 grants: one arrow per grant, no two labels overlap", async () => {
    await using rs = await startServer();
    const accounts = Array.from({ length: 10 }, (_, i) => `1000000000${String(i).padStart(2, "0")}`);
    for (let owner = 0; owner < 5; owner++) {
      const clients = clientsFor(rs.url, accounts[owner]!);
      for (const c of ["sales", "events"]) {
        await createCluster(clients, `${c}-${owner}`);
        for (let k = 1; k <= 5; k++) {
          await clients.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: `${c}-${owner}`, Account: accounts[(owner + k + (c === "events" ? 4 : 0)) % 10]! }));
        }
      }
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(UI_GUARD_MS);
    await page.goto(`${rs.url}/_redshift-local/`);
    await page.locator("#table-authorizations caption", { hasText: "(50)" }).waitFor();
    assert.equal(await page.locator("#diagram g.grant").count(), 50);
    assert.equal(await page.locator("#diagram g.account-box").count(), 10);
    const overlaps = await page.evaluate<string[]>(`(() => {
      const boxes = [...document.querySelectorAll("#diagram text")].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() })).filter((b) => b.r.width > 0);
      const out = [];
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r, b = boxes[j].r;
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) out.push(boxes[i].text + " / " + boxes[j].text);
      }
      return out;
    })()`);
    assert.deepEqual(overlaps, []);
    mkdirSync(SHOTS, { recursive: true });
    await page.locator("#diagram").screenshot({ path: join(SHOTS, "diagram-10-accounts-50-grants.png") });
    await page.close();
  });

  it("console: screenshots at 1280×900 and 390×844 of a world with several accounts, grants and endpoints", async () => {
    await using world = await endpointWorld({ delays: { "endpoint-create": 5 * MINUTE } });
    await grant(world, [world.granteeNet.vpcId]);
    await granteeEndpoint(world, "reporting");
    world.settle();
    await world.grantor.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "analytics", Account: "333333333333" }));
    await createCluster(world.grantee, "warehouse");
    world.settle();
    await world.grantee.redshift.send(new AuthorizeEndpointAccessCommand({ ClusterIdentifier: "warehouse", Account: "444444444444" }));
    await granteeEndpoint(world, "dashboards");
    mkdirSync(SHOTS, { recursive: true });
    for (const [name, viewport] of [
      ["console-1280", { width: 1280, height: 900 }],
      ["console-390", { width: 390, height: 844 }],
    ] as const) {
      const { page, problems } = await openConsole(world, viewport);
      await page.locator("#diagram g.endpoint", { hasText: "dashboards" }).waitFor();
      await page.locator("#table-authorizations tbody tr", { hasText: "444444444444" }).waitFor();
      const file = join(SHOTS, `${name}.png`);
      await page.screenshot({ path: file });
      if (process.env["REDSHIFT_LOCAL_UPDATE_SCREENSHOTS"] === "1") {
        mkdirSync(DOCS_IMAGES, { recursive: true });
        copyFileSync(file, join(DOCS_IMAGES, `${name}.png`));
      }
      // Narrow: nothing wider than the window but the scrollable diagram and tables.
      const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assert.ok(overflow <= 0, `${name}: the page does not scroll sideways (overflow ${overflow}px)`);
      assert.deepEqual(problems, []);
      await page.close();
    }
  });
});
