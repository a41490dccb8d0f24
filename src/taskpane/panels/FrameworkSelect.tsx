/**
 * The framework picker of Tạo mẫu and Sổ tổng hợp: one source for the option text (year and
 * level first — long titles differ only at their end, cut at 350 px — and "minh họa" once) and
 * for the 320 px behaviour (a <select> is as wide as its longest <option> unless told otherwise:
 * the campaign form's picker widened the pane to ~1,000 px).
 */
import { Field, Select, makeStyles } from '@fluentui/react-components';
import { useApp } from '../app-context';
import type { FrameworkChoice } from '../services';
import { levelName } from '../strings';

const useStyles = makeStyles({
  select: {
    width: '100%',
    minWidth: 0,
    '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
  },
});

export function FrameworkSelect(props: {
  frameworks: readonly FrameworkChoice[];
  value: string;
  onChange(id: string): void;
}) {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <Field label={t.template.frameworkLabel}>
      <Select className={styles.select} value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        {props.frameworks.map((f) => (
          <option key={f.id} value={f.id}>
            {t.template.frameworkOption(f.title, f.year, levelName(f.level, t.locale))}
            {f.status === 'illustrative' && !f.title.includes(t.illustrativeBadge)
              ? ` (${t.illustrativeBadge})`
              : ''}
          </option>
        ))}
      </Select>
    </Field>
  );
}
