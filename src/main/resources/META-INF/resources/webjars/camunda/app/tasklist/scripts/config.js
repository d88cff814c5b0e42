// Rights Desk's Tasklist; replaces the webapp's commented default configuration (its keyboard shortcuts kept).
export default {
  // MICO's officers read and type dates the Danish way, whatever their browser's language: day before month, with
  // dots (moment.js formats; the webapp's texts stay English, so are the month names)
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'D. MMM YYYY HH:mm',
    normal: 'DD.MM.YYYY HH:mm',
    long: 'dddd D. MMMM YYYY HH:mm',
    short: 'DD.MM.YYYY'
  },
  customScripts: ['scripts/danish-date-input', 'scripts/due-date-sorting'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
