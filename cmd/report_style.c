/*
 * The report's style sheet and its one line of script, inline so the file
 * needs nothing from anywhere.  Colours meet WCAG AA: text at least 4.5:1
 * against its background, bars and borders at least 3:1, and every colour
 * has a text or pattern twin (numbers in cells, "off" on hatched cells,
 * "+" before makeup hours and a hatched makeup bar).
 */
#include "report_html.h"

const char report_css[] =
    ":root{color-scheme:light}"
    "body{font:14px/1.4 system-ui,-apple-system,\"Segoe UI\",Roboto,"
    "sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;"
    "max-width:1400px;padding:0 16px 32px}"
    ".conf{background:#fdecea;color:#7a1414;border:2px solid #7a1414;"
    "padding:6px 10px;margin:12px 0;font-weight:600}"
    "h1{font-size:22px;margin:8px 0 2px}"
    "h2{font-size:18px;margin:24px 0 8px;border-bottom:2px solid #1a1a1a}"
    "h3{font-size:16px;margin:16px 0 0}"
    ".sub{color:#4a4a4a;margin:0}"
    ".wrap{display:flex;flex-wrap:wrap;gap:0 28px;align-items:flex-start}"
    "ul.sum{display:grid;grid-template-columns:repeat(auto-fill,"
    "minmax(170px,1fr));gap:6px 16px;margin:10px 0;padding:0;"
    "list-style:none}"
    "ul.sum li{border-left:3px solid #1f5fa0;padding-left:8px}"
    ".sum .k{display:block;font-size:12px;color:#4a4a4a}"
    ".sum .v{font-size:17px;font-weight:600}"
    "nav a{margin-right:14px;color:#0b4f9c}"
    "main{overflow-x:auto}"
    "table{border-collapse:collapse;margin:6px 0 14px;"
    "font-variant-numeric:tabular-nums}"
    "caption{text-align:left;font-size:12px;color:#4a4a4a;padding:2px 0}"
    "th,td{border:1px solid #8c8c8c;padding:2px 6px;text-align:center;"
    "white-space:nowrap}"
    "th{background:#f0f0f0;font-weight:600}"
    "th[scope=row]{text-align:left}"
    "td.r{text-align:left;white-space:normal;max-width:60em}"
    ".f0{background:#fff}.f1{background:#e6f0fa}.f2{background:#cfe1f5}"
    ".f3{background:#b0cdee}.f4{background:#8db8e8;font-weight:700}"
    ".f5{background:#f4c7c3;font-weight:700;outline:2px solid #7a1414}"
    ".off{background:repeating-linear-gradient(135deg,#fff 0 4px,"
    "#d9d9d9 4px 6px);color:#4a4a4a;font-style:italic}"
    "svg.b{display:block;width:44px;height:10px;margin:1px auto;"
    "background:#e8e8e8;outline:1px solid #595959}"
    ".b rect{height:10px;fill:#1f5fa0}.b rect.m{fill:url(#hatch)}"
    ".b path{stroke:#000;stroke-width:2}"
    ".mk{color:#8a4500}"
    ".low{color:#7a1414;font-weight:700}"
    ".nm{font-weight:400;color:#333;margin-left:6px}"
    "details{margin:4px 0}summary{cursor:pointer;padding:4px 0}"
    ".legend{font-size:12px;color:#333}"
    ".legend svg.b{display:inline-block;vertical-align:middle}"
    ".legend .sw{display:inline-block;min-width:3em;border:1px solid "
    "#8c8c8c;padding:0 4px;margin:0 2px;text-align:center}"
    "@page{size:landscape;margin:10mm}"
    "@media print{body{max-width:none;padding:0;font-size:10px}"
    "nav{display:none}h2{break-after:avoid}tr{break-inside:avoid}"
    "*{print-color-adjust:exact;-webkit-print-color-adjust:exact}}";

/* Opens every <details> before printing; the page reads fine without it. */
const char report_script[] =
    "addEventListener(\"beforeprint\",function(){document.querySelectorAll("
    "\"details\").forEach(function(d){d.open=true})})";

/* base64 of the SHA-256 of report_script; tests/report checks it. */
const char report_script_hash[] =
    "'sha256-IS6I6+iefQgnm32GXfUoNGLaPMRVmbglcZcgjBP8QPM='";
