/**
 * The console's script: a plain ES module the browser runs as is (served by routes.ts; no build step,
 * no library). It listens to the event stream, keeps the model and the timeline, and draws the
 * filters, the access diagram, one table per resource kind and the details of the selected element.
 *
 * Every string from the server — names, tags, regions, JSON — reaches the page through
 * `textContent`, `createTextNode` or `setAttribute` on elements built with the DOM APIs; the script
 * never parses markup (test/server/console.test.ts checks it uses none of the APIs that would).
 * Kept as a string (String.raw, so no template literals inside) so that it ships in dist/ with tsc.
 */

export const CONSOLE_SCRIPT = String.raw`
const PREFIX = "/_redshift-local";
const SVG = "http://www.w3.org/2000/svg";
const TIMELINE_LIMIT = 300;

const state = { model: null, timeline: [], region: "", account: "", selected: "", records: new Map() };

function byId(id) { return document.getElementById(id); }

/** An HTML element; children are nodes or strings (text). */
function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
  for (const child of children) if (child !== undefined && child !== null) node.append(child);
  return node;
}

/** An SVG element; text children become text nodes. */
function s(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  for (const child of children) if (child !== undefined && child !== null) node.append(child);
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

function clip(text, max) { text = String(text); return text.length > max ? text.slice(0, max - 1) + "…" : text; }

function keyOf(kind, r) { return kind + "|" + r.region + "|" + r.account + "|" + r.id; }

// ---- status colours ----------------------------------------------------------------------------
const GOOD = ["available", "active", "Authorized", "Available", "enabled", "completed"];
const BUSY = ["creating", "modifying", "resuming", "rebooting", "Modifying"];
const WARN = ["deleting", "pausing", "Revoking", "revoking", "paused", "Paused"];
function statusClass(status) {
  if (GOOD.includes(status)) return "status s-good";
  if (BUSY.includes(status)) return "status s-busy";
  if (WARN.includes(status)) return "status s-warn";
  if (/fail|error|incompatible/i.test(String(status))) return "status s-bad";
  return "status s-idle";
}
function statusCell(status) { return status === undefined || status === null ? "" : h("span", { class: statusClass(status) }, String(status)); }

// ---- filters -----------------------------------------------------------------------------------
function grantsOf(model) { return recordsOf(model, "authorizations"); }
function recordsOf(model, kind) { const k = model.kinds.find((x) => x.kind === kind); return k ? k.records : []; }

/** Does a record belong to the account filter? Grants and endpoints count on both sides. */
function inAccount(kind, r) {
  const a = state.account;
  if (!a) return true;
  if (r.account === a) return true;
  if (kind === "authorizations" && r.grantee === a) return true;
  if (kind === "endpoints" && r.clusterOwner === a) return true;
  return false;
}
function inRegion(r) { return !state.region || r.region === state.region; }
function visible(kind, records) { return records.filter((r) => inRegion(r) && inAccount(kind, r)); }

function fillSelect(select, values, current, allLabel) {
  clear(select);
  select.append(h("option", { value: "" }, allLabel));
  const all = values.includes(current) || !current ? values : values.concat([current]);
  for (const v of all) select.append(h("option", { value: v }, v));
  select.value = current;
}

function readFilters() {
  const q = new URLSearchParams(location.search);
  state.region = q.get("region") || "";
  state.account = q.get("account") || "";
}
function writeFilters() {
  const q = new URLSearchParams();
  if (state.region) q.set("region", state.region);
  if (state.account) q.set("account", state.account);
  const search = q.toString();
  history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
}

// ---- details -----------------------------------------------------------------------------------
function select(key) {
  state.selected = key;
  showDetails();
  for (const node of document.querySelectorAll(".selected")) node.classList.remove("selected");
  for (const node of document.querySelectorAll("[data-key]")) {
    if (node.getAttribute("data-key") === key) { node.classList.add("selected"); node.setAttribute("aria-selected", "true"); }
    else if (node.hasAttribute("aria-selected")) node.setAttribute("aria-selected", "false");
  }
}
function showDetails() {
  const record = state.records.get(state.selected);
  byId("details").textContent = record ? JSON.stringify(record, null, 2) : "";
  byId("details-hint").textContent = record ? state.selected.split("|")[0] + " " + record.id : (state.selected ? "That resource is gone." : "Select a row or a diagram element.");
}
/** Click, Enter and Space select; the element is focusable. */
function pickable(node, key, label) {
  node.setAttribute("data-key", key);
  node.setAttribute("tabindex", "0");
  node.setAttribute("aria-label", label);
  node.addEventListener("click", () => select(key));
  node.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(key); } });
  if (key === state.selected) node.classList.add("selected");
  return node;
}

// ---- tables ------------------------------------------------------------------------------------
const vpcsOf = (r) => (r.allowedAllVpcs ? "All VPCs" : r.allowedVpcs && r.allowedVpcs.length ? r.allowedVpcs.join(", ") : "No VPC");
const joined = (list) => (Array.isArray(list) && list.length ? list.join(", ") : "");
const tag = (r, key) => { const t = Array.isArray(r.tags) ? r.tags.find((x) => x.Key === key) : undefined; return t ? t.Value : ""; };
const when = (ms) => (typeof ms === "number" ? new Date(ms).toISOString().replace(".000Z", "Z") : "");

const COLUMNS = {
  clusters: [["Cluster", (r) => r.id], ["Account", (r) => r.account], ["Region", (r) => r.region], ["Status", (r) => statusCell(r.status)],
    ["Availability", (r) => statusCell(r.availabilityStatus)], ["Node type", (r) => r.nodeType], ["Nodes", (r) => r.numberOfNodes],
    ["Relocation", (r) => (r.azRelocation ? "enabled" : "disabled")], ["VPC", (r) => r.vpcId], ["Endpoint", (r) => r.endpointAddress + ":" + r.port]],
  authorizations: [["Cluster", (r) => r.clusterId], ["Grantor", (r) => r.account], ["Grantee", (r) => r.grantee], ["Region", (r) => r.region],
    ["Status", (r) => statusCell(r.status)], ["Allowed VPCs", vpcsOf], ["Endpoints", (r) => r.endpointCount]],
  endpoints: [["Endpoint", (r) => r.name || r.id], ["Status", (r) => statusCell(r.status)], ["Owner", (r) => r.account], ["Cluster", (r) => r.clusterId],
    ["Cluster owner", (r) => r.clusterOwner], ["Region", (r) => r.region], ["VPC", (r) => r.vpcId], ["Subnet", (r) => (r.networkInterface ? r.networkInterface.subnetId : "")],
    ["Address", (r) => r.address + ":" + r.port], ["Security groups", (r) => joined(r.securityGroupIds)]],
  subnetGroups: [["Subnet group", (r) => r.id], ["Account", (r) => r.account], ["Region", (r) => r.region], ["VPC", (r) => r.vpcId], ["Subnets", (r) => joined(r.subnetIds)], ["Description", (r) => r.description]],
  vpcs: [["VPC", (r) => r.id], ["Name", (r) => tag(r, "Name")], ["Account", (r) => r.account], ["Region", (r) => r.region], ["CIDR", (r) => r.cidrBlock], ["Default", (r) => (r.isDefault ? "yes" : "no")]],
  subnets: [["Subnet", (r) => r.id], ["Account", (r) => r.account], ["Region", (r) => r.region], ["VPC", (r) => r.vpcId], ["Zone", (r) => r.availabilityZone], ["CIDR", (r) => r.cidrBlock]],
  securityGroups: [["Group", (r) => r.id], ["Name", (r) => r.groupName], ["Account", (r) => r.account], ["Region", (r) => r.region], ["VPC", (r) => r.vpcId]],
  parameterGroups: [["Parameter group", (r) => r.id], ["Account", (r) => r.account], ["Region", (r) => r.region], ["Family", (r) => r.family], ["Description", (r) => r.description]],
  scheduledActions: [["Scheduled action", (r) => r.name || r.id], ["Account", (r) => r.account], ["Region", (r) => r.region], ["Action", (r) => r.targetType],
    ["Cluster", (r) => r.clusterId], ["Schedule", (r) => r.schedule], ["State", (r) => statusCell(r.enabled ? "enabled" : "disabled")],
    ["Last run", (r) => (r.lastRun ? when(r.lastRun.at) + " " + r.lastRun.outcome : "")]],
};
/** Kinds shown even when empty: the centre of the product. */
const ALWAYS = ["clusters", "authorizations", "endpoints"];

/** Columns of a kind this page does not know (added to the server later): what every resource has. */
function genericColumns(records) {
  const cols = [["Id", (r) => r.id], ["Account", (r) => r.account], ["Region", (r) => r.region]];
  if (records.some((r) => typeof r.status === "string")) cols.push(["Status", (r) => statusCell(r.status)]);
  const cluster = ["clusterId", "clusterIdentifier"].find((f) => records.some((r) => typeof r[f] === "string"));
  if (cluster) cols.push(["Cluster", (r) => r[cluster]]);
  // Who may restore a shared snapshot, or any other list of accounts the resource is shared with.
  const shared = records.length ? Object.keys(records[0]).find((f) => /restore|shared|accounts/i.test(f) && Array.isArray(records[0][f])) : undefined;
  if (shared) cols.push(["Shared with", (r) => joined(Array.isArray(r[shared]) ? r[shared].map((x) => (typeof x === "string" ? x : x.AccountId || x.account || JSON.stringify(x))) : [])]);
  cols.push(["Created", (r) => when(r.createdAt)]);
  return cols;
}

function renderTables(model) {
  const host = byId("tables");
  clear(host);
  for (const k of model.kinds) {
    const records = visible(k.kind, k.records);
    if (records.length === 0 && !ALWAYS.includes(k.kind)) continue;
    const cols = COLUMNS[k.kind] || genericColumns(k.records);
    const id = "table-" + k.kind;
    const caption = h("caption", {}, k.label + " ", h("span", { class: "count" }, "(" + records.length + ")"));
    const head = h("tr", {}, ...cols.map(([label]) => h("th", { scope: "col" }, label)));
    const body = h("tbody");
    if (records.length === 0) body.append(h("tr", {}, h("td", { class: "none", colspan: cols.length }, "None")));
    for (const r of records) {
      const key = keyOf(k.kind, r);
      const row = h("tr", { "aria-selected": key === state.selected ? "true" : "false" });
      for (const [, get] of cols) {
        const value = get(r);
        row.append(h("td", {}, value instanceof Node ? value : value === undefined || value === null ? "" : String(value)));
      }
      body.append(pickable(row, key, k.label + " " + r.id + " in " + r.account + " " + r.region));
    }
    host.append(h("section", { class: "panel", "data-kind": k.kind },
      h("div", { class: "scroll" }, h("table", { class: "grid", id, "aria-label": k.label }, caption, h("thead", {}, head), body))));
  }
}

// ---- the access diagram ------------------------------------------------------------------------
let BOX_W = 640;
const BOX_X = 16, HEAD = 40, ROW = 28, GAP = 18, LANE = 11, PAD = 10;

function renderDiagram(model) {
  const host = byId("diagram");
  clear(host);
  const region = (r) => inRegion(r);
  const grants = grantsOf(model).filter((g) => region(g) && inAccount("authorizations", g));
  const clusters = recordsOf(model, "clusters").filter((c) => region(c) && (inAccount("clusters", c) || grants.some((g) => g.account === c.account && g.region === c.region && g.clusterId === c.id)));
  const endpoints = recordsOf(model, "endpoints").filter((e) => region(e) && inAccount("endpoints", e));
  const showRegion = !state.region && model.regions.length > 1;
  const accounts = new Set(clusters.map((c) => c.account));
  for (const g of grants) { accounts.add(g.account); accounts.add(g.grantee); }
  for (const e of endpoints) accounts.add(e.account);
  if (state.account) accounts.add(state.account);
  if (clusters.length === 0 && grants.length === 0 && endpoints.length === 0) {
    host.append(h("p", { class: "nothing muted" }, "No clusters, grants or endpoints" + (state.region || state.account ? " match the filters." : " yet.")));
    return;
  }
  const list = [...accounts].sort();
  // Rows of each account box: its clusters, then one row per grant it receives (endpoints sit on it).
  const inbound = new Map(list.map((a) => [a, []]));
  const grantRow = new Map();
  for (const g of grants) { const row = { grant: g, endpoints: [] }; inbound.get(g.grantee).push(row); grantRow.set(g.region + "|" + g.account + "|" + g.clusterId + "|" + g.grantee, row); }
  for (const e of endpoints) {
    const row = grantRow.get(e.region + "|" + e.clusterOwner + "|" + e.clusterId + "|" + e.account);
    if (row) row.endpoints.push(e);
    else { const orphan = { grant: null, cluster: { id: e.clusterId, owner: e.clusterOwner, region: e.region }, endpoints: [e] }; inbound.get(e.account).push(orphan); }
  }
  const clusterY = new Map(), boxes = [];
  let y = PAD;
  for (const a of list) {
    const own = clusters.filter((c) => c.account === a);
    const rows = own.length + inbound.get(a).length;
    const height = HEAD + Math.max(rows, 1) * ROW + 8;
    boxes.push({ account: a, y, height, own, inbound: inbound.get(a) });
    own.forEach((c, i) => clusterY.set(c.region + "|" + c.account + "|" + c.id, y + HEAD + i * ROW + ROW / 2));
    inbound.get(a).forEach((row, i) => { row.y = y + HEAD + (own.length + i) * ROW + ROW / 2; });
    y += height + GAP;
  }
  // Lanes: short arrows nearest the boxes, so long ones do not cross them.
  const arrows = [];
  for (const box of boxes) for (const row of box.inbound) {
    if (!row.grant) continue;
    const from = clusterY.get(row.grant.region + "|" + row.grant.account + "|" + row.grant.clusterId);
    if (from !== undefined) arrows.push({ row, from, to: row.y });
  }
  arrows.sort((p, q) => Math.abs(p.to - p.from) - Math.abs(q.to - q.from));
  // Boxes as wide as the window allows next to the arrows' lanes (between 300 and 640 px); the
  // diagram scrolls when even that does not fit.
  BOX_W = Math.max(300, Math.min(640, host.clientWidth - BOX_X - 24 - arrows.length * LANE - PAD - 2));
  const right = BOX_X + BOX_W;
  const width = right + 24 + arrows.length * LANE + PAD;
  const svg = s("svg", { width, height: y, viewBox: "0 0 " + width + " " + y, role: "group", "aria-label": "Access diagram: " + list.length + " accounts, " + clusters.length + " clusters, " + grants.length + " grants" });
  svg.append(s("defs", {}, ...["authorized", "revoking"].map((st) => s("marker", { id: "arrow-" + st, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, s("path", { d: "M0,0 L10,5 L0,10 z", class: st })))));
  for (const box of boxes) {
    const g = s("g", { class: "account-box" });
    g.append(s("rect", { class: "account", x: BOX_X, y: box.y, width: BOX_W, height: box.height, rx: 8 }));
    g.append(s("text", { class: "account-title", x: BOX_X + 12, y: box.y + 18 }, "Account " + box.account));
    g.append(s("text", { class: "account-sub", x: BOX_X + 12, y: box.y + 33 }, box.own.length + " cluster(s) · " + box.inbound.length + " grant(s) received"));
    box.own.forEach((c, i) => {
      const top = box.y + HEAD + i * ROW + 3;
      const label = clip(c.id, 34) + (showRegion ? " · " + c.region : "");
      const node = s("g", { class: "cluster pick", role: "button" },
        s("title", {}, "Cluster " + c.id + " (" + c.status + ") in " + c.account + " " + c.region),
        s("rect", { x: BOX_X + 12, y: top, width: BOX_W - 24, height: ROW - 6, rx: 4 }),
        s("text", { x: BOX_X + 22, y: top + 15 }, "▣ " + label),
        s("text", { x: right - 20, y: top + 15, "text-anchor": "end", class: statusClass(c.status) }, c.status));
      g.append(pickable(node, keyOf("clusters", c), "Cluster " + c.id + ", " + c.status + ", account " + c.account));
    });
    box.inbound.forEach((row) => {
      const top = row.y - ROW / 2 + 3;
      const gr = row.grant;
      const text = gr ? "from " + clip(gr.clusterId, 24) + " (" + gr.account + ") · " + vpcsOf(gr) : "to " + clip(row.cluster.id, 24) + " (" + row.cluster.owner + ") · no grant";
      // The endpoints this account made with the grant, on the arrow's end; the label gets the rest.
      const pills = [];
      let x = right - 14;
      const floor = BOX_X + 22 + Math.min(200, BOX_W * 0.4);
      for (let i = 0; i < row.endpoints.length; i++) {
        const e = row.endpoints[i];
        const label = clip(e.name || e.id, 18) + " · " + e.status;
        const w = Math.min(170, 14 + label.length * 6.2);
        const last = i === row.endpoints.length - 1;
        // Room for this pill, and for a "+N" pill after it unless it is the last.
        if (x - w - (last ? 0 : 48) < floor) {
          pills.push({ more: row.endpoints.slice(i), x: x - 44, w: 44 });
          x -= 48;
          break;
        }
        x -= w;
        pills.push({ e, label, x, w });
        x -= 4;
      }
      const textChars = Math.max(12, Math.floor((x - BOX_X - 22) / 6.4));
      const rowNode = s("g", { class: "inbound" + (gr ? " pick" : ""), role: gr ? "button" : null },
        s("title", {}, gr ? "Grant of " + gr.clusterId + " (" + gr.account + ") to " + gr.grantee + ": " + gr.status + ", " + vpcsOf(gr) : "Endpoints to " + row.cluster.id + " without a grant"),
        s("rect", { x: BOX_X + 12, y: top, width: BOX_W - 24, height: ROW - 6, rx: 4 }),
        s("text", { x: BOX_X + 22, y: top + 15 }, clip(text, textChars)));
      if (gr) pickable(rowNode, keyOf("authorizations", gr), "Grant of " + gr.clusterId + " from " + gr.account + " to " + gr.grantee + ", " + gr.status + ", " + vpcsOf(gr));
      g.append(rowNode);
      for (const p of pills) {
        if (p.more) {
          g.append(s("g", { class: "endpoint" }, s("title", {}, p.more.map((e) => (e.name || e.id) + " · " + e.status).join("\n")),
            s("rect", { x: p.x, y: top + 2, width: p.w, height: ROW - 10, rx: 9 }), s("text", { x: p.x + 7, y: top + 14 }, "+" + p.more.length)));
          continue;
        }
        const e = p.e;
        g.append(pickable(s("g", { class: "endpoint pick", role: "button" },
          s("title", {}, "Endpoint " + (e.name || e.id) + " (" + e.status + ") in " + e.account + ", VPC " + e.vpcId),
          s("rect", { x: p.x, y: top + 2, width: p.w, height: ROW - 10, rx: 9 }),
          s("text", { x: p.x + 7, y: top + 14 }, p.label)), keyOf("endpoints", e), "Endpoint " + (e.name || e.id) + ", " + e.status + ", owner " + e.account));
      }
    });
    svg.append(g);
  }
  arrows.forEach((a, i) => {
    const gr = a.row.grant;
    const st = gr.status === "Authorized" ? "authorized" : "revoking";
    const lane = right + 18 + i * LANE;
    const d = "M" + (right - 12) + "," + a.from + " H" + lane + " V" + a.to + " H" + (right - 12);
    const node = s("g", { class: "grant pick " + st, role: "button" },
      s("title", {}, gr.clusterId + " (" + gr.account + ") → " + gr.grantee + ": " + gr.status + ", " + vpcsOf(gr)),
      s("path", { class: "hit", d }),
      s("path", { class: "wire", d, "marker-end": "url(#arrow-" + st + ")" }),
      s("text", { x: right + 2, y: a.to - 4 }, gr.status === "Authorized" ? "" : gr.status));
    svg.append(pickable(node, keyOf("authorizations", gr), "Arrow: grant of " + gr.clusterId + " to " + gr.grantee + ", " + gr.status));
  });
  host.append(svg);
}

// ---- timeline ----------------------------------------------------------------------------------
function renderTimeline() {
  const body = byId("timeline").querySelector("tbody");
  clear(body);
  const rows = state.timeline.filter((e) => (!state.region || e.region === state.region) && (!state.account || e.account === state.account));
  if (rows.length === 0) body.append(h("tr", {}, h("td", { class: "none", colspan: 6 }, "Nothing yet")));
  for (const e of rows) {
    const time = String(e.time).slice(11, 19);
    const what = e.type === "call" ? (e.service || "?") + " " + (e.action || "(no action)") : e.kind + " " + e.id + ": " + (e.from || "new") + " → " + (e.to || "gone");
    const outcome = e.type === "call" ? statusCell(e.status < 400 ? "succeeded " + e.status : "failed " + e.status) : statusCell(e.to || "gone");
    body.append(h("tr", { title: e.time }, h("td", {}, time), h("td", {}, what), h("td", {}, e.account || ""), h("td", {}, e.region || ""), h("td", {}, outcome), h("td", {}, e.code || "")));
  }
}

// ---- the empty state ---------------------------------------------------------------------------
function renderEmpty(model) {
  const none = recordsOf(model, "clusters").length === 0 && grantsOf(model).length === 0;
  byId("empty").hidden = !none;
  if (!none) return;
  const url = location.origin;
  byId("empty-url").textContent = url;
  byId("empty-cli").textContent = [
    "export AWS_ACCESS_KEY_ID=111111111111 AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1",
    "aws --endpoint-url " + url + " redshift create-cluster --cluster-identifier analytics \\",
    "    --node-type ra3.xlplus --number-of-nodes 2 --master-username admin --master-user-password Passw0rd1",
    "aws --endpoint-url " + url + " redshift authorize-endpoint-access --cluster-identifier analytics --account 222222222222",
  ].join("\n");
  byId("empty-sdk").textContent = [
    "// JavaScript (AWS SDK v3)",
    "new RedshiftClient({ endpoint: \"" + url + "\", region: \"us-east-1\",",
    "  credentials: { accessKeyId: \"111111111111\", secretAccessKey: \"test\" } });",
    "",
    "# Python (boto3)",
    "boto3.client(\"redshift\", endpoint_url=\"" + url + "\", region_name=\"us-east-1\",",
    "             aws_access_key_id=\"111111111111\", aws_secret_access_key=\"test\")",
    "",
    "# any SDK or the CLI, from the environment",
    "export AWS_ENDPOINT_URL=" + url,
  ].join("\n");
  byId("empty-terraform").textContent = [
    "provider \"aws\" {",
    "  region                      = \"us-east-1\"",
    "  access_key                  = \"111111111111\"",
    "  secret_key                  = \"test\"",
    "  skip_credentials_validation = true",
    "  skip_requesting_account_id  = true",
    "  skip_metadata_api_check     = true",
    "  endpoints {",
    "    redshift = \"" + url + "\"",
    "    ec2      = \"" + url + "\"",
    "    sts      = \"" + url + "\"",
    "  }",
    "}",
  ].join("\n");
}

// ---- putting it together -----------------------------------------------------------------------
function render() {
  const model = state.model;
  if (!model) return;
  state.records = new Map();
  for (const k of model.kinds) for (const r of k.records) state.records.set(keyOf(k.kind, r), r);
  fillSelect(byId("filter-region"), model.regions, state.region, "All regions");
  fillSelect(byId("filter-account"), model.accounts, state.account, "All accounts");
  byId("clock").textContent = "Emulator time " + model.time;
  renderEmpty(model);
  // Keep keyboard focus on the same element across a redraw.
  const focused = document.activeElement && document.activeElement.getAttribute ? document.activeElement.getAttribute("data-key") : null;
  const focusedInDiagram = focused && byId("diagram").contains(document.activeElement);
  renderDiagram(model);
  renderTables(model);
  showDetails();
  if (focused) {
    const scope = focusedInDiagram ? byId("diagram") : byId("tables");
    for (const node of scope.querySelectorAll("[data-key]")) if (node.getAttribute("data-key") === focused) { node.focus(); break; }
  }
}

function setLive(ok, text) {
  const live = byId("live");
  live.className = "live " + (ok ? "ok" : "down");
  live.textContent = text;
}

function connect() {
  const events = new EventSource(PREFIX + "/events");
  events.addEventListener("open", () => setLive(true, "Live"));
  events.addEventListener("error", () => setLive(false, "Disconnected, retrying…"));
  events.addEventListener("model", (e) => {
    state.model = JSON.parse(e.data);
    setLive(true, "Live · updated " + new Date().toLocaleTimeString());
    render();
  });
  events.addEventListener("timeline", (e) => {
    const data = JSON.parse(e.data);
    state.timeline = (data.full ? data.entries : data.entries.concat(state.timeline)).slice(0, TIMELINE_LIMIT);
    renderTimeline();
  });
}

function start() {
  readFilters();
  byId("filter-region").addEventListener("change", (e) => { state.region = e.target.value; writeFilters(); render(); renderTimeline(); });
  byId("filter-account").addEventListener("change", (e) => { state.account = e.target.value; writeFilters(); render(); renderTimeline(); });
  let resized;
  addEventListener("resize", () => {
    clearTimeout(resized);
    resized = setTimeout(() => { if (state.model) renderDiagram(state.model); }, 150);
  });
  renderTimeline();
  connect();
}

start();
`;
