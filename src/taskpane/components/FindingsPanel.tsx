import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Finding, Severity } from '../../domain/finding';
import { RULES } from '../../domain/rules/catalogue';
import { SEVERITIES, countBySeverity, countLabel, groupFindings, rulesOf } from '../findings-view';
import { count } from '../pane-text';
import { FindingFilters } from './FindingFilters';
import { FindingItem } from './FindingItem';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  next: { alignSelf: 'flex-start' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  severity: { display: 'block', color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}` },
  header: { minWidth: 0 },
});

const TITLES = new Map(RULES.map((r) => [r.id, r.title]));

/**
 * The findings, one collapsible group per sheet (in the workbook's order, whole-workbook findings
 * first), by severity inside. « Constat suivant » walks them in that order: it opens the group,
 * brings the card into view and shows its cell in Excel.
 */
export function FindingsPanel({ findings, onSelect }: { findings: Finding[]; onSelect(f: Finding): void }) {
  const s = useStyles();
  const [rule, setRule] = useState<string | null>(null);
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(new Set(SEVERITIES));
  const [selected, setSelected] = useState<Finding | null>(null);
  const groups = useMemo(() => groupFindings(findings, { rule, severities }), [findings, rule, severities]);
  const [open, setOpen] = useState<string[]>(() => (groups[0] ? [groups[0].sheet] : []));
  const order = useMemo(() => groups.flatMap((g) => g.bySeverity.flatMap((sg) => sg.findings)), [groups]);
  const cards = useRef(new Map<Finding, HTMLButtonElement>());
  // The card to bring into view and focus, once its group's panel has mounted it.
  const pending = useRef<Finding | null>(null);
  const reveal = (card: HTMLButtonElement) => {
    card.scrollIntoView?.({ block: 'nearest' });
    card.focus({ preventScroll: true });
    pending.current = null;
  };
  const counts = countBySeverity(findings);
  const rules = rulesOf(findings).map((id) => ({ id, title: TITLES.get(id) ?? id }));

  const choose = (f: Finding) => {
    pending.current = f;
    setSelected(f);
    setOpen((o) => (o.includes(f.sheet) ? o : [...o, f.sheet]));
    onSelect(f);
  };
  const next = () => {
    if (order.length === 0) return;
    const i = selected ? order.indexOf(selected) : -1;
    choose(order[(i + 1) % order.length]);
  };
  useEffect(() => {
    const card = pending.current ? cards.current.get(pending.current) : undefined;
    if (card) reveal(card);
  }, [selected, open]);
  const toggle = (sev: Severity) => {
    const nextSet = new Set(severities);
    if (nextSet.has(sev)) nextSet.delete(sev);
    else nextSet.add(sev);
    setSeverities(nextSet);
  };

  return (
    <div className={s.panel}>
      <Subtitle2 as="h2">Constats : {SEVERITIES.map((sev) => countLabel(counts[sev], sev)).join(', ')}</Subtitle2>
      <FindingFilters rules={rules} rule={rule} severities={severities} counts={counts} onRule={setRule} onToggleSeverity={toggle} />
      <Button className={s.next} onClick={next} disabled={order.length === 0}>
        Constat suivant
      </Button>
      {groups.length === 0 && <Text>Aucun constat pour ces filtres.</Text>}
      <Accordion multiple collapsible openItems={open} onToggle={(_e, d) => setOpen(d.openItems as string[])}>
        {groups.map((g) => (
          <AccordionItem key={g.sheet} value={g.sheet}>
            <AccordionHeader as="h3" className={s.header}>
              {g.sheet === '' ? 'Classeur entier' : `Feuille « ${g.sheet} »`} — {count(g.count, 'constat', 'constats')}
            </AccordionHeader>
            <AccordionPanel>
              {g.bySeverity.map((sg) => (
                <div key={sg.severity}>
                  <Text size={200} className={s.severity} as="h4">
                    {countLabel(sg.findings.length, sg.severity)}
                  </Text>
                  <ul className={s.list}>
                    {sg.findings.map((f, i) => (
                      <li key={`${f.rule}-${f.cell}-${i}`}>
                        <FindingItem
                          ref={(el) => {
                            if (!el) return void cards.current.delete(f);
                            cards.current.set(f, el);
                            if (pending.current === f) reveal(el);
                          }}
                          finding={f}
                          selected={selected === f}
                          onSelect={choose}
                        />
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
