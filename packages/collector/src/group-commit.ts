// Group commit: the receipts of requests that arrive within a few milliseconds of each other go
// to the database in one multi-row statement, and each request is answered when that statement
// has committed. One commit per window instead of one per request is what lets one PostgreSQL
// (or one single-session PGlite) take thousands of receipts a second.

/** How one item fared: stored now, or already stored before (a replay). */
export type Outcome = 'stored' | 'duplicate';

/** Options of {@link createGroupCommit}. */
export interface GroupCommitOptions<T> {
  /** Stores items with distinct ids in one transaction; resolves with the ids it stored now. */
  commit(items: T[]): Promise<Set<string>>;
  /** The identity an item is deduplicated on. */
  id(item: T): string;
  /** How long the first item of a group waits for others. Default 2 ms. */
  windowMs?: number;
  /** Items in one statement at most; a full group goes at once. Default 500. */
  maxItems?: number;
  /** Statements in flight at once (the pool size; 1 for PGlite). Default 1. */
  parallel?: number;
}

/** Queues the items of one request; resolves, in the same order, once they are committed. */
export interface GroupCommit<T> {
  submit(items: readonly T[]): Promise<Outcome[]>;
  /** Resolves when everything submitted so far has been committed (or has failed). */
  drain(): Promise<void>;
}

interface Waiting<T> {
  items: readonly T[];
  resolve(outcomes: Outcome[]): void;
  reject(error: unknown): void;
}

/** Creates a group commit over `options.commit`. */
export function createGroupCommit<T>(options: GroupCommitOptions<T>): GroupCommit<T> {
  const windowMs = options.windowMs ?? 2;
  const maxItems = options.maxItems ?? 500;
  const parallel = options.parallel ?? 1;
  const queue: Waiting<T>[] = [];
  let queued = 0;
  let inFlight = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle: (() => void)[] = [];

  const settle = (group: Waiting<T>[], stored: Set<string>) => {
    // Ids seen earlier in this group: a key sent twice at once is stored once, then a duplicate.
    const seen = new Set<string>();
    for (const waiting of group)
      waiting.resolve(
        waiting.items.map((item) => {
          const id = options.id(item);
          const first = stored.has(id) && !seen.has(id);
          seen.add(id);
          return first ? 'stored' : 'duplicate';
        }),
      );
  };

  const run = async (group: Waiting<T>[]) => {
    const unique = new Map<string, T>();
    for (const waiting of group)
      for (const item of waiting.items) if (!unique.has(options.id(item))) unique.set(options.id(item), item);
    try {
      settle(group, await options.commit([...unique.values()]));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      // One request's bad data must not fail the others of its group: each goes again alone.
      await Promise.all(group.map((waiting) => run([waiting])));
    }
  };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    while (queue.length && inFlight < parallel) {
      const group: Waiting<T>[] = [];
      let size = 0;
      while (queue.length && (size === 0 || size + queue[0]!.items.length <= maxItems)) {
        const next = queue.shift()!;
        size += next.items.length;
        group.push(next);
      }
      queued -= size;
      inFlight++;
      void run(group).finally(() => {
        inFlight--;
        // Whatever queued during the commit has waited long enough: send it now.
        if (queue.length) flush();
        else if (inFlight === 0) for (const done of idle.splice(0)) done();
      });
    }
  };

  return {
    submit(items) {
      if (!items.length) return Promise.resolve([]);
      return new Promise<Outcome[]>((resolve, reject) => {
        queue.push({ items, resolve, reject });
        queued += items.length;
        if (queued >= maxItems) flush();
        else timer ??= setTimeout(flush, windowMs);
      });
    },
    drain() {
      if (!queue.length && inFlight === 0) return Promise.resolve();
      return new Promise<void>((done) => {
        idle.push(done);
        flush();
      });
    },
  };
}
