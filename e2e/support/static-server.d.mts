import type { Server } from 'node:http';

/** Serves files below `root` on `host:port` (`port: 0` picks a free one); resolves once listening. */
export function serveStatic(options: {
  root: string;
  port?: number;
  host?: string;
  headers?: (path: string) => Record<string, string>;
}): Promise<Server>;
