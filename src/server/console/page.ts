/**
 * The console's HTML and style sheet, served as they are (no build step, no external asset). The
 * page holds no data: the script (client.ts) fills it from the event stream. No inline script or
 * style anywhere (the Content-Security-Policy of routes.ts forbids them).
 */

export const CONSOLE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>redshift-local console</title>
<link rel="icon" href="/_redshift-local/console/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/_redshift-local/console/app.css">
<script type="module" src="/_redshift-local/console/app.js"></script>
</head>
<body>
<header class="top">
  <div class="brand">redshift-local <span class="muted">console</span></div>
  <div class="live" id="live" role="status" aria-live="polite">Connecting…</div>
</header>
<main>
  <section class="toolbar" aria-label="Filters">
    <label>Region <select id="filter-region"><option value="">All regions</option></select></label>
    <label>Account <select id="filter-account"><option value="">All accounts</option></select></label>
    <span class="muted" id="clock"></span>
  </section>
  <section id="empty" class="panel empty" hidden aria-labelledby="empty-title">
    <h2 id="empty-title">No clusters yet</h2>
    <p>This server answers the Redshift, EC2 and STS APIs at <code id="empty-url"></code>. Any 12-digit access key id is that account. Point a client at it:</p>
    <h3>AWS CLI</h3>
    <pre id="empty-cli"></pre>
    <h3>An SDK (JavaScript v3, boto3, …)</h3>
    <pre id="empty-sdk"></pre>
    <h3>Terraform</h3>
    <pre id="empty-terraform"></pre>
  </section>
  <section class="panel" aria-labelledby="diagram-title">
    <h2 id="diagram-title">Who can reach which cluster</h2>
    <p class="legend muted">Boxes are accounts holding their clusters; an arrow is a grant from a cluster to a grantee account, labelled with the VPCs it allows; pills on an arrow are the grantee's endpoints. Select an element to see its JSON.</p>
    <div class="diagram" id="diagram"></div>
  </section>
  <div class="split">
    <div id="tables"></div>
    <aside class="panel details" aria-labelledby="details-title">
      <h2 id="details-title">Details</h2>
      <p class="muted" id="details-hint">Select a row or a diagram element.</p>
      <pre id="details" tabindex="0"></pre>
    </aside>
  </div>
  <section class="panel" aria-labelledby="timeline-title">
    <h2 id="timeline-title">Timeline <span class="muted">(recent calls and transitions, newest first)</span></h2>
    <div class="scroll">
      <table class="grid" id="timeline">
        <caption class="sr-only">Recent API calls and lifecycle transitions</caption>
        <thead><tr><th scope="col">Time</th><th scope="col">What</th><th scope="col">Account</th><th scope="col">Region</th><th scope="col">Outcome</th><th scope="col">Error code</th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
  </section>
</main>
</body>
</html>
`;

export const CONSOLE_STYLE = `
:root { --ink: #16191f; --muted: #5f6b7a; --line: #d5dbdb; --head: #fafafa; --head2: #f2f3f3; --blue: #0972d3; --green: #037f0c; --orange: #b45f06; --red: #d91515; --bg: #f2f3f3; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 "Amazon Ember", "Helvetica Neue", Roboto, Arial, sans-serif; color: var(--ink); background: var(--bg); }
.top { display: flex; align-items: center; justify-content: space-between; gap: 12px; padding: 10px 20px; background: #232f3e; color: #fff; }
.brand { font-weight: 700; font-size: 16px; }
.top .muted { color: #d1d5db; font-weight: 400; }
.live { font-size: 13px; }
.live.ok::before { content: "● "; color: #29ad32; }
.live.down::before { content: "● "; color: #ff5d64; }
main { padding: 16px 20px 40px; max-width: 1600px; margin: 0 auto; }
.muted { color: var(--muted); }
.toolbar { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; margin-bottom: 16px; }
.toolbar label { display: flex; gap: 6px; align-items: center; font-weight: 700; }
select { font: inherit; padding: 4px 8px; border: 1px solid #8c8c94; border-radius: 8px; background: #fff; min-width: 150px; }
.panel { background: #fff; border-radius: 12px; box-shadow: 0 1px 1px rgba(0,28,36,.3), 1px 1px 1px rgba(0,28,36,.15); padding: 14px 18px; margin-bottom: 18px; min-width: 0; }
h2 { font-size: 18px; margin: 0 0 10px; }
h2 .count { color: var(--muted); font-weight: 400; }
h3 { font-size: 14px; margin: 14px 0 4px; }
pre { background: #f4f4f4; border: 1px solid var(--line); border-radius: 6px; padding: 10px; overflow: auto; font: 12px/1.4 Menlo, Consolas, monospace; white-space: pre; }
.split { display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 18px; align-items: start; }
.details { position: sticky; top: 10px; }
.details pre { max-height: 70vh; margin: 0; }
.details pre:empty { display: none; }
.scroll { overflow-x: auto; }
table.grid { border-collapse: collapse; width: 100%; font-size: 13px; }
table.grid caption { text-align: left; font-weight: 700; font-size: 16px; padding: 0 0 8px; }
table.grid th { background: var(--head2); text-align: left; font-weight: 700; padding: 7px 10px; border-bottom: 1px solid var(--line); white-space: nowrap; }
table.grid td { padding: 7px 10px; border-bottom: 1px solid #eaeded; vertical-align: top; white-space: nowrap; }
table.grid tbody tr { cursor: pointer; }
table.grid tbody tr:hover { background: #f2f8fd; }
table.grid tbody tr:focus { outline: 2px solid var(--blue); outline-offset: -2px; }
table.grid tbody tr.selected { background: #f2f8fd; box-shadow: inset 3px 0 0 var(--blue); }
.none { color: var(--muted); font-style: italic; }
.status { white-space: nowrap; font-weight: 700; }
.status::before { content: "● "; }
.s-good { color: var(--green); }
.s-busy { color: var(--blue); }
.s-warn { color: var(--orange); }
.s-bad { color: var(--red); }
.s-idle { color: var(--muted); }
.diagram { overflow: auto; border: 1px solid var(--line); border-radius: 8px; background: #fbfbfb; max-height: 80vh; }
.diagram svg { display: block; }
.diagram .nothing { padding: 18px; }
svg .account { fill: #fff; stroke: #879596; stroke-width: 1.2; }
svg .account-title { font: 700 13px sans-serif; fill: var(--ink); }
svg .account-sub { font: 11px sans-serif; fill: var(--muted); }
svg .cluster rect { fill: #eef6ff; stroke: var(--blue); stroke-width: 1.2; }
svg .cluster text { font: 12px sans-serif; fill: var(--ink); }
svg .inbound rect { fill: #f7f7f7; stroke: #c6c6cd; stroke-dasharray: 3 2; }
svg .inbound text { font: 11px sans-serif; fill: var(--ink); }
svg .endpoint rect { fill: #fff6e6; stroke: var(--orange); stroke-width: 1.2; }
svg .endpoint text { font: 11px sans-serif; fill: var(--ink); }
svg .grant path.wire { fill: none; stroke-width: 1.6; }
svg .grant path.hit { fill: none; stroke: transparent; stroke-width: 10; }
svg .grant.authorized path.wire { stroke: var(--green); }
svg .grant.revoking path.wire { stroke: var(--orange); stroke-dasharray: 6 4; }
svg .grant text { font: 11px sans-serif; }
svg .grant.authorized text { fill: var(--green); }
svg .grant.revoking text { fill: var(--orange); }
svg .pick { cursor: pointer; }
svg .pick:focus { outline: none; }
svg .pick:focus rect, svg .pick:focus path.wire, svg .pick.selected rect, svg .pick.selected path.wire { stroke-width: 3; }
svg marker path.authorized { fill: var(--green); }
svg marker path.revoking { fill: var(--orange); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
code { font: 12px Menlo, Consolas, monospace; background: #f4f4f4; padding: 1px 4px; border-radius: 4px; }
@media (max-width: 900px) {
  .split { grid-template-columns: minmax(0, 1fr); }
  .details { position: static; }
  main { padding: 10px 8px 30px; }
  .panel { padding: 10px; border-radius: 8px; }
  .top { padding: 8px 10px; }
  select { min-width: 0; max-width: 60vw; }
}
`;

/** Three stacked discs, the usual picture of a database; drawn here, not copied. */
export const CONSOLE_ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><g fill="#205b99" stroke="#fff" stroke-width="1.5"><ellipse cx="16" cy="24" rx="12" ry="5"/><ellipse cx="16" cy="16" rx="12" ry="5"/><ellipse cx="16" cy="8" rx="12" ry="5"/></g></svg>
`;
