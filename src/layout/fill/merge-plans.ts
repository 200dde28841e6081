import type { WritePlan } from '../write-plan';

/** Several plans as one (one file write, one undo entry), descriptions joined. */
export function mergePlans(plans: WritePlan[]): WritePlan {
  const styles = plans.flatMap((p) => p.styles ?? []);
  return {
    description: plans.map((p) => p.description).filter(Boolean).join(' '),
    createSheets: plans.flatMap((p) => p.createSheets),
    writes: plans.flatMap((p) => p.writes),
    ...(styles.length ? { styles } : {}),
  };
}
