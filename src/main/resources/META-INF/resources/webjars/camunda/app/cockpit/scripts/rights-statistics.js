// The year's figures on data-subject requests, as a Cockpit page (#/rights-statistics) with a link in the header:
// what a yearly report to the board or an inspector needs. Counts only, from the Rights Desk API; the charts are
// drawn by Chart.js, which the application serves itself (no CDN).

import {appUrl, cockpitPage, el} from './rights-desk-page.js';

const ROUTE = '/rights-statistics';
const CHART_JS = 'webjars/chart.js/4.4.9/dist/chart.umd.js';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

const STYLE = `
.rd-stats { padding: 1em 1.5em; }
.rd-stats h2 { margin-top: 0; }
.rd-stats form { display: flex; gap: 1em; align-items: end; margin-bottom: 1em; }
.rd-stats label { display: flex; flex-direction: column; font-weight: normal; }
.rd-stats .rd-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1.5em; }
.rd-stats figure { margin: 0; }
.rd-stats figcaption { font-weight: bold; margin-bottom: .3em; }
.rd-stats canvas { max-height: 260px; }
.rd-stats table { border-collapse: collapse; font-size: 13px; margin-bottom: 1em; }
.rd-stats th, .rd-stats td { padding: 3px 8px; border-bottom: 1px solid #ddd; text-align: left; }
.rd-stats td.rd-number { text-align: right; }
`;

let chartLibrary;

/** Loads Chart.js once; Cockpit's pages come and go, the library stays. */
function chartJs() {
  chartLibrary ??= new Promise((resolve, reject) => {
    const script = el('script', {src: appUrl(CHART_JS)});
    script.addEventListener('load', () => resolve(window.Chart));
    script.addEventListener('error', () => reject(new Error('Chart.js could not be loaded')));
    document.head.append(script);
  });
  return chartLibrary;
}

/** An API key (MANIFESTLY_UNFOUNDED) as a manager reads it (Manifestly unfounded). */
function readable(key) {
  const words = key.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The series of a per-month table, one per key that occurs in the year. */
function monthlySeries(byMonth) {
  const keys = Object.keys(byMonth['1'] ?? {});
  return keys
    .map((key, i) => ({
      label: readable(key),
      data: MONTHS.map((_, m) => byMonth[String(m + 1)][key]),
      backgroundColor: COLOURS[i % COLOURS.length]
    }))
    .filter((series) => series.data.some((count) => count > 0));
}

function stackedBars(Chart, canvas, byMonth) {
  return new Chart(canvas, {
    type: 'bar',
    data: {labels: MONTHS, datasets: monthlySeries(byMonth)},
    options: {animation: false, scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}}}
  });
}

function bars(Chart, canvas, counts, label) {
  const entries = Object.entries(counts);
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: entries.map(([key]) => readable(key)),
      datasets: [{label, data: entries.map(([, count]) => count), backgroundColor: COLOURS[0]}]
    },
    options: {animation: false, indexAxis: 'y', plugins: {legend: {display: false}},
      scales: {x: {beginAtZero: true, ticks: {precision: 0}}}}
  });
}

function figure(caption, canvasName) {
  return el('figure', {}, el('figcaption', {}, caption), el('canvas', {'data-chart': canvasName}));
}

function keyFigures(stats) {
  const days = (value) => (value === null ? '–' : `${value} days`);
  const rows = [
    ['Requests received', stats.received],
    ['Closed', stats.closed],
    ['Still open', stats.open],
    ['Median time from receipt to answer', days(stats.medianDays)],
    ['90th percentile time from receipt to answer', days(stats.p90Days)],
    ['Answered after the deadline in force', stats.closedLate],
    ['Deadline extended (Art 12(3))', stats.extended]
  ];
  return el('table', {class: 'rd-key-figures'},
    el('tbody', {}, rows.map(([label, value]) =>
      el('tr', {}, el('th', {}, label), el('td', {class: 'rd-number'}, String(value))))));
}

async function load(container, year, charts) {
  const summary = container.querySelector('.rd-summary');
  const body = container.querySelector('.rd-body');
  summary.textContent = 'Loading…';
  charts.splice(0).forEach((chart) => chart.destroy());
  const query = year ? '?year=' + encodeURIComponent(year) : '';
  const response = await fetch(appUrl('api/officer/statistics' + query), {
    credentials: 'same-origin', headers: {Accept: 'application/json'}
  });
  if (!response.ok) {
    body.replaceChildren();
    summary.textContent = response.status === 403
      ? 'Only managers and GDPR officers see the statistics.'
      : `The statistics could not be loaded (HTTP ${response.status}).`;
    return;
  }
  const stats = await response.json();
  summary.textContent = `Requests received in ${stats.year} (Copenhagen time), counted in the year they arrived;`
    + ' handling times and lateness count those already answered.';
  body.replaceChildren(
    keyFigures(stats),
    el('div', {class: 'rd-charts'},
      figure('Requests per month by right', 'rights'),
      figure('Requests per month by channel', 'channels'),
      figure('Outcomes', 'outcomes'),
      figure('Refusals in whole or in part by ground', 'refusals')));
  let Chart;
  try {
    Chart = await chartJs();
  } catch (e) {
    summary.textContent += ' The charts could not be drawn; the table above and the CSV hold the figures.';
    return stats.year;
  }
  const canvas = (name) => body.querySelector(`canvas[data-chart="${name}"]`);
  charts.push(
    stackedBars(Chart, canvas('rights'), stats.byMonthAndRight),
    stackedBars(Chart, canvas('channels'), stats.byMonthAndChannel),
    bars(Chart, canvas('outcomes'), stats.outcomes, 'requests'),
    bars(Chart, canvas('refusals'), stats.refusalsByGround, 'requests'));
  container.setAttribute('data-loaded-year', String(stats.year));
  return stats.year;
}

function render(node) {
  // the years to choose from follow the server's year (its clock, not the browser's), known after the first load
  const choice = el('select', {name: 'year'});
  const csv = el('a', {download: ''}, 'These figures as CSV');
  const form = el('form', {}, el('label', {}, 'Year', choice), csv);
  const container = el('div', {class: 'rd-stats'},
    el('style', {}, STYLE),
    el('h2', {}, 'Data-subject requests: the year in figures'),
    form,
    el('p', {class: 'rd-summary'}),
    el('div', {class: 'rd-body'}));
  node.replaceChildren(container);
  const charts = [];
  const show = async (year) => {
    const shown = await load(container, year, charts);
    if (shown === undefined) return;
    if (!choice.options.length) {
      choice.replaceChildren(...Array.from({length: 6}, (_, i) => String(shown - i))
        .map((y) => el('option', {value: y}, y)));
    }
    choice.value = String(shown);
    csv.setAttribute('href', appUrl('api/officer/statistics.csv?year=' + shown));
  };
  choice.addEventListener('change', () => show(choice.value));
  show('');
}

export default cockpitPage({id: 'statistics', route: ROUTE, label: 'Statistics', priority: 90, render});
