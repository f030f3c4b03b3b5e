// The Consent log page: reads the receipts collector's admin API (GET /v1/stats for the chart and
// totals, GET /v1/consents/:id for one consent's timeline). Where the collector is and its token
// come from `?collector=` / the form (the owner pastes them), or, when examples/serve.mjs serves
// this page on 127.0.0.1, from its /examples/collector.json. Everything from the API is rendered
// as text (textContent), never as HTML.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './style.css';
import './log.css';

/** One row of GET /v1/stats. */
interface StatsRow {
  day: string;
  category: string;
  shown: number;
  accepted: number;
  rejected: number;
  customised: number;
  withdrawn: number;
}

/** The part of a stored receipt the timeline shows. */
interface StoredReceipt {
  seq: number;
  timestamp: string;
  receivedAt: string;
  action: string;
  via: string;
  apiMethod?: string;
  choices: Record<string, boolean>;
  policyVersion: string;
  locale: string;
  gpc: boolean;
  guardian: boolean;
}

interface Connection {
  url: string;
  token: string;
}

const SAVED = 'consentgate-log-connection';
const DAY = 24 * 60 * 60 * 1000;
// Distinct at WCAG contrast on white; `necessary` is always granted and not charted.
const COLOURS = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d'];
const ACTIONS: Record<string, string> = {
  'accept-all': 'Accepted all',
  'reject-all': 'Rejected all',
  custom: 'Chose per category',
  reset: 'Reset (forgotten)',
};

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const urlInput = byId<HTMLInputElement>('collector-url');
const tokenInput = byId<HTMLInputElement>('collector-token');
const status = byId('status');
const fromInput = byId<HTMLInputElement>('from');
const toInput = byId<HTMLInputElement>('to');
const chartBox = byId('chart');
let connection: Connection | undefined;
let plot: uPlot | undefined;

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

async function api<T>(path: string): Promise<T> {
  if (!connection) throw new Error('not connected');
  const response = await fetch(new URL(path, connection.url), {
    headers: { authorization: `Bearer ${connection.token}` },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw Object.assign(new Error(body.message ?? response.statusText), { status: response.status });
  }
  return (await response.json()) as T;
}

async function connect(next: Connection) {
  connection = { url: next.url.replace(/\/+$/, ''), token: next.token };
  status.textContent = 'Connecting…';
  status.className = '';
  try {
    await api('/v1/stats?from=2000-01-01&to=2000-01-01');
    sessionStorage.setItem(SAVED, JSON.stringify(connection));
    status.textContent = `Connected to ${connection.url}`;
    await showStats();
  } catch (error) {
    status.textContent = `Could not read the collector: ${(error as Error).message}`;
    status.className = 'error';
  }
}

async function showStats() {
  const from = fromInput.value;
  const to = toInput.value;
  const { rows, categories } = await api<{ rows: StatsRow[]; categories: string[] }>(
    `/v1/stats?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
  const charted = categories.filter((id) => id !== 'necessary');
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY)
    days.push(isoDay(t));
  const at = new Map(rows.map((row) => [`${row.day} ${row.category}`, row]));
  const share = (row: StatsRow | undefined) =>
    row && row.accepted + row.rejected > 0 ? (100 * row.accepted) / (row.accepted + row.rejected) : null;
  const data: uPlot.AlignedData = [
    days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000),
    ...charted.map((id) => days.map((day) => share(at.get(`${day} ${id}`)))),
  ];
  drawChart(data, charted);
  fillTotals(rows, charted);
  const shownPerDay = new Map(rows.map((row) => [row.day, row.shown]));
  const shown = [...shownPerDay.values()].reduce((a, b) => a + b, 0);
  byId('shown').textContent = `Banners, notices and preference dialogs shown in the range: ${shown}.`;
}

function drawChart(data: uPlot.AlignedData, categories: string[]) {
  plot?.destroy();
  const options: uPlot.Options = {
    width: Math.max(chartBox.clientWidth, 280),
    height: 260,
    scales: { x: { time: true }, y: { range: [0, 100] } },
    axes: [{}, { values: (_plot, ticks) => ticks.map((tick) => `${tick}%`) }],
    series: [
      { label: 'Day', value: (_plot, seconds) => (seconds == null ? '—' : isoDay(seconds * 1000)) },
      ...categories.map((id, index) => ({
        label: id,
        stroke: COLOURS[index % COLOURS.length],
        width: 2,
        points: { show: true, size: 6 },
        value: (_plot: uPlot, share: number | null) => (share == null ? '—' : `${share.toFixed(0)}%`),
      })),
    ],
  };
  plot = new uPlot(options, data, chartBox);
}

function fillTotals(rows: StatsRow[], categories: string[]) {
  const body = byId<HTMLTableElement>('totals').tBodies[0]!;
  body.replaceChildren();
  for (const id of categories) {
    const mine = rows.filter((row) => row.category === id);
    const sum = (key: 'accepted' | 'rejected' | 'customised' | 'withdrawn') =>
      mine.reduce((total, row) => total + row[key], 0);
    const accepted = sum('accepted');
    const rejected = sum('rejected');
    const tr = element('tr');
    tr.append(
      element('th', id),
      element('td', String(accepted)),
      element('td', String(rejected)),
      element('td', accepted + rejected ? `${Math.round((100 * accepted) / (accepted + rejected))}%` : '—'),
      element('td', String(sum('customised'))),
      element('td', String(sum('withdrawn'))),
    );
    tr.firstElementChild!.setAttribute('scope', 'row');
    body.append(tr);
  }
}

async function lookUp(consentId: string) {
  const timeline = byId('timeline');
  const note = byId('lookup-status');
  timeline.replaceChildren();
  note.textContent = 'Looking up…';
  try {
    const { receipts } = await api<{ receipts: StoredReceipt[] }>(
      `/v1/consents/${encodeURIComponent(consentId)}`,
    );
    note.textContent = `${receipts.length} receipt${receipts.length === 1 ? '' : 's'} for ${consentId}, oldest first.`;
    for (const receipt of receipts) timeline.append(timelineItem(receipt));
  } catch (error) {
    const code = (error as { status?: number }).status;
    note.textContent = code === 404 ? `No receipt for consent id ${consentId}.` : (error as Error).message;
  }
}

function timelineItem(receipt: StoredReceipt): HTMLLIElement {
  const item = element('li');
  const when = element('time', new Date(receipt.timestamp).toLocaleString());
  when.dateTime = receipt.timestamp;
  const head = element('div', undefined, 'when');
  head.append(when, element('span', ` · #${receipt.seq}`));
  const via = receipt.apiMethod ? `${receipt.via} (${receipt.apiMethod})` : receipt.via;
  const what = element('div', `${ACTIONS[receipt.action] ?? receipt.action} · via ${via}`, 'what');
  const choices = element('ul', undefined, 'choices');
  choices.setAttribute('aria-label', 'Choices');
  for (const [id, granted] of Object.entries(receipt.choices))
    choices.append(element('li', `${id}: ${granted ? 'granted' : 'denied'}`, granted ? 'on' : 'off'));
  const flags = [receipt.gpc ? 'GPC signal' : '', receipt.guardian ? 'by a guardian' : ''].filter(Boolean);
  const meta = element(
    'div',
    `Policy version ${receipt.policyVersion} · ${receipt.locale}${flags.length ? ` · ${flags.join(' · ')}` : ''} · received ${new Date(receipt.receivedAt).toLocaleString()}`,
    'meta',
  );
  item.append(head, what, choices, meta);
  return item;
}

// Where the collector is: the query, this tab's saved connection, or examples/serve.mjs.
async function discover(): Promise<Partial<Connection>> {
  const query = new URLSearchParams(location.search).get('collector');
  const saved = JSON.parse(sessionStorage.getItem(SAVED) ?? 'null') as Connection | null;
  if (query) return { url: query, token: saved?.url === query ? saved.token : undefined };
  if (saved) return saved;
  try {
    const response = await fetch('/examples/collector.json', { cache: 'no-store' });
    if (response.ok) return (await response.json()) as Connection;
  } catch {
    // Not served by examples/serve.mjs: the owner fills the form.
  }
  return {};
}

const today = Date.now();
toInput.value = isoDay(today);
fromInput.value = isoDay(today - 29 * DAY);

byId('connect').addEventListener('submit', (event) => {
  event.preventDefault();
  void connect({ url: urlInput.value, token: tokenInput.value });
});
byId('range').addEventListener('submit', (event) => {
  event.preventDefault();
  if (connection) void showStats().catch((error) => (status.textContent = (error as Error).message));
});
byId('lookup').addEventListener('submit', (event) => {
  event.preventDefault();
  const id = byId<HTMLInputElement>('consent-id').value.trim();
  if (id) void lookUp(id);
});
new ResizeObserver(() => plot?.setSize({ width: Math.max(chartBox.clientWidth, 280), height: 260 })).observe(
  chartBox,
);

const found = await discover();
if (found.url) urlInput.value = found.url;
if (found.token) tokenInput.value = found.token;
if (found.url && found.token) await connect({ url: found.url, token: found.token });
