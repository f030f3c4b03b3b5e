export type { IpMode, UserAgentFamily } from './client-info';
export { truncateIp, userAgentFamily } from './client-info';
export type { Collector, CollectorOptions } from './collector';
export { createCollector } from './collector';
export type { DatabaseOptions, Db, Queryable, QueryResult } from './db';
export { openDatabase } from './db';
export type { GroupCommit, GroupCommitOptions, Outcome } from './group-commit';
export { createGroupCommit } from './group-commit';
export type { Migration } from './migrations';
export { MIGRATIONS, migrate } from './migrations';
export type { RetentionResult } from './partitions';
export {
  applyRetention,
  ensurePartitions,
  monthStart,
  PARTITIONED_TABLES,
  partitionName,
} from './partitions';
export { bodySchema, decisionSchema, MAX_BATCH, shownSchema } from './receipt-schema';
export { categoriesOfSiteConfig, DEFAULT_CATEGORY_IDS } from './site-categories';
export type { StatsRow, StoredReceipt, StoredShownEvent, TimeRange } from './store';
export { consentReceipts, dailyStats, exportItems } from './store';
export { validationMessage } from './validation-message';
