// The stand-in Metabase dashboard's appearance options. Metabase's embed page reads them from
// its URL's fragment (#bordered=true&titled=true&theme=night), which the browser never sends to a
// server: they are not signed, and anyone holding the URL can change them. This script lists them
// as received, apart from the verified claims, and applies those that only change how the page
// looks. Text is set with textContent, never as markup.
(() => {
  'use strict';
  const root = document.getElementById('dashboard');
  const table = document.getElementById('appearance');
  const none = document.getElementById('appearance-none');
  const options = new URLSearchParams(window.location.hash.slice(1));
  let count = 0;
  for (const [name, value] of options) {
    const row = table.insertRow();
    const label = document.createElement('th');
    label.textContent = name;
    row.append(label);
    const cell = row.insertCell();
    cell.dataset.option = name;
    cell.textContent = value;
    count++;
  }
  table.hidden = count === 0;
  none.hidden = count > 0;
  root.classList.toggle('bordered', options.get('bordered') === 'true');
  document.getElementById('welcome').hidden = options.get('titled') === 'false';
  const theme = options.get('theme');
  if (theme === 'night' || theme === 'transparent') {
    root.dataset.theme = theme;
  }
})();
