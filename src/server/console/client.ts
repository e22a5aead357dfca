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
import { DIAGRAM_SCRIPT } from "./client-diagram.js";

const BASE = String.raw`
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
    if (node.getAttribute("data-key") === key) { node.classList.add("selected"); node.setAttribute("aria-current", "true"); }
    else node.removeAttribute("aria-current");
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
  snapshots: [["Snapshot", (r) => r.id], ["Owner", (r) => r.account], ["Region", (r) => r.region], ["Cluster", (r) => r.clusterIdentifier],
    ["Type", (r) => r.snapshotType], ["Status", (r) => statusCell(r.status)], ["Created", (r) => when(r.createdAt)],
    ["Who may restore", (r) => joined([r.account + " (owner)", ...(r.accountsWithRestoreAccess || [])])]],
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
      const row = h("tr", { "aria-current": key === state.selected ? "true" : null });
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
  byId("clock").textContent = "State as of " + model.time + " (emulator time)";
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

`;

/** The whole script: the page, then the diagram (client-diagram.ts), then the start. */
export const CONSOLE_SCRIPT = `${BASE}${DIAGRAM_SCRIPT}
start();
`;
