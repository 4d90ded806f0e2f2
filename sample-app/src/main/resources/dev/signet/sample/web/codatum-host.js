// The host page's side of Codatum's postMessage protocol.
// Only messages whose origin is the embed's origin, from the notebook's own window, are read.
// Pattern 1: on READY_FOR_TOKEN, fetch SET_TOKEN (token, params, displayOptions) from this app's
// server and post it to the notebook, naming the embed's origin as the target (never "*").
// PARAM_CHANGED and EXECUTE_SQLS_TRIGGERED are forwarded to the server, one at a time, in order.
(() => {
  'use strict';
  const frame = document.getElementById('notebook');
  const embedOrigin = frame.dataset.embedOrigin;
  const events = document.getElementById('events');
  let forwarding = Promise.resolve();

  function log(kind, text) {
    const item = document.createElement('li');
    item.className = kind;
    item.dataset.kind = kind;
    item.textContent = text;
    events.append(item);
    events.scrollTop = events.scrollHeight;
  }

  window.addEventListener('message', (event) => {
    const type = event.data && typeof event.data.type === 'string' ? event.data.type : '(a message without a type)';
    if (event.origin !== embedOrigin) {
      log('ignored', 'ignored ' + type + ' from ' + event.origin + ': not the embed\'s origin');
      return;
    }
    if (event.source !== frame.contentWindow) {
      log('ignored', 'ignored ' + type + ': not from the notebook\'s frame');
      return;
    }
    log('received', '\u2190 ' + type);
    switch (type) {
      case 'READY_FOR_TOKEN':
        if (frame.dataset.pattern === '1') sendToken();
        break;
      case 'PARAM_CHANGED':
      case 'EXECUTE_SQLS_TRIGGERED':
        forward({ type, params: event.data.params });
        break;
      case 'EXECUTION_FAILED':
        log('error', 'the run failed: ' + event.data.errorMessage);
        break;
      default:
        break;
    }
  });

  async function sendToken() {
    try {
      const response = await fetch(frame.dataset.tokenUrl, { credentials: 'same-origin' });
      const answer = await response.json();
      if (!response.ok) throw new Error(answer.message || 'status ' + response.status);
      frame.contentWindow.postMessage(answer.message, embedOrigin);
      log('sent', '\u2192 SET_TOKEN to ' + embedOrigin + ' (token ' + (answer.reused ? 'of this session' : 'just issued')
        + ', expires ' + answer.expiresAt + '; ' + answer.message.params.length + ' params, displayOptions '
        + JSON.stringify(answer.message.displayOptions) + ')');
    } catch (error) {
      log('error', 'no token: ' + error.message);
    }
  }

  function forward(message) {
    forwarding = forwarding.then(async () => {
      const response = await fetch(frame.dataset.messagesUrl, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message),
      });
      const answer = await response.json();
      if (!response.ok) throw new Error(answer.message || 'status ' + response.status);
      log('saved', 'saved for you: ' + (answer.stored.map((p) => p.name + '=' + p.param_value).join(', ') || 'all defaults'));
    }).catch((error) => log('error', message.type + ' not saved: ' + error.message));
  }

  // Listening now: load the notebook.
  frame.src = frame.dataset.src;
})();
