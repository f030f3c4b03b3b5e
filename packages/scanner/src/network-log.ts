// Everything one browser context sends, as Playwright sees it (every frame, out-of-process ones
// included), with the stage it was sent in; the Set-Cookie headers of the answers; and a wait
// for the network to go quiet. Effects: listens on a Playwright context.
import type { BrowserContext, Request } from 'playwright-core';
import type { Stage } from './types';

/** One request the context sent. */
export interface LoggedRequest {
  request: Request;
  url: string;
  /** When the browser sent it (epoch ms, Chromium's wall time). */
  sentAt: number;
  /** The frame that sent it, when not the page's main frame (its URL when it sent it). */
  frame?: string;
  status?: number;
  failure?: string;
}

/** A `Set-Cookie` header seen on a response. */
export interface HeaderCookie {
  name: string;
  /** The `Domain` attribute (without a leading dot), or the response's host for a host-only cookie. */
  domain: string;
  url: string;
}

export interface NetworkLog {
  /**
   * Requests sent from `at` (epoch ms, the page's clock) on belong to `stage`. By time, not by
   * arrival: the browser's events reach Node late on a busy machine, and a request sent just
   * before "reject all" must not count as sent after it.
   */
  mark(stage: Stage, at: number): void;
  /** The stage a request sent at `sentAt` belongs to. */
  stageOf(entry: LoggedRequest): Stage;
  readonly requests: LoggedRequest[];
  /** Set-Cookie headers of every response so far (waits for the headers still being read). */
  headerCookies(): Promise<HeaderCookie[]>;
  /**
   * Resolves `true` once no request is open (unanswered) and none started or was answered for
   * `quietMs`; `false`
   * at `deadline` (epoch ms) or when `signal` aborts. Requests still open then are "hanging":
   * later waits ignore them, so one endless request does not make every later step time out.
   */
  waitForQuiet(quietMs: number, deadline: number, signal?: AbortSignal): Promise<boolean>;
  /** URLs of the requests open when the last wait gave up. */
  readonly hanging: string[];
  /** Which frame counts as the page (requests from it carry no `frame`). */
  setMainFrame(frame: unknown): void;
}

/** Starts logging `context` (call before opening its page). */
export function createNetworkLog(context: BrowserContext): NetworkLog {
  const requests: LoggedRequest[] = [];
  const byRequest = new Map<Request, LoggedRequest>();
  const open = new Set<Request>();
  const hanging = new Set<Request>();
  const headers: Array<Promise<HeaderCookie[]>> = [];
  let lastActivity = Date.now();
  let mainFrame: unknown;

  const marks: Array<{ stage: Stage; at: number }> = [{ stage: 'load', at: 0 }];
  const log: NetworkLog = {
    mark(stage, at) {
      marks.push({ stage, at });
    },
    stageOf(entry) {
      let stage: Stage = 'load';
      for (const mark of marks) if (mark.at <= entry.sentAt) stage = mark.stage;
      return stage;
    },
    requests,
    hanging: [],
    setMainFrame(frame) {
      mainFrame = frame;
    },
    async headerCookies() {
      // Reading headers waits for Chromium's "extra info" event; never wait on it forever.
      const all = await Promise.all(headers.map((p) => withTimeout(p, 2000, [])));
      return all.flat();
    },
    async waitForQuiet(quietMs, deadline, signal) {
      for (;;) {
        const now = Date.now();
        const busy = [...open].some((request) => !hanging.has(request));
        if (!busy && now - lastActivity >= quietMs) return true;
        if (now >= deadline || signal?.aborted) {
          for (const request of open) hanging.add(request);
          log.hanging.splice(0, Infinity, ...[...hanging].map((request) => request.url()));
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };

  context.on('request', (request) => {
    lastActivity = Date.now();
    open.add(request);
    const entry: LoggedRequest = {
      request,
      url: request.url(),
      sentAt: sentAt(request),
      ...senderOf(request, mainFrame),
    };
    requests.push(entry);
    byRequest.set(request, entry);
  });
  const done = (request: Request) => {
    lastActivity = Date.now();
    open.delete(request);
    hanging.delete(request);
  };
  context.on('response', (response) => {
    const request = response.request();
    const entry = byRequest.get(request);
    if (entry) entry.status = response.status();
    // Answered is done: Chromium never reports a fetch finished whose body the page does not
    // read (a `no-cors` beacon-style fetch), and a stream (EventSource) is not new traffic.
    done(request);
    // The URL the page asked for (a --map-host route answers from another).
    const url = entry?.url ?? response.url();
    headers.push(
      response.headersArray().then(
        (list) =>
          list
            .filter((header) => header.name.toLowerCase() === 'set-cookie')
            .flatMap((header) => header.value.split('\n'))
            .map((line) => parseSetCookie(line, url))
            .filter((cookie): cookie is HeaderCookie => cookie !== undefined),
        () => [],
      ),
    );
  });
  context.on('requestfinished', done);
  context.on('requestfailed', (request) => {
    const entry = byRequest.get(request);
    if (entry) entry.failure = request.failure()?.errorText ?? 'failed';
    done(request);
  });
  return log;
}

// Chromium's wall time of the request (`timing().startTime`); the time it reached Node when
// Chromium gave none.
function sentAt(request: Request): number {
  const start = request.timing().startTime;
  return start > 0 ? start : Date.now();
}

function senderOf(request: Request, mainFrame: unknown): { frame?: string } {
  try {
    const frame = request.frame();
    // A frame's own document is sent by its parent.
    const sender = request.isNavigationRequest() ? frame.parentFrame() : frame;
    return sender && sender !== mainFrame ? { frame: sender.url() } : {};
  } catch {
    // Service-worker requests have no frame.
    return {};
  }
}

/** The cookie a `Set-Cookie` header line sets: its name and domain. */
export function parseSetCookie(line: string, responseUrl: string): HeaderCookie | undefined {
  const [pair, ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  const name = (eq < 0 ? '' : pair.slice(0, eq)).trim();
  if (!name) return undefined;
  let domain: string;
  try {
    domain = new URL(responseUrl).hostname;
  } catch {
    return undefined;
  }
  for (const attribute of attributes) {
    const [key, value = ''] = attribute.split('=');
    if (key.trim().toLowerCase() === 'domain' && value.trim())
      domain = value.trim().replace(/^\./, '').toLowerCase();
  }
  return { name, domain, url: responseUrl };
}

/** `promise`, or `fallback` after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(fallback), ms);
    }),
  ]);
}
