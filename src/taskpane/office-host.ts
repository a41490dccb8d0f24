/**
 * The Office bootstrap: waits for Office.js, tells whether we run inside Excel, and reads the
 * Office theme so the pane matches a light or dark Office (officeTheme is only there in hosts that
 * support it; elsewhere the browser's colour scheme decides).
 */

export interface HostInfo {
  /** Inside Excel (Office.js loaded and a host reported). */
  inExcel: boolean;
  dark: boolean;
}

/** Relative luminance of "#rrggbb" (WCAG), or null when the text is not such a colour. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function isDarkTheme(
  theme: { bodyBackgroundColor?: string } | undefined,
  prefersDark: boolean,
): boolean {
  const l = luminance(theme?.bodyBackgroundColor);
  return l === null ? prefersDark : l < 0.35;
}

function prefersDark(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-color-scheme: dark)').matches;
}

function officeTheme(): { bodyBackgroundColor?: string } | undefined {
  try {
    return Office.context?.officeTheme ?? undefined;
  } catch {
    // Hosts without the theme API throw on access instead of returning undefined.
    return undefined;
  }
}

export function readTheme(): boolean {
  return isDarkTheme(typeof Office === 'undefined' ? undefined : officeTheme(), prefersDark());
}

/** Resolves once Office.js says it is ready, or at once when the page is opened outside Office. */
export function whenOfficeReady(): Promise<HostInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    return Promise.resolve({ inExcel: false, dark: prefersDark() });
  }
  return Office.onReady().then((info) => ({
    inExcel: info.host === Office.HostType.Excel,
    dark: readTheme(),
  }));
}
