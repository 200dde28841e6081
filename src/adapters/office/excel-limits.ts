/**
 * Excel's limits the adapter keeps within (sources in docs/addin-limits.md):
 * - Excel on the web refuses requests and responses above 5 MB (RequestPayloadSizeLimitExceeded,
 *   ResponsePayloadSizeLimitExceeded); we aim at 4 MB, our estimate of Office.js's envelope being ours;
 * - "a range is limited to 5,000,000 cells for read operations" (RangeExceedsLimit);
 * - Range.getMergedAreasOrNullObject fails when the range holds more than 512 merged areas;
 * - a round trip that does not answer (known Excel-on-the-web hangs) must not spin for ever.
 */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;
export const READ_CELLS_LIMIT = 5_000_000;
export const MERGED_AREAS_LIMIT = 512;
/** A round trip slower than this is taken as lost (the largest reads take seconds, not minutes). */
export const SYNC_TIMEOUT_MS = 90_000;
