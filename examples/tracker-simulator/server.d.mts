/** One logged request to a fake third party. */
export interface Hit {
  n: number;
  time: string;
  method: string;
  path: string;
  category: 'analytics' | 'advertising' | 'pixels' | 'embed';
  page: string;
  cookies: string;
}

export interface TrackerSimulator {
  port: number;
  url: string;
  hits: Hit[];
  reset(): void;
  close(): Promise<void>;
}

export const CATEGORY_OF_PREFIX: Readonly<Record<string, Hit['category']>>;
export function categoryOf(pathname: string): Hit['category'] | undefined;
export function startTrackerSimulator(options?: {
  port?: number;
  host?: string;
  quiet?: boolean;
}): Promise<TrackerSimulator>;
