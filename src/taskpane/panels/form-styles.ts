/**
 * Style rules shared by the form panels (Tạo mẫu and Bộ tiêu chí): one source, so the two forms
 * keep the same spacing and the same 320 px behaviour.
 */
import { tokens } from '@fluentui/react-components';

export const formStyleRules = {
  // minWidth 0: flex and grid children otherwise grow to their content (a long <option>).
  stack: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    '& > *': { minWidth: 0 },
  },
  facts: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  // Two short fields side by side when there is room, stacked at 320 px.
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalS,
    // An <input> is ~20 characters wide by default: at 320 px it ran over the field beside it.
    '& > *': { minWidth: 0 },
    '& .fui-Input, & .fui-Select, & input, & select': { minWidth: 0, width: '100%' },
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
} as const;
