// What Rights Desk's Cockpit pages share: the application's URLs, building elements, and the header link with its
// route that makes a page of Cockpit.

/** The application's root: Cockpit runs at <root>/camunda/app/cockpit/<engine>/ */
export function appUrl(path) {
  return new URL('../../../../' + path, document.baseURI).toString();
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  });
  children.flat().forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return node;
}

/** The two Cockpit plugins of a page: its link in the header (higher priority further left) and its route. */
export function cockpitPage({id, route, label, priority, render}) {
  return [
    {
      id: `rightsdesk.${id}.navigation`,
      pluginPoint: 'cockpit.navigation',
      priority,
      properties: {path: route},
      render: (node) => {
        node.replaceChildren(el('a', {href: '#' + route}, label));
      }
    },
    {
      id: `rightsdesk.${id}.route`,
      pluginPoint: 'cockpit.route',
      properties: {path: route},
      render
    }
  ];
}
