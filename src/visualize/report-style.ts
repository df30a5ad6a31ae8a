import { VERDICT_COLORS } from './theme.js';

/** The report's stylesheet, inlined in the HTML so the file opens anywhere without a network. */
export const REPORT_CSS = `
:root {
  --ink: #111827; --ink-2: #374151; --muted: #6b7280; --line: #e5e7eb; --bg: #f6f7f9; --card: #ffffff;
  --pass: ${VERDICT_COLORS.pass}; --warn: ${VERDICT_COLORS.warn}; --fail: ${VERDICT_COLORS.fail};
  --pass-bg: #e8f5ee; --warn-bg: #fdf4dc; --fail-bg: #fbe9e8;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 Lato, "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
}
main { max-width: 1120px; margin: 0 auto; padding: 32px 28px 64px; }
h1 { font-size: 26px; line-height: 1.2; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 19px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 8px; }
p { margin: 6px 0; }
.meta { color: var(--muted); font-size: 13px; }
.meta span + span::before { content: "·"; margin: 0 8px; color: #c4c9d1; }
.banner {
  display: grid; grid-template-columns: auto 1fr auto; gap: 24px; align-items: center;
  margin: 24px 0 8px; padding: 22px 26px; border-radius: 12px; background: var(--card);
  border: 1px solid var(--line); border-left: 8px solid var(--v);
}
.banner.pass { --v: var(--pass); background: var(--pass-bg); }
.banner.warn { --v: var(--warn); background: var(--warn-bg); }
.banner.fail { --v: var(--fail); background: var(--fail-bg); }
.banner .word { font-size: 34px; font-weight: 800; letter-spacing: 0.06em; color: var(--v); }
.banner .why { font-size: 16px; color: var(--ink-2); }
.banner .why strong { color: var(--ink); }
.banner .score { text-align: right; }
.banner .score b { display: block; font-size: 34px; line-height: 1; font-variant-numeric: tabular-nums; }
.banner .score small { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.06em; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; margin-top: 16px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; border-top: 4px solid var(--v); }
.card.pass { --v: var(--pass); } .card.warn { --v: var(--warn); } .card.fail { --v: var(--fail); }
.card .name { font-size: 12px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
.card .value { font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; margin: 2px 0; }
.card .reason { font-size: 13px; color: var(--ink-2); }
.pill {
  display: inline-block; min-width: 44px; padding: 1px 8px; border-radius: 999px; text-align: center;
  font-size: 11px; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase; color: #fff; background: var(--v);
}
.pill.pass { --v: var(--pass); } .pill.warn { --v: var(--warn); } .pill.fail { --v: var(--fail); }
table { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; font-size: 14px; }
th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f9fafb; color: var(--muted); font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; }
tr:last-child td { border-bottom: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.num { text-align: right; }
tr.fail td:first-child { box-shadow: inset 4px 0 0 var(--fail); }
tr.warn td:first-child { box-shadow: inset 4px 0 0 var(--warn); }
td.why { color: var(--ink-2); }
td.err { color: var(--fail); }
code { font: 13px/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; background: #f3f4f6; padding: 1px 5px; border-radius: 4px; }
.ok { padding: 14px 18px; border-radius: 10px; background: var(--pass-bg); border: 1px solid #cfe9da; color: #14532d; }
.alert { padding: 14px 18px; border-radius: 10px; background: var(--fail-bg); border: 1px solid #f2c9c6; color: #7f1d1d; }
.notes { margin: 0; padding-left: 20px; color: var(--ink-2); }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 16px; }
figure { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px; overflow-x: auto; }
figure.wide { grid-column: 1 / -1; }
figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 6px; }
figcaption .pill { margin-right: 6px; }
details { margin: 10px 0; background: var(--card); border: 1px solid var(--line); border-radius: 10px; }
details > summary { cursor: pointer; padding: 10px 14px; font-weight: 600; }
details > table { border: 0; border-top: 1px solid var(--line); border-radius: 0; }
footer { margin-top: 48px; color: var(--muted); font-size: 12px; }
@media print { body { background: #fff; } figure, .card, table { break-inside: avoid; } }
`;
