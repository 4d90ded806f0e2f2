// The stand-in Codatum notebook: the embed side of Codatum's postMessage protocol.
// Pattern 1: posts READY_FOR_TOKEN to its parent and waits for SET_TOKEN from it.
// Pattern 2: takes ?token= from its own URL.
// Either way it has its server check the token, posts CONTENT_READY, shows the page's
// parameters, and posts PARAM_CHANGED on every change and EXECUTE_SQLS_TRIGGERED on "Run all".
// Like Codatum's, it posts to its parent with target "*": it cannot know the host's origin, so
// the host must check event.origin. Every message is also written to console.debug.
(() => {
  'use strict';
  const RESET = '_RESET_TO_DEFAULT_';
  const root = document.getElementById('notebook');
  const title = document.getElementById('title');
  const content = document.getElementById('content');
  let started = false;

  function post(message) {
    console.debug('[codatum stand-in] ->', message.type, message);
    window.parent.postMessage(message, '*');
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children) node.append(child); // text is added as text, never as markup
    return node;
  }

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || started) return;
    const message = event.data;
    if (!message || message.type !== 'SET_TOKEN' || typeof message.token !== 'string') return;
    console.debug('[codatum stand-in] <- SET_TOKEN from', event.origin);
    start(message.token, Array.isArray(message.params) ? message.params : [], message.displayOptions || {}, 'SET_TOKEN');
  });

  const tokenInUrl = new URLSearchParams(location.search).get('token');
  if (tokenInUrl) {
    start(tokenInUrl, [], {}, '?token=');
  } else if (window.parent !== window) {
    post({ type: 'READY_FOR_TOKEN' });
  } else {
    title.textContent = 'Open this notebook in an iframe, or with ?token=';
  }

  async function start(token, setParams, displayOptions, via) {
    started = true;
    title.textContent = 'Checking the token…';
    let answer;
    try {
      const response = await fetch(root.dataset.checkUrl, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }),
      });
      answer = await response.json();
      if (!response.ok) throw new Error(answer.message || ('status ' + response.status));
    } catch (error) {
      title.textContent = 'Token refused';
      content.replaceChildren(el('p', { id: 'token-error', class: 'bad' }, String(error.message)));
      return;
    }
    render(answer, setParams, displayOptions, via);
    post({ type: 'CONTENT_READY' });
  }

  function render(answer, setParams, displayOptions, via) {
    // Values by param id: the token's, then SET_TOKEN's over them; null means the default.
    const values = new Map();
    const hidden = new Set();
    for (const param of [...(answer.params || []), ...setParams]) {
      if (!param || typeof param.param_id !== 'string') continue;
      values.set(param.param_id, param.param_value === RESET ? null : param.param_value);
      if (param.is_hidden) hidden.add(param.param_id); else hidden.delete(param.param_id);
    }
    const definitions = answer.definitions;
    const current = (d) => (values.has(d.id) && values.get(d.id) !== null ? values.get(d.id) : null);
    const shown = (d) => current(d) ?? d.default;

    const encoded = () => definitions.map((d) => {
      const param = { param_id: d.id, param_value: current(d) ?? RESET };
      if (hidden.has(d.id)) param.is_hidden = true;
      return param;
    });

    title.textContent = answer.title;
    const meta = el('p', { class: 'meta', id: 'token-meta' },
      'Token for user ', el('b', { id: 'token-user' }, answer.user), ' · page ', answer.pageId,
      ' · received by ', el('b', { id: 'token-via' }, via), ' · expires ', answer.expiresAt);

    const table = el('table', { id: 'current-params' }, el('tr', {}, el('th', {}, 'param'), el('th', {}, 'value (JSON)')));
    const refreshTable = () => {
      table.querySelectorAll('tr.value').forEach((row) => row.remove());
      for (const d of definitions) {
        const value = current(d);
        table.append(el('tr', { class: 'value' }, el('td', {}, d.key + (hidden.has(d.id) ? ' (hidden)' : '')),
          el('td', { 'data-param-value': d.key }, value === null ? '(default) ' + (d.default ?? '') : value)));
      }
    };

    const fields = el('div', { class: 'fields' });
    for (const d of definitions.filter((d) => !hidden.has(d.id))) {
      fields.append(field(d, shown(d), current(d) === null, (json) => {
        values.set(d.id, json);
        refreshTable();
        post({ type: 'PARAM_CHANGED', params: encoded() });
      }));
    }
    const hiddenList = el('p', { class: 'hidden-params' }, 'Set by the host and hidden from the form: ',
      definitions.filter((d) => hidden.has(d.id)).map((d) => d.key + ' = ' + (current(d) ?? '(default)')).join(', ') || 'none');

    const run = el('button', { id: 'run-all', type: 'button' }, 'Run all');
    const status = el('span', { id: 'run-status', class: 'meta' });
    run.addEventListener('click', () => {
      post({ type: 'EXECUTE_SQLS_TRIGGERED', params: encoded() });
      status.textContent = ' running…';
      setTimeout(() => {
        status.textContent = ' ran at ' + new Date().toLocaleTimeString();
        post({ type: 'EXECUTION_SUCCEEDED' });
      }, 300);
    });

    const form = el('details', { class: 'params', id: 'params-form', open: displayOptions.expandParamsFormByDefault === true },
      el('summary', {}, 'Parameters'), fields, el('p', {}, run, status));
    const sqlDisplay = displayOptions.sqlDisplay || 'SHOW';
    const sql = el('pre', { class: 'sql', id: 'sql' },
      'SELECT category, SUM(amount) AS revenue\nFROM orders\nWHERE ' +
      definitions.map((d) => d.key + ' = ' + (shown(d) ?? 'NULL')).join('\n  AND ') + '\nGROUP BY category');
    const result = el('table', { id: 'result' }, el('tr', {}, el('th', {}, 'category'), el('th', {}, 'revenue')),
      ...['Electronics', 'Garden', 'Toys'].map((c, i) => el('tr', {}, el('td', {}, c), el('td', {}, String(12000 - i * 3100)))));

    const parts = [meta, hiddenList];
    if (displayOptions.hideParamsForm !== true) parts.push(form);
    parts.push(el('h2', {}, 'Current parameters'), table);
    if (sqlDisplay === 'SHOW') parts.push(el('h2', {}, 'Query'), sql);
    if (sqlDisplay !== 'HIDE') parts.push(el('h2', {}, 'Result'), result);
    parts.push(el('p', { class: 'meta', id: 'display-options' }, 'displayOptions: ' + JSON.stringify(displayOptions)));
    content.replaceChildren(...parts);
    refreshTable();
  }

  // One form field for a param definition; calls onChange with the new JSON text, or null to reset.
  function field(d, json, isDefault, onChange) {
    const parsed = json === null || json === undefined ? null : safeParse(json);
    const wrap = el('div', { class: 'field' }, el('label', { for: 'param-' + d.key }, d.key));
    const text = (id, value, placeholder) => el('input', { type: 'text', id, value: value ?? '', placeholder });
    let inputs;
    let read;
    switch (d.datatype) {
      case 'BOOLEAN': {
        const box = el('input', { type: 'checkbox', id: 'param-' + d.key, checked: parsed === true });
        inputs = [box];
        read = () => JSON.stringify(box.checked);
        break;
      }
      case 'DATE_RANGE': {
        const range = Array.isArray(parsed) ? parsed : [];
        const start = text('param-' + d.key + '-start', range[0], 'YYYY-MM-DD');
        const end = text('param-' + d.key + '-end', range[1], 'YYYY-MM-DD');
        inputs = [start, end];
        read = () => {
          if (!start.value && !end.value) return null;
          if (!isDate(start.value) || !isDate(end.value)) throw new Error('dates are YYYY-MM-DD');
          return JSON.stringify([start.value, end.value]);
        };
        break;
      }
      case 'STRING_ARRAY': {
        const input = text('param-' + d.key, Array.isArray(parsed) ? parsed.join(', ') : '', 'a, b, c');
        inputs = [input];
        read = () => (input.value.trim() === '' ? null
          : JSON.stringify(input.value.split(',').map((s) => s.trim()).filter((s) => s !== '')));
        break;
      }
      case 'NUMBER': {
        const input = text('param-' + d.key, parsed === null ? '' : String(parsed), 'a number');
        inputs = [input];
        read = () => {
          if (input.value.trim() === '') return null;
          const number = Number(input.value);
          if (!Number.isFinite(number)) throw new Error('not a number');
          return JSON.stringify(number);
        };
        break;
      }
      case 'DATE': {
        const input = text('param-' + d.key, parsed, 'YYYY-MM-DD');
        inputs = [input];
        read = () => {
          if (input.value === '') return null;
          if (!isDate(input.value)) throw new Error('dates are YYYY-MM-DD');
          return JSON.stringify(input.value);
        };
        break;
      }
      default: {
        const input = text('param-' + d.key, typeof parsed === 'string' ? parsed : '', '');
        inputs = [input];
        read = () => (input.value === '' ? null : JSON.stringify(input.value));
      }
    }
    const marker = el('span', { class: 'default', hidden: !isDefault }, '(default)');
    for (const input of inputs) {
      input.dataset.paramId = d.id;
      input.addEventListener('change', () => {
        try {
          const value = read();
          inputs.forEach((i) => i.classList.remove('invalid'));
          marker.hidden = value !== null;
          onChange(value);
        } catch (error) {
          inputs.forEach((i) => i.classList.add('invalid'));
        }
      });
      wrap.append(input);
    }
    wrap.append(marker);
    return wrap;
  }

  function isDate(text) {
    return /^\d{4}-\d{2}-\d{2}$/.test(text);
  }

  function safeParse(json) {
    try {
      return JSON.parse(json);
    } catch (error) {
      return null;
    }
  }
})();
