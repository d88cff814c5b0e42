// The officers' filters list the earliest deadline first, whatever sorting Tasklist sends with them (AccessSetup).
// Tasklist's list header shows the sorting in the address, and without one it puts and shows its own default, by
// creation. So an address to the list without a sorting gets the filters' one: the header says what the list does.

const DUE_DATE_FIRST = encodeURIComponent(JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]));

function sortByDueDateUnlessChosen() {
  const [path, query = ''] = window.location.hash.replace(/^#/, '').split('?');
  if (path === '/' && !/(^|&)sorting=/.test(query)) {
    window.location.replace('#/?' + (query ? query + '&' : '') + 'sorting=' + DUE_DATE_FIRST);
  }
}

window.addEventListener('hashchange', sortByDueDateUnlessChosen);
sortByDueDateUnlessChosen();
