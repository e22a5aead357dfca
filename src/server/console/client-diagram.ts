/**
 * The access diagram, part of the console's script (client.ts joins the parts): accounts are boxes
 * holding their clusters; each grant is an arrow from its cluster to a row of its own in the
 * grantee's box, labelled with the VPCs it allows and styled by status; the grantee's endpoints for
 * that grant are pills on that row. One row and one lane per grant: arrows never share an end and
 * labels never overlap, however many accounts and grants (a browser test draws 10 and 50). Built
 * with createElementNS and text nodes only.
 */

export const DIAGRAM_SCRIPT = String.raw`
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

`;
