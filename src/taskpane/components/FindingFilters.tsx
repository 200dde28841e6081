import { Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../domain/finding';
import { SEVERITIES, SEVERITY_LABELS } from '../findings-view';

const useStyles = makeStyles({
  filters: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  // A native select is as wide as its longest option (rule titles are long): keep it in the pane.
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
  selectInner: { minWidth: 0, textOverflow: 'ellipsis' },
  severities: { display: 'flex', flexWrap: 'wrap' },
});

export interface FindingFiltersProps {
  rules: { id: string; title: string }[];
  rule: string | null;
  severities: ReadonlySet<Severity>;
  counts: Record<Severity, number>;
  onRule(rule: string | null): void;
  onToggleSeverity(s: Severity): void;
}

export function FindingFilters(p: FindingFiltersProps) {
  const s = useStyles();
  return (
    <div className={s.filters}>
      <Field label="Règle">
        <Select className={s.select} select={{ className: s.selectInner }} value={p.rule ?? ''} onChange={(_e, d) => p.onRule(d.value === '' ? null : d.value)}>
          <option value="">Toutes les règles</option>
          {p.rules.map((r) => (
            <option key={r.id} value={r.id}>
              {r.id} — {r.title}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.severities} role="group" aria-label="Gravité">
        {SEVERITIES.map((sev) => (
          <Checkbox
            key={sev}
            checked={p.severities.has(sev)}
            onChange={() => p.onToggleSeverity(sev)}
            label={`${SEVERITY_LABELS[sev].many[0].toUpperCase()}${SEVERITY_LABELS[sev].many.slice(1)} (${p.counts[sev]})`}
          />
        ))}
      </div>
    </div>
  );
}
