export interface TestPostgres {
  url: string;
  dir: string;
  stop(): void;
}
export function findPostgresBin(): string | null;
export function startPostgres(): Promise<TestPostgres>;
export function stopPostgres(dir: string): void;
