// Rights Desk's additions to Cockpit; replaces the webapp's commented default configuration.
export default {
  customScripts: ['scripts/requests-dashboard', 'scripts/rights-statistics']
};
