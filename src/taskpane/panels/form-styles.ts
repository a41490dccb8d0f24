/**
 * Style rules shared by the panels: one source, so they keep the same spacing and the same 320 px
 * behaviour. `formStyleRules` for the form panels (Tạo mẫu, Bộ tiêu chí, Sổ tổng hợp);
 * `resultStyleRules` for the panels that read files and list results (Kiểm tra, Điều tra XHH,
 * Tổng hợp & Xếp hạng), whose stack has no min-width guard because nothing in it is a form field.
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

/** A list of small cards, one per file or row (ul without bullets). */
const plainList = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalXXS,
} as const;

export const resultStyleRules = {
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: plainList,
  /** The same list when it may grow long: it scrolls inside the pane. */
  scrollingList: { ...plainList, maxHeight: '240px', overflowY: 'auto' },
} as const;

/** Where files are dropped (Tổng hợp & Xếp hạng, Sổ tổng hợp). */
export const dropZoneRule = {
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  gap: tokens.spacingVerticalS,
  padding: tokens.spacingVerticalL,
  border: `2px dashed ${tokens.colorNeutralStroke1}`,
  borderRadius: tokens.borderRadiusLarge,
  textAlign: 'center',
} as const;
