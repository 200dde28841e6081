import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Finding, Severity } from '../../domain/finding';
import { RULES } from '../../domain/rules/catalogue';
import { SEVERITIES, countBySeverity, countLabel, groupFindings, rulesOf } from '../findings-view';
import { FindingFilters } from './FindingFilters';
import { FindingItem } from './FindingItem';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sheet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  severity: { color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXS },
});

const TITLES = new Map(RULES.map((r) => [r.id, r.title]));

export function FindingsPanel({ findings, onSelect }: { findings: Finding[]; onSelect(f: Finding): void }) {
  const s = useStyles();
  const [rule, setRule] = useState<string | null>(null);
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(new Set(SEVERITIES));
  const [selected, setSelected] = useState<Finding | null>(null);
  const groups = useMemo(() => groupFindings(findings, { rule, severities }), [findings, rule, severities]);
  const counts = countBySeverity(findings);
  const rules = rulesOf(findings).map((id) => ({ id, title: TITLES.get(id) ?? id }));
  const toggle = (sev: Severity) => {
    const next = new Set(severities);
    if (next.has(sev)) next.delete(sev);
    else next.add(sev);
    setSeverities(next);
  };

  return (
    <section className={s.panel} aria-label="Constats">
      <Subtitle2 as="h2">
        Constats : {SEVERITIES.map((sev) => countLabel(counts[sev], sev)).join(', ')}
      </Subtitle2>
      <FindingFilters rules={rules} rule={rule} severities={severities} counts={counts} onRule={setRule} onToggleSeverity={toggle} />
      {groups.length === 0 && <Text>Aucun constat pour ces filtres.</Text>}
      {groups.map((g) => (
        <div key={g.sheet} className={s.sheet}>
          <Text weight="semibold" as="h3">
            {g.sheet === '' ? 'Classeur entier' : `Feuille « ${g.sheet} »`} — {g.count} constat{g.count > 1 ? 's' : ''}
          </Text>
          {g.bySeverity.map((sg) => (
            <div key={sg.severity}>
              <Text size={200} className={s.severity} as="h4">
                {countLabel(sg.findings.length, sg.severity)}
              </Text>
              <ul className={s.list}>
                {sg.findings.map((f, i) => (
                  <li key={`${f.rule}-${f.cell}-${i}`}>
                    <FindingItem
                      finding={f}
                      selected={selected === f}
                      onSelect={(x) => {
                        setSelected(x);
                        onSelect(x);
                      }}
                    />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
