// Finding elements as a person does: by ARIA role and accessible name, by label, by text.
// Shared by the browser tests (tests/shared/dom.rs, through `new Function('root', 'q', …)`)
// and the end-to-end tests (e2e/src/a11y.rs, through WebDriver `execute`).
//
// This is the body of a function of `root` (an element, a shadow root or the document) and
// `q` (the query). Open shadow roots under `root` are searched too (the drop-in lives in one).
//   q.op = 'find': the elements under `root` (root included) matching q.role (a role, or a
//     list of roles), q.name (the accessible name, white space collapsed; exact, or a part of
//     it with q.partial), q.text (a part of the text a person sees in it), shown to a person
//     unless q.hidden. In document order.
//   q.op = 'label': the form controls whose accessible name (from label[for], a wrapping
//     label, aria-labelledby or aria-label) is q.name (exact, or a part with q.partial).
//   q.op = 'text': the innermost shown elements whose text contains q.text.
//   q.op = 'name' / 'role': the accessible name / role of `root`.
//   q.op = 'shown': whether `root` is shown (not hidden, aria-hidden or display: none).
//   q.op = 'describe': "role "name"" of every shown element with a role, for failure messages.
const norm = (s) => String(s || '').replace(/\s+/g, ' ').trim();
const up = (n) => n.parentElement || (n.parentNode instanceof ShadowRoot ? n.parentNode.host : null);
const styleOf = (n) => (n.ownerDocument.defaultView || window).getComputedStyle(n);
function shown(el) {
  for (let n = el; n; n = up(n)) {
    if (n.hasAttribute('hidden') || n.getAttribute('aria-hidden') === 'true') return false;
    const s = styleOf(n);
    if (s.display === 'none' || s.visibility === 'hidden') return false;
  }
  return true;
}
function roleOf(el) {
  const explicit = norm(el.getAttribute('role')).split(' ')[0];
  if (explicit) return explicit;
  const tag = el.localName;
  switch (tag) {
    case 'button': return 'button';
    case 'a': case 'area': return el.hasAttribute('href') ? 'link' : null;
    case 'input': {
      const t = (el.getAttribute('type') || 'text').toLowerCase();
      if (['button', 'submit', 'reset', 'image'].includes(t)) return 'button';
      if (t === 'checkbox') return 'checkbox';
      if (t === 'radio') return 'radio';
      if (t === 'range') return 'slider';
      if (t === 'number') return 'spinbutton';
      if (t === 'search') return 'searchbox';
      if (t === 'hidden' || t === 'file' || t === 'color') return null;
      // A password input has no ARIA role; a person still finds it by its label.
      return t === 'password' ? null : 'textbox';
    }
    case 'textarea': return 'textbox';
    case 'select': return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
    case 'option': return 'option';
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': return 'heading';
    case 'nav': return 'navigation';
    case 'main': return 'main';
    case 'form': return 'form';
    // A region only when its author named it (aria-label or aria-labelledby).
    case 'section': return nameOf(el, true) ? 'region' : null;
    case 'fieldset': return 'group';
    case 'table': return 'table';
    case 'tr': return 'row';
    case 'th': return el.getAttribute('scope') === 'row' ? 'rowheader' : 'columnheader';
    case 'td': return 'cell';
    case 'ul': case 'ol': return 'list';
    case 'li': return 'listitem';
    case 'dl': return 'list';
    case 'dt': return 'term';
    case 'dd': return 'definition';
    case 'img': return el.getAttribute('alt') === '' ? 'presentation' : 'img';
    case 'dialog': return 'dialog';
    case 'output': return 'status';
    case 'progress': return 'progressbar';
    case 'article': return 'article';
    default: return null;
  }
}
const FROM_CONTENT = new Set(['button', 'link', 'heading', 'tab', 'option', 'cell',
  'columnheader', 'rowheader', 'checkbox', 'radio', 'switch', 'menuitem', 'treeitem',
  'tooltip', 'term', 'definition', 'listitem', 'row']);
const CONTROLS = new Set(['input', 'select', 'textarea']);
// The text of `el`'s content as a person sees (or hears) it.
function textOf(el, self) {
  let out = '';
  const kids = el.shadowRoot ? el.shadowRoot.childNodes : el.childNodes;
  for (const n of kids) {
    if (n.nodeType === 3) { out += n.textContent; continue; }
    if (n.nodeType !== 1 || n.localName === 'style' || n.localName === 'script') continue;
    if (n.hasAttribute('hidden') || n.getAttribute('aria-hidden') === 'true') continue;
    const s = styleOf(n);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    const label = norm(n.getAttribute('aria-label'));
    let part;
    if (label) part = label;
    else if (n.localName === 'img') part = n.getAttribute('alt') || '';
    else if (CONTROLS.has(n.localName)) {
      if (n === self) part = '';
      else if (n.localName === 'select') part = n.selectedOptions[0] ? n.selectedOptions[0].text : '';
      else part = ['checkbox', 'radio'].includes(n.type) ? '' : n.value;
    } else part = textOf(n, self);
    out += s.display.startsWith('inline') ? part : ' ' + part + ' ';
  }
  return out;
}
function byIds(el, ids) {
  const scope = el.getRootNode();
  return norm(ids).split(' ').filter(Boolean)
    .map((id) => (scope.getElementById ? scope.getElementById(id) : document.getElementById(id)))
    .filter(Boolean);
}
// The accessible name, after the main steps of accname-1.2.
function nameOf(el, labelOnly) {
  const refs = byIds(el, el.getAttribute('aria-labelledby'));
  if (refs.length) {
    const t = norm(refs.map((r) => textOf(r, el)).join(' '));
    if (t) return t;
  }
  const aria = norm(el.getAttribute('aria-label'));
  if (aria) return aria;
  if (CONTROLS.has(el.localName) && el.labels && el.labels.length) {
    const t = norm(Array.from(el.labels).map((l) => textOf(l, el)).join(' '));
    if (t) return t;
  }
  if (labelOnly) return '';
  const tag = el.localName;
  if (tag === 'input' && ['submit', 'button', 'reset'].includes(el.type)) return norm(el.value);
  if (tag === 'img' || tag === 'area') return norm(el.getAttribute('alt'));
  if (tag === 'fieldset') {
    const legend = el.querySelector(':scope > legend');
    if (legend) return norm(textOf(legend));
  }
  if (tag === 'table') {
    const caption = el.querySelector(':scope > caption');
    if (caption) return norm(textOf(caption));
  }
  if (tag === 'svg') {
    const title = el.querySelector(':scope > title');
    if (title) return norm(title.textContent);
  }
  const role = norm(el.getAttribute('role')).split(' ')[0] || roleOf(el);
  if (FROM_CONTENT.has(role)) {
    const t = norm(textOf(el));
    if (t) return t;
  }
  return norm(el.getAttribute('title') || el.getAttribute('placeholder'));
}
// Every element under `root` (root included), open shadow roots included, in document order.
function every(root) {
  const out = [];
  const walk = (n) => {
    if (n.nodeType === 1) out.push(n);
    if (n.shadowRoot) walk(n.shadowRoot);
    for (const c of n.children || []) walk(c);
  };
  walk(root);
  return out;
}
const nameIs = (name) => (q.partial ? name.includes(norm(q.name)) : name === norm(q.name));
const op = q.op || 'find';
if (op === 'name') return nameOf(root);
if (op === 'role') return roleOf(root);
if (op === 'shown') return shown(root);
const all = every(root).filter((el) => q.hidden || shown(el));
if (op === 'describe') {
  return all.filter((el) => roleOf(el) || el.labels).map((el) => {
    const r = roleOf(el) || el.localName;
    return r + ' "' + nameOf(el) + '"';
  }).filter((s) => !s.startsWith('presentation'));
}
if (op === 'label') {
  return all.filter((el) => (CONTROLS.has(el.localName) && el.type !== 'hidden'
    || ['textbox', 'combobox', 'listbox', 'checkbox', 'radio', 'switch', 'slider',
      'spinbutton', 'searchbox'].includes(el.getAttribute('role')))
    && nameIs(nameOf(el, true)));
}
if (op === 'text') {
  const has = (el) => norm(textOf(el)).includes(norm(q.text));
  return all.filter((el) => has(el) && !Array.from(el.children).some((c) => shown(c) && has(c)));
}
const roles = q.role == null ? null : [].concat(q.role);
return all.filter((el) => (roles === null || roles.includes(roleOf(el)))
  && (q.name == null || nameIs(nameOf(el)))
  && (q.text == null || norm(textOf(el)).includes(norm(q.text))));
