// The managers' view of every open data-subject request, as a Cockpit page (#/rights-requests) with a link in the
// header. It reads request metadata (never personal data) from the Rights Desk API, which accepts the Cockpit session
// for reading, and links each request to its process instance in Cockpit.

import {appUrl, cockpitPage, el} from './rights-desk-page.js';

const ROUTE = '/rights-requests';
const RIGHTS = ['ACCESS', 'RECTIFICATION', 'ERASURE', 'RESTRICTION', 'OBJECTION', 'CONSENT_WITHDRAWAL',
  'PORTABILITY'];
const STATES = ['AWAITING_CONFIRMATION', 'IN_PROGRESS', 'PAUSED', 'OVERDUE', 'EXTENDED', 'INCIDENT', 'STUCK'];
const STUCK_KINDS = {
  INCIDENT: 'incident',
  FAILING_JOB: 'failing step, retrying',
  OVERDUE_TASK: 'task past its due date',
  UNDELIVERED_LETTER: 'letter not delivered'
};
// Swedish writes dates as ISO does: 2026-11-24 09:00, here in Copenhagen time like the other columns
const COPENHAGEN_TIME = new Intl.DateTimeFormat('sv-SE',
  {timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short'});
// rows a page: the most urgent first, the rest a click away (100,000 open requests are no page for a person)
const PAGE = 100;
const WINDOWS = [['', 'any time'], ['0', 'overdue or due today'], ['7', 'within 7 days'], ['14', 'within 14 days'],
  ['30', 'within 30 days']];

const STYLE = `
.rd-dash { padding: 1em 1.5em; }
.rd-dash h2 { margin-top: 0; }
.rd-dash form { display: flex; gap: 1em; align-items: end; flex-wrap: wrap; margin-bottom: 1em; }
.rd-dash label { display: flex; flex-direction: column; font-weight: normal; }
.rd-dash table { width: 100%; border-collapse: collapse; font-size: 13px; }
.rd-dash th, .rd-dash td { padding: 4px 6px; border-bottom: 1px solid #ddd; text-align: left; white-space: nowrap; }
.rd-dash td.rd-task { white-space: normal; }
.rd-dash th { background: #f3f3f3; position: sticky; top: 0; }
.rd-dash tr.rd-overdue td { background: #f8d7da; color: #721c24; font-weight: bold; }
.rd-dash tr.rd-near td { background: #fff3cd; }
.rd-dash .rd-flag { display: inline-block; padding: 0 5px; border-radius: 3px; background: #ddd; margin-right: 3px; }
.rd-dash tr.rd-overdue .rd-flag.rd-late { background: #721c24; color: #fff; }
.rd-dash .rd-flag.rd-warn { background: #f0ad4e; color: #000; }
.rd-dash .rd-incident { color: #b00; font-weight: bold; }
.rd-dash .rd-summary { margin: .5em 0 1em; }
.rd-dash .rd-banner { margin: .5em 0; padding: .5em 1em; border-radius: 3px; background: #721c24; color: #fff; }
.rd-dash .rd-banner a { color: #fff; text-decoration: underline; margin-left: 1em; cursor: pointer; }
.rd-dash .rd-scroll { overflow-x: auto; }
.rd-dash .rd-pager { display: flex; gap: 1em; align-items: center; margin: .5em 0; }
.rd-dash td.rd-task, .rd-dash td.rd-flags { white-space: normal; min-width: 10em; }
.rd-dash td.rd-stuck { white-space: normal; min-width: 16em; color: #721c24; }
.rd-dash .rd-stuck-reason + .rd-stuck-reason { margin-top: 4px; }
.rd-dash .rd-stuck-reason b { display: block; }
`;

function select(name, label, options) {
  return el('label', {}, label, el('select', {name},
    options.map(([value, text]) => el('option', {value}, text))));
}

function flags(row) {
  const out = [];
  if (row.overdue) out.push(el('span', {class: 'rd-flag rd-late'}, 'overdue'));
  if (row.extended) out.push(el('span', {class: 'rd-flag'}, 'extended'));
  if (row.paused) out.push(el('span', {class: 'rd-flag'}, 'paused'));
  if (row.pausedDays > 0) out.push(el('span', {class: 'rd-flag'}, `${row.pausedDays} days paused`));
  if (row.registeredAfterDeadline) {
    out.push(el('span', {class: 'rd-flag rd-warn', title: 'registered when its legal deadline had already passed'},
      'registered after the deadline'));
  }
  if (row.extensionLetterLate) {
    out.push(el('span', {class: 'rd-flag rd-warn', title: 'Art 12(3): the subject must be told within the first month'},
      'extension told after the first month'));
  }
  return out;
}

function stuckReasons(row) {
  return row.stuck.map((reason) => el('div', {class: 'rd-stuck-reason', 'data-kind': reason.kind},
    el('b', {}, `${STUCK_KINDS[reason.kind]} since ${COPENHAGEN_TIME.format(new Date(reason.since))}`),
    reason.step ?? ''));
}

function rowOf(row) {
  const reference = row.processInstanceId
    ? el('a', {href: `#/process-instance/${encodeURIComponent(row.processInstanceId)}/runtime`}, row.reference)
    : row.reference;
  const className = row.overdue ? 'rd-overdue' : (row.workingDaysLeft <= 2 ? 'rd-near' : null);
  return el('tr', {class: className, 'data-reference': row.reference},
    el('td', {}, reference),
    el('td', {}, row.type),
    el('td', {}, row.channel),
    el('td', {}, row.receivedAt.slice(0, 16).replace('T', ' ')),
    el('td', {}, row.dueDate),
    el('td', {}, String(row.workingDaysLeft)),
    el('td', {}, String(row.calendarDaysLeft)),
    el('td', {}, row.status),
    el('td', {class: 'rd-flags'}, flags(row)),
    el('td', {class: row.openIncidents > 0 ? 'rd-incident' : null}, String(row.openIncidents)),
    el('td', {class: 'rd-stuck'}, row.stuck.length > 0 ? stuckReasons(row) : '–'),
    el('td', {class: 'rd-task'}, row.currentTask ?? '–'),
    el('td', {class: 'rd-task'}, row.heldBy ?? '–'));
}

async function load(container, form, offset = 0) {
  const query = new URLSearchParams();
  new FormData(form).forEach((value, name) => { if (value) query.set(name, value); });
  if (offset > 0) query.set('offset', String(offset));
  query.set('limit', String(PAGE));
  const summary = container.querySelector('.rd-summary');
  const banner = container.querySelector('.rd-banner');
  const body = container.querySelector('tbody');
  summary.textContent = 'Loading…';
  banner.hidden = true;
  const response = await fetch(appUrl('api/officer/dashboard?' + query), {
    credentials: 'same-origin', headers: {Accept: 'application/json'}
  });
  if (!response.ok) {
    body.replaceChildren();
    summary.textContent = response.status === 403
      ? 'Only managers and GDPR officers see the requests.'
      : `The requests could not be loaded (HTTP ${response.status}).`;
    return;
  }
  const dashboard = await response.json();
  const overdue = dashboard.requests.filter((r) => r.overdue).length;
  const first = dashboard.requests.length > 0 ? dashboard.offset + 1 : 0;
  const last = dashboard.offset + dashboard.requests.length;
  summary.textContent = `${first}–${last} of ${dashboard.matchingRequests} requests`
    + ` (${dashboard.openRequests} open in all; ${overdue} overdue on this page), as of ${dashboard.today} in Copenhagen;`
    + ' most urgent first. Days left: 0 means due today, a negative number the days past the deadline.';
  body.replaceChildren(...dashboard.requests.map(rowOf));
  const previous = container.querySelector('.rd-previous');
  const next = container.querySelector('.rd-next');
  previous.disabled = dashboard.offset === 0;
  next.disabled = last >= dashboard.matchingRequests;
  previous.onclick = () => load(container, form, Math.max(0, dashboard.offset - PAGE));
  next.onclick = () => load(container, form, last);
  if (dashboard.stuckRequests > 0) {
    const showThem = el('a', {role: 'button'}, 'Show them');
    showThem.addEventListener('click', () => {
      form.reset();
      form.elements.state.value = 'STUCK';
      load(container, form);
    });
    const stuck = dashboard.stuckRequests;
    banner.replaceChildren(`${stuck} ${stuck === 1 ? 'request is' : 'requests are'} stuck: `
      + 'they cannot move on until someone acts (an incident, a failing step, a task past its due date or a letter '
      + 'not delivered; a closed request stays listed until its answer has gone).', showThem);
    banner.hidden = false;
  }
  // what the rows show, for a reader (or a browser test) waiting for this load rather than the previous one
  query.delete('limit');
  container.dataset.loadedQuery = query.toString();
}

function render(node) {
  const form = el('form', {class: 'rd-filters'},
    select('type', 'Right', [['', 'all rights'], ...RIGHTS.map((r) => [r, r])]),
    select('state', 'State', [['', 'all states'], ...STATES.map((s) => [s, s])]),
    select('dueWithinDays', 'Due', WINDOWS),
    el('a', {href: appUrl('api/officer/requests/export.csv'), download: ''}, 'All requests as CSV (record keeping)'));
  const table = el('table', {class: 'rd-requests'},
    el('thead', {}, el('tr', {}, ['Reference', 'Right', 'Channel', 'Received', 'Due date in force',
      'Working days left', 'Calendar days left', 'Status', 'Flags', 'Incidents', 'Stuck', 'Current task',
      'Held by']
      .map((title) => el('th', {}, title)))),
    el('tbody'));
  const container = el('div', {class: 'rd-dash'},
    el('style', {}, STYLE),
    el('h2', {}, 'Open data-subject requests'),
    el('p', {class: 'rd-banner', role: 'alert', hidden: ''}),
    form,
    el('p', {class: 'rd-summary'}),
    el('div', {class: 'rd-scroll'}, table),
    el('div', {class: 'rd-pager'},
      el('button', {type: 'button', class: 'btn btn-default rd-previous', disabled: ''}, `Previous ${PAGE}`),
      el('button', {type: 'button', class: 'btn btn-default rd-next', disabled: ''}, `Next ${PAGE}`)));
  node.replaceChildren(container);
  form.addEventListener('change', () => load(container, form));
  load(container, form);
}

export default cockpitPage({id: 'requests', route: ROUTE, label: 'Requests', priority: 100, render});
