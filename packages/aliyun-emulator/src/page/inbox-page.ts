// The inbox web page served at `/`: one self-contained HTML document (no external assets, so
// it works offline), which lists the messages from `/_emulator/messages` and adds new ones live
// from the Server-Sent Events at `/_emulator/events`.

const styles = `
:root { color-scheme: light dark; --fg: #1d2330; --muted: #667085; --bg: #f4f5f7; --card: #fff;
  --line: #e3e6eb; --accent: #ff6a00; --china: #c8102e; --overseas: #1f6feb; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e8ec; --muted: #98a2b3; --bg: #0f1115;
  --card: #191c22; --line: #2a2f38; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC",
  "Microsoft YaHei", sans-serif; color: var(--fg); background: var(--bg); }
header { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: .5rem 1rem;
  align-items: center; padding: .75rem 1rem; background: var(--card); border-bottom: 1px solid var(--line); }
h1 { margin: 0; font-size: 1.1rem; flex: 1 1 auto; }
h1 small { color: var(--muted); font-weight: normal; }
#status { font-size: .85rem; color: var(--muted); }
#status::before { content: ""; display: inline-block; width: .6em; height: .6em; margin-right: .35em;
  border-radius: 50%; background: var(--muted); }
#status.live::before { background: #12b76a; }
.tools { display: flex; gap: .5rem; width: 100%; }
input, button { font: inherit; padding: .45rem .7rem; border: 1px solid var(--line); border-radius: .5rem;
  background: var(--bg); color: var(--fg); }
input { flex: 1 1 auto; min-width: 0; }
button { cursor: pointer; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
ol { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem; }
li { background: var(--card); border: 1px solid var(--line); border-radius: .75rem; padding: .85rem 1rem; }
li.new { animation: arrive 1.2s ease-out; }
@keyframes arrive { from { border-color: var(--accent); box-shadow: 0 0 0 3px color-mix(in srgb, var(--accent) 35%, transparent); } }
.to { display: flex; flex-wrap: wrap; gap: .25rem .6rem; align-items: baseline; }
.phone { font-weight: 600; font-variant-numeric: tabular-nums; }
.route { font-size: .75rem; padding: 0 .45rem; border-radius: 1rem; color: #fff; }
.route.china { background: var(--china); } .route.overseas { background: var(--overseas); }
time { margin-left: auto; color: var(--muted); font-size: .85rem; }
.text { margin: .4rem 0; font-size: 1.05rem; overflow-wrap: anywhere; }
.meta { display: flex; flex-wrap: wrap; gap: .15rem .9rem; color: var(--muted); font-size: .8rem; overflow-wrap: anywhere; }
.empty { text-align: center; color: var(--muted); padding: 3rem 1rem; }
`;

const script = `
const list = document.getElementById('messages');
const empty = document.getElementById('empty');
const status = document.getElementById('status');
const filter = document.getElementById('filter');
const messages = [];

const digits = (value) => value.replace(/\\D/g, '');
const matches = (message) => {
  const wanted = digits(filter.value);
  return wanted === '' || digits(message.phone).includes(wanted) || digits(message.phoneNumbers).includes(wanted);
};
const element = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};
const card = (message, isNew) => {
  const item = element('li', isNew ? 'new' : '');
  item.dataset.id = message.id;
  const to = element('div', 'to');
  to.append(element('span', 'phone', message.phone),
    element('span', 'route ' + message.route, message.route === 'china' ? 'China' : 'Overseas'));
  const time = element('time', '', new Date(message.receivedAt).toLocaleString());
  time.dateTime = message.receivedAt;
  to.append(time);
  const meta = element('div', 'meta');
  meta.append(element('span', '', 'Sign: ' + message.signName),
    element('span', '', 'Template: ' + message.templateCode),
    element('span', '', 'BizId: ' + message.bizId));
  if (message.outId) meta.append(element('span', '', 'OutId: ' + message.outId));
  item.append(to, element('p', 'text', message.text), meta);
  return item;
};
const render = () => {
  list.replaceChildren(...messages.filter(matches).map((message) => card(message, false)));
  empty.hidden = list.childElementCount > 0;
  document.title = (messages.length ? '(' + messages.length + ') ' : '') + 'SMS inbox · smskit emulator';
};
const arrive = (message) => {
  messages.unshift(message);
  if (matches(message)) list.prepend(card(message, true));
  empty.hidden = list.childElementCount > 0;
  document.title = '(' + messages.length + ') SMS inbox · smskit emulator';
};

filter.addEventListener('input', render);
document.getElementById('clear').addEventListener('click', () => {
  fetch('/_emulator/messages', { method: 'DELETE' });
});

const connect = () => {
  const events = new EventSource('/_emulator/events');
  events.addEventListener('open', async () => {
    status.textContent = 'Live';
    status.className = 'live';
    const response = await fetch('/_emulator/messages');
    messages.splice(0, messages.length, ...(await response.json()));
    render();
  });
  events.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    if (!messages.some((known) => known.id === message.id)) arrive(message);
  });
  events.addEventListener('clear', () => {
    messages.length = 0;
    render();
  });
  events.addEventListener('error', () => {
    status.textContent = 'Reconnecting…';
    status.className = '';
  });
};
connect();
`;

/** The inbox page. */
export const inboxPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SMS inbox · smskit emulator</title>
<style>${styles}</style>
</head>
<body>
<header>
  <h1>SMS inbox <small>Aliyun SMS emulator</small></h1>
  <span id="status">Connecting…</span>
  <div class="tools">
    <input id="filter" type="search" inputmode="tel" placeholder="Filter by number" aria-label="Filter by number">
    <button id="clear" type="button">Clear</button>
  </div>
</header>
<main>
  <ol id="messages" aria-live="polite"></ol>
  <p id="empty" class="empty">No messages yet. Messages sent to this emulator appear here as they arrive.</p>
</main>
<script>${script}</script>
</body>
</html>
`;
