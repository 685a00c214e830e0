// The page's CSS. Colours have at least 4.5:1 contrast on white and stay legible printed in
// grey; every chart also carries its numbers as text.
#include "html_parts.h"

namespace pif::report_render {

const char* PageStyle() {
  return R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #ffffff; }
body { margin: 0 auto; max-width: 200mm; padding: 10mm 8mm; color: #1a1a1a; background: #ffffff;
  font: 10.5pt/1.4 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; }
h1, h2, h3, h4, h5 { line-height: 1.25; margin: 0.9em 0 0.35em; color: #10263f; }
h1 { font-size: 20pt; margin-top: 0; }
h2 { font-size: 15pt; border-bottom: 2px solid #1d4f91; padding-bottom: 2px; }
h3 { font-size: 13pt; }
h4 { font-size: 11.5pt; }
h5 { font-size: 10.5pt; }
a { color: #1d4f91; }
.subtitle { font-size: 12pt; margin: 0 0 0.6em; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1px 12px; margin: 0 0 0.8em; }
.meta dt { font-weight: bold; }
.meta dd { margin: 0; }
.banner { border: 2px solid #1d4f91; padding: 6px 10px; margin: 0.6em 0; }
.banner.internal { border-color: #a4161a; color: #7a0f12; font-weight: bold; }
nav ol { margin: 0.2em 0; padding-left: 1.4em; }
nav ol ol { list-style: none; padding-left: 0.8em; }
.legend dt { font-weight: bold; margin-top: 0.4em; }
.legend dd { margin-left: 1.4em; }
.key-question { break-before: page; }
.area { margin-bottom: 1.2em; }
.area-grade { margin: 0.2em 0 0.6em; }
.no-indicators { font-style: italic; color: #4d4d4d; }
.indicator { border: 1px solid #b3b3b3; border-radius: 3px; padding: 4px 10px 6px; margin: 0 0 10px;
  break-inside: avoid; page-break-inside: avoid; }
.indicator > h4, .indicator > h5 { margin-top: 0.3em; }
.code { display: inline-block; min-width: 4.2em; margin-right: 0.4em; font-weight: bold;
  color: #1d4f91; }
.summary { display: flex; flex-wrap: wrap; gap: 4px 18px; align-items: flex-start; }
.figures { flex: 1 1 300px; max-width: 380px; margin: 0; display: grid;
  grid-template-columns: 12.5em 1fr; gap: 1px 10px; }
.figures > div { display: contents; }
.figures dt { color: #333333; }
.figures dd { margin: 0; font-variant-numeric: tabular-nums; }
.headline { font-size: 14pt; font-weight: bold; }
.trend { flex: 0 1 300px; margin-left: auto; }
.change { font-weight: bold; }
.change-improved { color: #1b6e20; }
.change-worse { color: #a4161a; }
.change-same, .change-none { color: #333333; }
.supp { font-weight: bold; font-style: italic; }
table { border-collapse: collapse; font-size: 9pt; margin: 4px 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: 2px 0; caption-side: top; }
th, td { border: 1px solid #b3b3b3; padding: 1px 6px; vertical-align: top; }
thead th { background: #e8eef6; text-align: left; }
tbody th { text-align: left; font-weight: normal; }
td { text-align: right; }
.trend-table { width: 100%; }
.breakdowns { display: flex; flex-direction: column; gap: 2px; }
.breakdown { display: flex; flex-wrap: wrap; gap: 2px 14px; align-items: flex-start; }
.breakdown table { min-width: 240px; }
.table-note { flex-basis: 100%; font-size: 8.5pt; margin: 0; color: #333333; }
.supplementary td { min-width: 6em; }
.notes { font-size: 9pt; border-left: 3px solid #8c6d00; padding-left: 8px; margin: 4px 0; }
.notes-title { font-weight: bold; margin: 0; }
.notes ul { margin: 0; padding-left: 1.2em; }
.explain { font-size: 9pt; margin: 2px 0; }
.provenance { font-size: 8.5pt; color: #333333; margin: 4px 0 0; }
.chart { display: block; max-width: 100%; height: auto; }
.self-evaluation td { text-align: left; }
.self-evaluation td.grade { text-align: right; }
.se-table { width: 100%; }
.se-table .evidence { white-space: pre-line; }
.se-table .date { white-space: nowrap; }
.not-evaluated { font-style: italic; color: #4d4d4d; }
.sources { width: 100%; font-size: 8pt; }
.sources td { text-align: left; }
.sources .id { overflow-wrap: anywhere; font-family: "DejaVu Sans Mono", monospace; }
.sources .date { white-space: nowrap; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  a { color: inherit; text-decoration: none; }
  nav { break-after: page; }
  h2, h3, h4, h5, caption { break-after: avoid; page-break-after: avoid; }
  table, .breakdown, svg { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .indicator { border-color: #8c8c8c; }
  thead th { background: #ffffff; border-bottom: 2px solid #1a1a1a; }
}
)css";
}

}  // namespace pif::report_render
